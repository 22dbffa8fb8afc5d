import Foundation

/// Turns server text (error pages, `detail` strings) into one short, harmless line: proxies
/// answer with whole HTML pages, and nothing from the network may carry escape sequences or
/// bidi overrides into a terminal.
enum TextExcerpt {
    /// Only the start of a body is looked at: the gist of an error page is at its top.
    static let maxExamined = 64 << 10

    static func excerpt(_ body: Data, limit: Int = 120) -> String {
        let text = String(decoding: body.prefix(maxExamined), as: UTF8.self)
        return clean(looksLikeHTML(text) ? stripTags(text) : text, limit: limit)
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<")
            || head.contains("<html") || head.contains("<!doctype") || head.contains("<body")
    }

    /// Drops tags, comments and script/style blocks; each tag becomes a space so that words in
    /// neighbouring elements stay apart.
    static func stripTags(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            guard html[i] == "<" else {
                out.append(html[i])
                i = html.index(after: i)
                continue
            }
            let rest = html[i...]
            let head = rest.prefix(8).lowercased()
            let terminator: String
            if head.hasPrefix("<!--") { terminator = "-->" }
            else if head.hasPrefix("<script") { terminator = "</script>" }
            else if head.hasPrefix("<style") { terminator = "</style>" }
            else { terminator = ">" }
            guard let end = html.range(of: terminator, options: .caseInsensitive, range: i..<html.endIndex) else { break }
            i = end.upperBound
            out.append(" ")
        }
        return decodeEntities(out)
    }

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var t = s
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            t = t.replacingOccurrences(of: entity, with: value, options: .caseInsensitive)
        }
        return t
    }

    /// Controls and format characters (bidi overrides, zero-width joiners) become spaces,
    /// whitespace runs collapse, and the result is cut to `limit` characters.
    static func clean(_ text: String, limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let blank = category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || scalar.properties.isWhitespace
            if blank {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        let line = String(scalars).trimmingCharacters(in: .whitespaces)
        guard line.count > limit else { return line }
        return String(line.prefix(max(0, limit - 1))).trimmingCharacters(in: .whitespaces) + "…"
    }
}
