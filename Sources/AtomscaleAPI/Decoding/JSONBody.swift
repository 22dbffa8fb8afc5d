import Foundation

/// Bytes to `JSONValue`, with messages that say what arrived instead of JSON. Parsing uses
/// `JSONParser` (strict, depth-limited, straight to `JSONValue`); only key order is lost,
/// and the one place that needs it uses `JSONKeyOrder`.
enum JSONBody {
    static func isBlank(_ data: Data) -> Bool {
        data.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `what` names the response in messages ("catalogue", "frames").
    static func parse(_ data: Data, what: String) throws(APIError) -> JSONValue {
        if isBlank(data) { throw .decoding("\(what): empty response, expected JSON") }
        do {
            return try data.withUnsafeBytes { bytes in try JSONParser.parse(bytes) }
        } catch {
            throw .decoding("\(what): \(describeNonJSON(data))")
        }
    }

    /// Why a body is not JSON, with a short cleaned excerpt when it is text.
    static func describeNonJSON(_ data: Data) -> String {
        let first = data.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        let startsLikeJSON = first.map { Array("{[\"-0123456789tfn".utf8).contains($0) } ?? false
        if startsLikeJSON { return "malformed or truncated JSON (\(data.count) bytes)" }
        let text = String(decoding: data.prefix(TextExcerpt.maxExamined), as: UTF8.self)
        let excerpt = TextExcerpt.excerpt(data, limit: 80)
        let kind = TextExcerpt.looksLikeHTML(text) ? "an HTML page" : "text"
        return excerpt.isEmpty ? "expected JSON, got \(kind)" : "expected JSON, got \(kind) (\"\(excerpt)\")"
    }
}

extension JSONValue {
    /// "an object", "a string", ... for messages about wrong types.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
