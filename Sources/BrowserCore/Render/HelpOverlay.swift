import ScreenKit

/// The `?` overlay's lines, built from the key table (so help cannot drift from behaviour).
enum HelpContent {
    static let keyColumn = 18

    static func lines() -> [(keys: String, text: String, isGroup: Bool)] {
        var out: [(String, String, Bool)] = []
        var group = ""
        for row in Keymap.helpRows() {
            if row.group != group {
                if !group.isEmpty { out.append(("", "", false)) }
                group = row.group
                out.append((group, "", true))
            }
            out.append((row.keys, row.summary, false))
        }
        return out
    }

    static func boxRect(width: Int, height: Int) -> Rect {
        let w = min(width - 2, 96), h = min(height - 2, lines().count + 3)
        return Rect(x: max(0, (width - w) / 2), y: max(0, (height - h) / 2), width: w, height: h)
    }

    static func maxScroll(height: Int) -> Int {
        let visible = max(1, min(height - 2, lines().count + 3) - 2)
        return max(0, lines().count - visible)
    }
}

/// Draws the help box over the panels.
enum HelpOverlay {
    static func draw(_ state: AppState, _ buffer: inout ScreenBuffer) {
        let box = HelpContent.boxRect(width: state.width, height: state.height)
        guard box.width >= 10, box.height >= 4 else { return }
        buffer.fill(box)
        drawBorder(box, &buffer)
        let title = " Keys (Esc closes, j/k scroll) "
        buffer.put(title, x: box.x + 2, y: box.y, style: Theme.helpGroup, clip: box)
        let inner = box.inset(by: 1)
        let lines = HelpContent.lines()
        let scroll = min(state.helpScroll, HelpContent.maxScroll(height: state.height))
        for i in 0..<inner.height {
            let index = scroll + i
            guard index < lines.count else { break }
            let line = lines[index]
            let y = inner.y + i
            if line.isGroup {
                buffer.put(line.keys, x: inner.x + 1, y: y, style: Theme.helpGroup, clip: inner)
            } else {
                buffer.put(line.keys, x: inner.x + 2, y: y, style: Theme.helpKey, clip: inner)
                buffer.put(line.text, x: inner.x + 2 + HelpContent.keyColumn, y: y, style: Theme.help, clip: inner)
            }
        }
    }

    static func drawBorder(_ r: Rect, _ buffer: inout ScreenBuffer) {
        let style = Theme.helpKey
        for x in r.x..<r.maxX {
            buffer.set(x: x, y: r.y, Cell("─", style: style))
            buffer.set(x: x, y: r.maxY - 1, Cell("─", style: style))
        }
        for y in r.y..<r.maxY {
            buffer.set(x: r.x, y: y, Cell("│", style: style))
            buffer.set(x: r.maxX - 1, y: y, Cell("│", style: style))
        }
        buffer.set(x: r.x, y: r.y, Cell("┌", style: style))
        buffer.set(x: r.maxX - 1, y: r.y, Cell("┐", style: style))
        buffer.set(x: r.x, y: r.maxY - 1, Cell("└", style: style))
        buffer.set(x: r.maxX - 1, y: r.maxY - 1, Cell("┘", style: style))
    }
}
