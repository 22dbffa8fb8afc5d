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

    /// Width of one column of help; a wide window that cannot show every line in one
    /// column shows two side by side, so the whole table fits on one screen.
    static let columnWidth = 76

    static func columnCount(width: Int, height: Int) -> Int {
        let fitsInOne = lines().count + 2 <= height - 2
        return !fitsInOne && width - 2 >= 2 * columnWidth ? 2 : 1
    }

    /// The lines of each column; the second starts at a group heading near the middle.
    static func columns(width: Int, height: Int) -> [ArraySlice<(keys: String, text: String, isGroup: Bool)>] {
        let all = lines()
        guard columnCount(width: width, height: height) == 2 else { return [all[...]] }
        let half = (all.count + 1) / 2
        let split = all.indices.first { $0 >= half && all[$0].isGroup } ?? half
        return [all[..<split], all[split...]]
    }

    static func boxRect(width: Int, height: Int) -> Rect {
        let cols = columns(width: width, height: height)
        let tallest = cols.map(\.count).max() ?? 0
        let w = min(width - 2, cols.count == 2 ? 2 * columnWidth : 96), h = min(height - 2, tallest + 3)
        return Rect(x: max(0, (width - w) / 2), y: max(0, (height - h) / 2), width: w, height: h)
    }

    /// The scroll that brings a group's heading to the top of its column.
    static func scroll(toGroup name: String, width: Int, height: Int) -> Int {
        for column in columns(width: width, height: height) {
            if let i = column.firstIndex(where: { $0.isGroup && $0.keys == name }) {
                return min(i - column.startIndex, maxScroll(width: width, height: height))
            }
        }
        return 0
    }

    static func maxScroll(width: Int, height: Int) -> Int {
        let tallest = columns(width: width, height: height).map(\.count).max() ?? 0
        let visible = max(1, boxRect(width: width, height: height).height - 2)
        return max(0, tallest - visible)
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
        let columns = HelpContent.columns(width: state.width, height: state.height)
        let scroll = min(state.helpScroll, HelpContent.maxScroll(width: state.width, height: state.height))
        let columnWidth = inner.width / columns.count
        for (c, column) in columns.enumerated() {
            let area = Rect(x: inner.x + c * columnWidth, y: inner.y, width: columnWidth, height: inner.height)
            for i in 0..<area.height {
                let index = column.startIndex + scroll + i
                guard index < column.endIndex else { break }
                let line = column[index]
                let y = area.y + i
                if line.isGroup {
                    buffer.put(line.keys, x: area.x + 1, y: y, style: Theme.helpGroup, clip: area)
                } else {
                    buffer.put(line.keys, x: area.x + 2, y: y, style: Theme.helpKey, clip: area)
                    let textX = area.x + 2 + HelpContent.keyColumn
                    buffer.put(Sanitizer.fit(line.text, width: area.maxX - textX - 1), x: textX, y: y,
                               style: Theme.help, clip: area)
                }
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
