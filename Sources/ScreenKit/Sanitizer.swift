/// Makes untrusted text (anything from the API) safe to draw: no C0/C1 controls, no
/// ESC, no DEL, no bidirectional overrides, no line breaks. Controls become U+FFFD so that
/// an operator can still see that the server sent something odd; tabs and newlines become
/// a space so that a multi-line note stays on its one row.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        // Fast path: plain printable ASCII needs no work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Cleans and cuts `text` to at most `width` columns, ending with `…` when cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = clean(text)
        if DisplayWidth.of(clean) <= width { return clean }
        var out = ""
        var used = 0
        for g in clean {
            let w = DisplayWidth.of(g)
            if used + w > width - 1 { break }
            out.append(g)
            used += w
        }
        return out + "…"
    }
}
