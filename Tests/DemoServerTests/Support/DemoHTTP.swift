import DemoServer
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain URLSession against the demo server (the real API client is tested elsewhere).
struct DemoHTTP {
    let server: DemoServer
    static let session: URLSession = {
        let config = URLSessionConfiguration.ephemeral
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.timeoutIntervalForRequest = 60
        return URLSession(configuration: config)
    }()

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
        func object() throws -> [String: Any] { try #require(try json() as? [String: Any], "not an object: \(text.prefix(200))") }
        func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]], "not an array: \(text.prefix(200))") }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// GET a path relative to the API base URL (query included), with the key by default.
    func get(_ pathAndQuery: String, key: String? = "test-key") async throws -> Reply {
        try await fetch(URL(string: server.apiURL.absoluteString + pathAndQuery)!, key: key)
    }

    func fetch(_ url: URL, key: String? = nil) async throws -> Reply {
        var request = URLRequest(url: url)
        if let key { request.setValue(key, forHTTPHeaderField: "X-API-KEY") }
        let (data, response) = try await Self.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers["\(k)"] = "\(v)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func entries(_ query: String = "") async throws -> [[String: Any]] {
        let r = try await get("data_entries/" + query)
        #expect(r.status == 200, "\(r.text.prefix(300))")
        return try r.array()
    }

    static func ids(_ list: [[String: Any]]) -> [String] { list.compactMap { $0["data_id"] as? String } }
}
