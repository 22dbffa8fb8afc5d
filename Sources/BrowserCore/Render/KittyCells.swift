import ScreenKit

/// Draws a kitty image as placeholder cells (U+10EEEE with row and column diacritics, the
/// image id as foreground colour), centred in `area` like the half-block cells. To ncurses
/// these are ordinary text cells: the terminal paints the image over them.
enum KittyCells {
    static func draw(_ placement: KittyPlacement, in area: Rect, direct: Bool, _ buffer: inout ScreenBuffer) {
        guard !area.isEmpty, placement.columns > 0, placement.rows > 0 else { return }
        let left = area.x + (area.width - placement.columns) / 2
        let top = area.y + (area.height - placement.rows) / 2
        let visible = area.intersection(Rect(x: left, y: top, width: placement.columns, height: placement.rows))
        guard !visible.isEmpty else { return }
        let style = Style(fg: KittyGraphics.idColor(placement.id, direct: direct))
        for y in visible.y..<visible.maxY {
            for x in visible.x..<visible.maxX {
                // Each cell names its own row and column, so a clipped placement shows the
                // matching part of the image.
                guard let text = KittyGraphics.placeholderText(row: y - top, column: x - left) else { continue }
                buffer.set(x: x, y: y, Cell(text, style: style))
            }
        }
    }
}
