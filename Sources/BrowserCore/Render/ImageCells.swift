import ImageKit
import ScreenKit

/// Draws a decoded frame into the screen buffer, centred in `area`, as ordinary cells: the
/// terminal layer stays in charge of every cell, so popups, resizes and the diff keep working.
enum ImageCells {
    static let upperHalf = "\u{2580}"
    static let lowerHalf = "\u{2584}"

    /// - Parameter ascii: shading characters and no colour (NO_COLOR, monochrome, `--image ascii`).
    static func draw(_ image: CellImage, in area: Rect, ascii: Bool, _ buffer: inout ScreenBuffer) {
        guard !area.isEmpty, image.width > 0, image.height > 0 else { return }
        // The scaler already centres within the box it was given; this centres a box of
        // another size (the image kept on screen while a resized one loads).
        let left = area.x + (area.width - image.width) / 2
        let top = area.y + (area.height - image.height) / 2
        let visible = area.intersection(Rect(x: left, y: top, width: image.width, height: image.height))
        guard !visible.isEmpty else { return }
        image.cells.withUnsafeBufferPointer { cells in
            for y in visible.y..<visible.maxY {
                let row = (y - top) * image.width
                for x in visible.x..<visible.maxX {
                    let pixel = cells[row + x - left]
                    if let cell = ascii ? shade(pixel) : block(pixel) { buffer.set(x: x, y: y, cell) }
                }
            }
        }
    }

    /// Upper half block: foreground paints the top pixel, background the bottom one. True
    /// colours here; the terminal layer maps them to 256 or 16 colours as the terminal needs.
    static func block(_ pixel: CellPixel) -> Cell? {
        switch (pixel.top, pixel.bottom) {
        case (nil, nil): return nil
        case let (top?, bottom):
            return Cell(upperHalf, style: Style(fg: colour(top), bg: bottom.map(colour) ?? .none))
        case let (nil, bottom?):
            // Letterbox above the image: the lower half block leaves the top half unpainted.
            return Cell(lowerHalf, style: Style(fg: colour(bottom)))
        }
    }

    /// One shading character from the mean luminance of both halves (ImageKit's ramp, the
    /// same as `render --colors none`).
    static func shade(_ pixel: CellPixel) -> Cell? {
        let halves = [pixel.top, pixel.bottom].compactMap { $0 }
        guard !halves.isEmpty else { return nil }
        let luminance = halves.map(ColorQuantizer.luminance).reduce(0, +) / halves.count
        return Cell(String(ColorQuantizer.monoCharacter(luminance: luminance)))
    }

    static func colour(_ c: ImageKit.RGB) -> TermColor { .rgb(ScreenKit.RGB(c.r, c.g, c.b)) }
}
