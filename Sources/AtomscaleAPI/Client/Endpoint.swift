import Foundation

/// Request URLs relative to the base URL. Everything outside RFC 3986's unreserved set is
/// percent-encoded, including `+` (many servers read it as a space in a query) and `.` in
/// path segments (so an id of `..` cannot climb out of its endpoint).
enum Endpoint {
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    static func encode(_ text: String, encodingDots: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte), !(encodingDots && byte == UInt8(ascii: ".")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// One path segment from an id: `/`, `?`, `#`, `%` and dots cannot change the path.
    static func segment(_ id: String) -> String { encode(id, encodingDots: true) }

    static func query(_ items: [URLQueryItem]) -> String {
        items.map { encode($0.name) + "=" + encode($0.value ?? "") }.joined(separator: "&")
    }

    /// `path` is already encoded and relative (no leading `/`); `base` ends in `/`.
    static func url(base: URL, path: String, query items: [URLQueryItem] = []) -> URL? {
        var text = base.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += path
        if !items.isEmpty { text += "?" + query(items) }
        return URL(string: text)
    }
}
