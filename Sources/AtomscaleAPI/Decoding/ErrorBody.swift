import Foundation

/// The message of a non-2xx answer: the JSON `detail` when there is one (FastAPI style),
/// else a short cleaned excerpt of whatever page a proxy sent.
enum ErrorBody {
    static let detailLimit = 200
    static let excerptLimit = 120

    static func message(_ body: Data) -> String {
        if JSONBody.isBlank(body) { return "" }
        let first = body.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\""),
           body.count <= TextExcerpt.maxExamined,
           let value = try? JSONBody.parse(body, what: "error") {
            let text: String
            if let object = value.objectValue {
                let key = ["detail", "message", "error", "title"].first { object[$0].map { !$0.isNull } ?? false }
                text = key.map { render(object[$0]!) } ?? value.displayText
            } else {
                text = render(value)
            }
            return TextExcerpt.clean(text, limit: detailLimit)
        }
        return TextExcerpt.excerpt(body, limit: excerptLimit)
    }

    /// A `detail` that is a list of validation errors (`[{"loc": [...], "msg": ...}]`) reads as
    /// "query.status: not a valid value"; anything else as compact JSON.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let s):
            return s
        case .array(let items):
            return items.map(render).joined(separator: "; ")
        case .object(let o):
            guard let msg = o["msg"]?.stringValue ?? o["message"]?.stringValue else { return value.displayText }
            let loc = o["loc"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ".") ?? ""
            return loc.isEmpty ? msg : "\(loc): \(msg)"
        default:
            return value.displayText
        }
    }
}
