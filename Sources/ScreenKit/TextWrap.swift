/// Breaks sanitised text into lines of at most `width` columns, by grapheme and display
/// width (a wide character never straddles two lines). Prefers breaking after a space, but
/// long unbroken runs (ids, URLs) are split wherever they must be: nothing is ever cut off.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let clean = Sanitizer.clean(text)
        if clean.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var used = 0
        // Where the last space in `line` ends, to break there instead of mid-word.
        var lastSpace: (index: String.Index, used: Int)?
        for g in clean {
            let w = DisplayWidth.of(g)
            if used + w > width, !line.isEmpty {
                if let cut = lastSpace, cut.used > 0, g != " " {
                    let head = String(line[..<cut.index])
                    let tail = String(line[cut.index...])
                    lines.append(head.trimmingTrailingSpaces())
                    line = tail
                    used -= cut.used
                } else {
                    lines.append(line.trimmingTrailingSpaces())
                    line = ""
                    used = 0
                }
                lastSpace = nil
                if g == " " && line.isEmpty { continue }
            }
            line.append(g)
            used += w
            if g == " " { lastSpace = (line.endIndex, used) }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
