import ScreenKit

/// A plain-text table for the scripting commands: every cell sanitised (API text is
/// hostile, and a pipe into `less -R` is still a terminal) and padded by display width, so
/// CJK names line up.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns that may be cut to keep lines readable; ids are never in this set.
    var cuttable: [Int: Int] = [:]

    func render() -> String {
        let cleanRows = rows.map { row in
            row.enumerated().map { i, cell in
                cuttable[i].map { Sanitizer.fit(cell, width: $0) } ?? Sanitizer.clean(cell)
            }
        }
        var widths = headers.map { DisplayWidth.of($0) }
        for row in cleanRows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, cell) in cells.enumerated() {
                let isLast = i == cells.count - 1
                s += cell
                if !isLast { s += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2) }
            }
            return s
        }
        var out = [line(headers)]
        out.append(contentsOf: cleanRows.map(line))
        return out.joined(separator: "\n")
    }
}
