import CNcursesw

/// One cell as ncurses holds it in the window (what the next doupdate shows), read back
/// with mvwin_wch + getcchar. For tests and debugging: it proves what `draw` stored
/// without parsing escape sequences.
struct StoredCell: Equatable, CustomStringConvertible {
    var text: String
    var bold = false
    var dim = false
    var reverse = false
    var underline = false
    var pair: Int32 = 0
    /// The pair's colour numbers (-1: terminal default).
    var fg: Int32 = -1
    var bg: Int32 = -1

    var description: String {
        let flags = [bold ? "bold" : nil, dim ? "dim" : nil, reverse ? "reverse" : nil,
                     underline ? "underline" : nil].compactMap { $0 }.joined(separator: ",")
        return "\(text.debugDescription) fg=\(fg) bg=\(bg) pair=\(pair) [\(flags)]"
    }
}

extension Terminal {
    func storedCell(x: Int, y: Int) -> StoredCell? {
        guard isActive else { return nil }
        var cc = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cc) != ERR else { return nil }
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attrs: attr_t = 0
        var shortPair: Int16 = 0
        var pair: Int32 = 0
        guard getcchar(&cc, &chars, &attrs, &shortPair, &pair) != ERR else { return nil }
        let scalars = chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var cell = StoredCell(text: String(String.UnicodeScalarView(scalars)))
        cell.bold = attrs & cn_a_bold() != 0
        cell.dim = attrs & cn_a_dim() != 0
        cell.reverse = attrs & cn_a_reverse() != 0
        cell.underline = attrs & cn_a_underline() != 0
        cell.pair = pair
        var fg: Int32 = -1, bg: Int32 = -1
        if pair > 0, extended_pair_content(pair, &fg, &bg) != ERR {
            cell.fg = fg
            cell.bg = bg
        }
        return cell
    }
}
