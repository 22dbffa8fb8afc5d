import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads HTTP/1.1 requests from a connected socket, keeping bytes that arrive early for the
/// next request on the same connection. Bounded: a client cannot make it buffer without end.
struct SocketReader {
    enum Outcome {
        case request(HTTPRequest)
        case closed
        case malformed(String)
    }

    static let maxHeaderBytes = 64 << 10
    static let maxBodyBytes = 16 << 20

    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    mutating func readRequest() -> Outcome {
        var headEnd: Int?
        while true {
            if let end = Self.findHeaderEnd(buffer) { headEnd = end; break }
            if buffer.count > Self.maxHeaderBytes { return .malformed("request header too large") }
            guard fill() else { return .closed }
        }
        guard let end = headEnd else { return .closed }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            return .malformed("malformed request line")
        }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return .malformed("malformed header line") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = value
        }
        if headers["transfer-encoding"] != nil { return .malformed("chunked request bodies are not supported") }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        guard length >= 0, length <= Self.maxBodyBytes else { return .malformed("request body too large") }
        while buffer.count < length {
            guard fill() else { return .closed }
        }
        let body = Data(buffer[0..<length])
        buffer.removeFirst(length)
        let (path, query) = Self.splitTarget(String(requestLine[1]))
        return .request(HTTPRequest(method: String(requestLine[0]), path: path, query: query,
                                    headers: headers, body: body))
    }

    /// Splits `/a%20b/?x=1&x=2` into a decoded path and ordered, decoded query items.
    static func splitTarget(_ target: String) -> (String, [(name: String, value: String)]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts.first ?? "/")
        let path = rawPath.removingPercentEncoding ?? rawPath
        guard parts.count == 2 else { return (path, []) }
        var query: [(name: String, value: String)] = []
        for pair in parts[1].split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            query.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
        }
        return (path, query)
    }

    private static func findHeaderEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }

    /// Reads what is available; false when the peer closed, timed out or failed.
    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return true }
            if n < 0 && errno == EINTR { continue }
            return false
        }
    }
}
