import DemoServer
import Foundation
import Testing
@testable import AtomscaleAPI

/// Bounded retries of GETs on faults a second attempt can cure, and the presigned re-link.
@Suite struct RetryTests {
    @Test func serviceUnavailableThenSuccessTakesTwoAttempts() async throws {
        let server = try TestServer.start { _, earlier in
            earlier == 0 ? .json(#"{"detail": "warming up"}"#, status: 503) : .json(#"[{"data_id": "a"}]"#)
        }
        defer { server.stop() }
        let notices = NoticeLog()
        let entries = try await makeClient(server.base, onRetry: notices.add).search(.opticalVideos)
        #expect(entries.map(\.dataID) == ["a"])
        #expect(server.log.all.count == 2)
        #expect(server.log.all.allSatisfy { $0.header("x-api-key") == testKey })
        #expect(notices.all.map(\.description) == ["retrying (2/3) after HTTP 503"])
    }

    @Test(arguments: [502, 504])
    func gatewayErrorsAreRetried(status: Int) async throws {
        let server = try TestServer.start { _, earlier in earlier < 2 ? .text("bad gateway", status: status) : .json(#"{"frames": []}"#) }
        defer { server.stop() }
        _ = try await makeClient(server.base).frames(videoID: "v")
        #expect(server.log.all.count == 3)
    }

    @Test func notFoundIsNotRetried() async throws {
        let server = try TestServer.start { _, _ in .json(#"{"detail": "no such video"}"#, status: 404) }
        defer { server.stop() }
        let notices = NoticeLog()
        let error = await apiError { try await makeClient(server.base, onRetry: notices.add).frames(videoID: "v") }
        #expect(error == .http(status: 404, message: "no such video"))
        #expect(server.log.all.count == 1)
        #expect(notices.all.isEmpty)
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let server = try TestServer.start { _, earlier in
            earlier == 0 ? HTTPResponse(status: 429, headers: ["Retry-After": "0"], body: json(#"{"detail": "slow down"}"#))
                         : .json("[]")
        }
        defer { server.stop() }
        let notices = NoticeLog()
        _ = try await makeClient(server.base, onRetry: notices.add).search(.opticalVideos)
        #expect(server.log.all.count == 2)
        #expect(notices.all == [RetryNotice(attempt: 2, maxAttempts: 3, reason: "HTTP 429", delay: 0)])
    }

    @Test func retryAfterIsCapped() async throws {
        let server = try TestServer.start { _, earlier in
            earlier == 0 ? HTTPResponse(status: 503, headers: ["Retry-After": "3600"]) : .json("[]")
        }
        defer { server.stop() }
        let notices = NoticeLog()
        _ = try await makeClient(server.base, onRetry: notices.add).search(.opticalVideos)
        #expect(notices.all.map(\.delay) == [RetryPolicy.fast.maxRetryAfter])
    }

    @Test func attemptsAreBoundedAndTheLastErrorIsReported() async throws {
        let server = try TestServer.start { _, earlier in .json(#"{"detail": "down \#(earlier)"}"#, status: 503) }
        defer { server.stop() }
        let notices = NoticeLog()
        let error = await apiError { try await makeClient(server.base, onRetry: notices.add).search(.opticalVideos) }
        #expect(error == .http(status: 503, message: "down 2"))
        #expect(server.log.all.count == 3)
        #expect(notices.all.map(\.attempt) == [2, 3])

        let once = try TestServer.start { _, _ in .json("{}", status: 503) }
        defer { once.stop() }
        _ = await apiError { try await makeClient(once.base, retry: .none).search(.opticalVideos) }
        #expect(once.log.all.count == 1)
    }

    @Test func cancellationDuringBackoffStopsRetrying() async throws {
        let server = try TestServer.start { _, _ in .json("{}", status: 503) }
        defer { server.stop() }
        let slow = RetryPolicy(maxAttempts: 3, baseDelay: 30, maxDelay: 30)
        let client = makeClient(server.base, retry: slow)
        let task = Task { await apiError { try await client.search(.opticalVideos) } }
        while server.log.all.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        #expect(await task.value == .cancelled)
        #expect(server.log.all.count == 1)
    }

    @Test func expiredPresignedLinkIsFetchedAgainOnce() async throws {
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, earlier in
            if request.path == "/data_entries/processed_data/img" {
                return .json(#"{"url": "http://localhost:\#(port.withLock { $0 })/signed/\#(earlier)"}"#)
            }
            return request.path == "/signed/0"
                ? .text("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", status: 403, contentType: "application/xml")
                : HTTPResponse(status: 200, body: Data("png".utf8))
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        #expect(try await makeClient(server.base).imageData(imageUUID: "img") == Data("png".utf8))
        #expect(server.log.count("/data_entries/processed_data/img") == 2)
        #expect(server.log.all.map(\.path) == ["/data_entries/processed_data/img", "/signed/0", "/data_entries/processed_data/img", "/signed/1"])
    }

    @Test func persistentForbiddenDownloadGivesUpAfterOneRelink() async throws {
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, _ in
            request.path.hasPrefix("/data_entries/")
                ? .json(#"{"url": "http://localhost:\#(port.withLock { $0 })/signed"}"#)
                : .text("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", status: 403)
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        let error = await apiError { try await makeClient(server.base).imageData(imageUUID: "img") }
        #expect(error == .http(status: 403, message: "AccessDenied Request has expired"))
        #expect(server.log.count("/data_entries/processed_data/img") == 2)
        #expect(server.log.count("/signed") == 2)
    }

    @Test func backoffGrowsWithinBounds() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 3)
        #expect(policy.backoff(beforeAttempt: 2, unitRandom: 0) == 0.5)
        #expect(policy.backoff(beforeAttempt: 2, unitRandom: 1) == 1)
        #expect(policy.backoff(beforeAttempt: 3, unitRandom: 1) == 2)
        #expect(policy.backoff(beforeAttempt: 5, unitRandom: 1) == 3)
        #expect(policy.retryAfterDelay("2") == 2)
        #expect(policy.retryAfterDelay("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
        #expect(policy.retryAfterDelay("-5") == 0)
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
