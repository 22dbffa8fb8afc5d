import DemoServer
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The loopback server as a client sees it: real sockets, URLSession on the other end.
struct HTTPServerTests {
    @Test func servesHandlerResponsesWithDecodedPathAndRepeatedQuery() async throws {
        let seen = Recorder()
        let server = try HTTPServer.start { req in
            seen.add(req.path + " " + req.queryValues("k").joined(separator: ",") + " " + (req.header("X-Test") ?? "-"))
            return .json("{\"ok\":true}")
        }
        defer { server.stop() }
        var request = URLRequest(url: URL(string: "\(server.baseURL)a%20b/?k=1&k=x%26y&other=z")!)
        request.setValue("yes", forHTTPHeaderField: "X-Test")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == "{\"ok\":true}")
        #expect(seen.items == ["/a b/ 1,x&y yes"])
    }

    @Test func keepsServingManyRequestsOnReusedConnections() async throws {
        let server = try HTTPServer.start { req in .text(req.path, status: req.path == "/missing" ? 404 : 200) }
        defer { server.stop() }
        for i in 0..<50 {
            let (data, response) = try await URLSession.shared.data(from: URL(string: "\(server.baseURL)n\(i)")!)
            #expect(String(decoding: data, as: UTF8.self) == "/n\(i)")
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
        let (_, missing) = try await URLSession.shared.data(from: URL(string: "\(server.baseURL)missing")!)
        #expect((missing as? HTTPURLResponse)?.statusCode == 404)
    }

    @Test func truncatedBodyIsAnErrorForTheClient() async throws {
        let server = try HTTPServer.start { _ in
            var r = HTTPResponse.json(String(repeating: "x", count: 1000))
            r.truncateAfter = 10
            return r
        }
        defer { server.stop() }
        await #expect(throws: (any Error).self) {
            _ = try await URLSession.shared.data(from: URL(string: "\(server.baseURL)t")!)
        }
    }

    @Test func stoppedServerRefusesConnections() async throws {
        let server = try HTTPServer.start { _ in .json("{}") }
        let url = URL(string: "\(server.baseURL)x")!
        _ = try await URLSession.shared.data(from: url)
        server.stop()
        try await Task.sleep(nanoseconds: 100_000_000)
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = 5
        await #expect(throws: (any Error).self) {
            _ = try await URLSession(configuration: config).data(from: url)
        }
    }
}

final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var items: [String] { lock.withLock { list } }
}
