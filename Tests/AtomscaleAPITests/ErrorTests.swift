import DemoServer
import Foundation
import Testing
@testable import AtomscaleAPI

/// HTTP statuses, broken servers and dead endpoints, each to its typed `APIError`.
@Suite struct ErrorTests {
    @Test(arguments: [400, 401, 403, 404, 405, 409, 422, 500, 501])
    func statusBecomesHTTPErrorWithDetail(status: Int) async throws {
        let server = try TestServer.start { _, _ in .json(#"{"detail": "reason for \#(status)"}"#, status: status) }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).search(.opticalVideos) }
        #expect(error == .http(status: status, message: "reason for \(status)"))
        #expect(server.log.all.count == 1, "a \(status) must not be retried")
    }

    @Test func validationErrorListReadsAsText() async throws {
        let server = try TestServer.start { _, _ in
            .json(#"{"detail": [{"loc": ["query", "status"], "msg": "value is not a valid enumeration member", "type": "enum"}]}"#, status: 422)
        }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).search(.opticalVideos) }
        #expect(error == .http(status: 422, message: "query.status: value is not a valid enumeration member"))
        #expect(error?.message == "HTTP 422 Unprocessable Entity: query.status: value is not a valid enumeration member")
    }

    @Test func htmlErrorPageBecomesAShortExcerpt() async throws {
        let page = "<!DOCTYPE html><html><head><title>Internal error</title><script>var secret = 1;</script></head>"
            + "<body><h1>Something \u{1B}[2J broke</h1>" + String(repeating: "<p>details</p>", count: 100) + "</body></html>"
        let server = try TestServer.start { _, _ in .text(page, status: 500, contentType: "text/html") }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).frames(videoID: "v") }
        guard case .http(500, let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.hasPrefix("Internal error Something [2J broke details"), "\(message)")
        #expect(message.count <= 120)
        #expect(!message.contains("<") && !message.contains("secret") && !message.contains("\u{1B}"))
    }

    @Test func aServerEchoingTheKeyDoesNotGetItIntoTheError() async throws {
        let server = try TestServer.start { request, _ in
            .text("<html><body>Bad request. Headers: X-API-KEY: \(request.header("x-api-key") ?? "-")</body></html>", status: 400,
                  contentType: "text/html")
        }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).search(.opticalVideos) }
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(testKey) == false)
        #expect(error?.message.contains("[redacted]") == true, "\(String(describing: error))")
    }

    @Test func connectionRefusedIsATransportErrorNamingOnlyHostAndPort() async throws {
        let probe = try HTTPServer.start { _ in .json("[]") }
        let port = probe.port
        probe.stop()
        try await Task.sleep(nanoseconds: 50_000_000)
        let notices = NoticeLog()
        let client = makeClient(URL(string: "http://127.0.0.1:\(port)/api/")!, onRetry: notices.add)
        let error = await apiError { try await client.frames(videoID: "secret-video-id") }
        #expect(error == .transport("cannot connect to 127.0.0.1:\(port)"))
        #expect(error?.message.contains("secret-video-id") == false && error?.message.contains(testKey) == false)
        #expect(notices.all.map(\.description) == ["retrying (2/3) after connection error", "retrying (3/3) after connection error"])
    }

    @Test func unresolvableHostIsATransportError() async throws {
        let client = makeClient(URL(string: "http://no-such-host.invalid/")!, retry: .none)
        let error = await apiError { try await client.search(.opticalVideos) }
        guard case .transport(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.contains("no-such-host.invalid"))
    }

    @Test func slowServerTimesOut() async throws {
        let server = try TestServer.start { _, _ in
            var r = HTTPResponse.json("[]")
            r.delay = 4
            return r
        }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base, retry: .none, timeout: 1).search(.opticalVideos) }
        #expect(error == .timeout(seconds: 1))
    }

    @Test func overallDeadlineBoundsAnAttempt() async throws {
        let server = try TestServer.start { _, _ in
            var r = HTTPResponse.json("[]")
            r.delay = 4
            return r
        }
        defer { server.stop() }
        let client = makeClient(server.base, retry: .none, timeout: 30, deadline: 0.5)
        #expect(await apiError { try await client.search(.opticalVideos) } == .timeout(seconds: 0.5))
    }

    @Test func truncatedBodyIsATransportErrorAndIsRetried() async throws {
        let body = "[" + Array(repeating: #"{"data_id": "x"}"#, count: 100).joined(separator: ",") + "]"
        let server = try TestServer.start { _, _ in
            var r = HTTPResponse.json(body)
            r.truncateAfter = 40
            return r
        }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).search(.opticalVideos) }
        guard case .transport(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.contains("127.0.0.1:\(server.http.port)"), "\(message)")
        // What happened, not libcurl's bare "URL error -1".
        #expect(message.contains("closed after 40 of \(body.utf8.count) bytes"), "\(message)")
        #expect(server.log.all.count == 3)
    }

    @Test func htmlWhereJSONWasExpectedIsADecodingError() async throws {
        let server = try TestServer.start { _, _ in .text("<html><body>Please log in to the Wi-Fi</body></html>", status: 200, contentType: "text/html") }
        defer { server.stop() }
        let error = await apiError { try await makeClient(server.base).search(.opticalVideos) }
        #expect(error == .decoding(#"catalogue: expected JSON, got an HTML page ("Please log in to the Wi-Fi")"#))
    }

    @Test func oversizedImageIsRefused() async throws {
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, _ in
            request.path.hasPrefix("/data_entries/")
                ? .json(#"{"url": "http://localhost:\#(port.withLock { $0 })/big.png"}"#)
                : HTTPResponse(status: 200, body: Data(repeating: 7, count: 5000))
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        let client = makeClient(server.base, maxImageBytes: 4096)
        let error = await apiError { try await client.imageData(imageUUID: "i") }
        guard case .transport(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.contains("limit"))
        #expect(server.log.requests("/big.png").count == 1, "an oversized body is not retried")
        #expect(try await makeClient(server.base, maxImageBytes: 5000).imageData(imageUUID: "i").count == 5000)
    }

    @Test func emptyImageIsAnError() async throws {
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, _ in
            request.path.hasPrefix("/data_entries/") ? .json(#"{"url": "http://localhost:\#(port.withLock { $0 })/e.png"}"#) : HTTPResponse(status: 200)
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        #expect(await apiError { try await makeClient(server.base).imageData(imageUUID: "i") } == .decoding("image: empty response"))
    }

    @Test func cancellingTheTaskEndsTheRequestAsCancelled() async throws {
        let server = try TestServer.start { _, _ in
            var r = HTTPResponse.json("[]")
            r.delay = 5
            return r
        }
        defer { server.stop() }
        let client = makeClient(server.base)
        let task = Task { await apiError { try await client.search(.opticalVideos) } }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        #expect(await task.value == .cancelled)
        #expect(server.log.all.count == 1)
    }

    @Test func cancellationBeforeTheRequestStartsNeverReachesTheServer() async throws {
        let server = try TestServer.start { _, _ in .json("[]") }
        defer { server.stop() }
        let client = makeClient(server.base)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await apiError { try await client.search(.opticalVideos) }
        }
        #expect(await task.value == .cancelled)
        #expect(server.log.all.isEmpty)
    }
}

@Test func httpErrorMessagesReadWellWithAndWithoutAStatusName() {
    #expect(APIError.http(status: 599, message: "odd").message == "HTTP 599: odd")
    #expect(APIError.http(status: 599, message: "").message == "HTTP 599")
    #expect(APIError.http(status: 501, message: "not implemented").message == "HTTP 501 Not Implemented: not implemented")
    #expect(APIError.http(status: 404, message: "").message == "HTTP 404 Not Found")
}
