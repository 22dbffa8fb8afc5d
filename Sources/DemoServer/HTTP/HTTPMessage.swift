import Foundation

/// A parsed HTTP/1.1 request as the loopback server hands it to a route handler.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query, percent-decoded, e.g. `/data_entries/`.
    public var path: String
    /// Query items in order; repeated keys stay repeated.
    public var query: [(name: String, value: String)]
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [String: String] = [:], body: Data = Data()) {
        self.method = method; self.path = path; self.query = query
        self.headers = headers; self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
    public func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
}

/// A response a route handler returns. `delay` and `truncateAfter` exist so that tests and
/// the fault-injecting demo mode can simulate slow and broken servers.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// Seconds to wait before sending anything.
    public var delay: Double = 0
    /// Send only this many body bytes (with the full Content-Length), then close.
    public var truncateAfter: Int? = nil

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status; self.headers = headers; self.body = body
    }

    public static func json(_ data: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: data)
    }

    public static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        json(Data(text.utf8), status: status)
    }

    public static func text(_ text: String, status: Int, contentType: String = "text/plain") -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
    }
}
