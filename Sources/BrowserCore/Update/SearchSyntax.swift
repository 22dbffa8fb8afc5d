import AtomscaleAPI

/// The `s` prompt's little language, so a server-side search fits on one line:
/// plain words (or "quoted phrases") are keywords, all of which must match;
/// `status:running`, `from:2026-01-01`, `to:2026-03-31` (upload date, inclusive),
/// `project:ID` and `sample:ID` narrow further. An empty line is the whole catalogue.
public enum SearchSyntax {
    public struct Problem: Error, Equatable {
        public let message: String
    }

    public static let statuses = ["success", "pending", "error", "running", "stream_active", "stream_interrupted",
                                  "stream_finalizing", "stream_error", "all"]

    public static func parse(_ text: String, base: SearchQuery = .opticalVideos) -> Result<SearchQuery, Problem> {
        var query = SearchQuery()
        query.dataType = base.dataType
        query.includeOrganizationData = base.includeOrganizationData
        let tokens: [String]
        switch tokenize(text) {
        case .success(let t): tokens = t
        case .failure(let p): return .failure(p)
        }
        for token in tokens {
            guard let colon = token.firstIndex(of: ":"), !token.hasPrefix("\"") else {
                query.keywords.append(token.replacingOccurrences(of: "\"", with: ""))
                continue
            }
            let name = token[..<colon].lowercased()
            let value = String(token[token.index(after: colon)...])
            switch name {
            case "status":
                guard statuses.contains(value) else {
                    return .failure(Problem(message: "status must be one of \(statuses.joined(separator: ", "))"))
                }
                query.status = value == "all" ? nil : value
            case "from", "to":
                guard isDate(value) else {
                    return .failure(Problem(message: "\(name): expects a date like 2026-03-31, not '\(value)'"))
                }
                if name == "from" { query.uploadDatetimeMin = value } else { query.uploadDatetimeMax = endOfDay(value) }
            case "project": query.projectIDs.append(value)
            case "sample": query.physicalSampleIDs.append(value)
            default:
                // Not a filter we know: most likely a keyword with a colon in it (a time, a URL).
                query.keywords.append(token)
            }
        }
        return .success(query)
    }

    /// The prompt text that parses back into `query` (what the `s` prompt opens with).
    public static func format(_ query: SearchQuery) -> String {
        var parts = query.keywords.map { $0.contains(" ") ? "\"\($0)\"" : $0 }
        if let s = query.status { parts.append("status:" + s) }
        if let v = query.uploadDatetimeMin { parts.append("from:" + v) }
        if let v = query.uploadDatetimeMax { parts.append("to:" + String(v.prefix(10))) }
        parts += query.projectIDs.map { "project:" + $0 }
        parts += query.physicalSampleIDs.map { "sample:" + $0 }
        return parts.joined(separator: " ")
    }

    static func tokenize(_ text: String) -> Result<[String], Problem> {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); continue }
            if c == " " && !quoted {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if quoted { return .failure(Problem(message: "unclosed quote")) }
        if !current.isEmpty { tokens.append(current) }
        return .success(tokens)
    }

    static func isDate(_ s: String) -> Bool {
        let c = Array(s)
        guard c.count == 10, c[4] == "-", c[7] == "-" else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { c[$0].isASCII && c[$0].isNumber }
        guard digits, let month = Int(String(c[5...6])), let day = Int(String(c[8...9])) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `to:` is inclusive: the whole last day counts.
    static func endOfDay(_ date: String) -> String { date + "T23:59:59.999Z" }
}
