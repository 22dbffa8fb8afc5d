/// Turns a `CellImage` into text with SGR colour sequences for the `render` command.
public enum ANSIImageWriter {
    /// One line per cell row, each ending in `ESC[0m` and a newline. A colour sequence
    /// is written only when a cell's colours differ from the previous cell's.
    /// `.mono` writes shading characters and no escape sequences at all: it is what
    /// NO_COLOR asks for, and a reset would be noise there.
    public static func render(_ image: CellImage, mode: ColorMode) -> String {
        var output = SGRBuffer(mode: mode)
        output.bytes.reserveCapacity(image.width * image.height * (mode == .mono ? 1 : 12) + image.height * 5)
        image.cells.withUnsafeBufferPointer { cells in
            for row in 0..<image.height {
                for column in 0..<image.width {
                    if mode == .mono {
                        output.appendMono(cells[row * image.width + column])
                    } else {
                        output.appendColour(cells[row * image.width + column])
                    }
                }
                output.endLine()
            }
        }
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

/// Builds the UTF-8 output directly: going through String interpolation per cell
/// costs more than the quantisation itself.
struct SGRBuffer {
    let mode: ColorMode
    var bytes: [UInt8] = []
    /// Current colour as the mode encodes it (0xRRGGBB, palette index, or 0...15);
    /// nil = terminal default, which is also the state after a reset.
    private var foreground: Int?
    private var background: Int?

    private static let upperHalf: [UInt8] = Array("\u{2580}".utf8)
    private static let lowerHalf: [UInt8] = Array("\u{2584}".utf8)
    private static let space = UInt8(ascii: " ")

    init(mode: ColorMode) {
        self.mode = mode
    }

    mutating func appendColour(_ cell: CellPixel) {
        switch (cell.top.map(code), cell.bottom.map(code)) {
        case (nil, nil):
            // A space only shows its background; the foreground may stay as it is.
            setColours(foreground: foreground, background: nil)
            bytes.append(Self.space)
        case let (top?, bottom?) where top == bottom:
            // Both halves look the same once quantised: a space avoids the hairline
            // gaps some fonts leave around block glyphs.
            setColours(foreground: foreground, background: top)
            bytes.append(Self.space)
        case let (top?, bottom):
            setColours(foreground: top, background: bottom)
            bytes += Self.upperHalf
        case let (nil, bottom?):
            // U+2580 cannot leave its top half transparent; the lower half block can.
            setColours(foreground: bottom, background: nil)
            bytes += Self.lowerHalf
        }
    }

    mutating func appendMono(_ cell: CellPixel) {
        let luminance: Int
        switch (cell.top, cell.bottom) {
        case (nil, nil):
            bytes.append(Self.space)
            return
        case let (top?, bottom?):
            luminance = (ColorQuantizer.luminance(top) + ColorQuantizer.luminance(bottom)) / 2
        case let (top?, nil):
            luminance = ColorQuantizer.luminance(top)
        case let (nil, bottom?):
            luminance = ColorQuantizer.luminance(bottom)
        }
        bytes += String(ColorQuantizer.monoCharacter(luminance: luminance)).utf8
    }

    mutating func endLine() {
        if mode != .mono { bytes += [0x1B, UInt8(ascii: "["), UInt8(ascii: "0"), UInt8(ascii: "m")] }
        bytes.append(UInt8(ascii: "\n"))
        foreground = nil
        background = nil
    }

    private func code(_ colour: RGB) -> Int {
        switch mode {
        case .truecolor: return Int(colour.r) << 16 | Int(colour.g) << 8 | Int(colour.b)
        case .palette256: return Int(ColorQuantizer.palette256Index(colour))
        case .ansi16, .mono: return Int(ColorQuantizer.ansi16Index(colour))
        }
    }

    /// Writes one SGR sequence covering whichever of the two colours changed.
    private mutating func setColours(foreground newForeground: Int?, background newBackground: Int?) {
        let foregroundChanged = newForeground != foreground
        let backgroundChanged = newBackground != background
        guard foregroundChanged || backgroundChanged else { return }
        bytes += [0x1B, UInt8(ascii: "[")]
        if foregroundChanged { appendParameters(newForeground, isBackground: false) }
        if foregroundChanged && backgroundChanged { bytes.append(UInt8(ascii: ";")) }
        if backgroundChanged { appendParameters(newBackground, isBackground: true) }
        bytes.append(UInt8(ascii: "m"))
        foreground = newForeground
        background = newBackground
    }

    private mutating func appendParameters(_ code: Int?, isBackground: Bool) {
        guard let code else {
            appendNumber(isBackground ? 49 : 39)
            return
        }
        switch mode {
        case .truecolor:
            appendNumber(isBackground ? 48 : 38)
            bytes += [UInt8(ascii: ";"), UInt8(ascii: "2"), UInt8(ascii: ";")]
            appendNumber(code >> 16)
            bytes.append(UInt8(ascii: ";"))
            appendNumber((code >> 8) & 0xFF)
            bytes.append(UInt8(ascii: ";"))
            appendNumber(code & 0xFF)
        case .palette256:
            appendNumber(isBackground ? 48 : 38)
            bytes += [UInt8(ascii: ";"), UInt8(ascii: "5"), UInt8(ascii: ";")]
            appendNumber(code)
        case .ansi16, .mono:
            let base = code < 8 ? (isBackground ? 40 : 30) : (isBackground ? 100 : 90)
            appendNumber(base + code % 8)
        }
    }

    private mutating func appendNumber(_ value: Int) {
        if value >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(value / 100)) }
        if value >= 10 { bytes.append(UInt8(ascii: "0") + UInt8((value / 10) % 10)) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
