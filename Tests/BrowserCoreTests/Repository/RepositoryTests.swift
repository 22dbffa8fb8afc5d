import AtomscaleAPI
import Testing
@testable import BrowserCore

@Suite struct RepositoryTests {
    @Test func concurrentCallersShareOneFetch() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        async let a = repo.frames(videoID: "v1")
        async let b = repo.frames(videoID: "v1")
        await service.waitForParked("v1")
        // Give the second caller time to join; it must join the flight, not start a new one.
        for _ in 0..<50 { await Task.yield() }
        #expect(service.release("v1", .success(frameList("v1", count: 3))) == 1)
        let (ra, rb) = try await (a, b)
        #expect(ra.frames.count == 3)
        #expect(rb == ra)
        #expect(service.calls == ["v1"])
        #expect(await repo.fetchCount == 1)
    }

    @Test func cachedResultNeedsNoFetch() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        async let first = repo.frames(videoID: "v1")
        await service.waitForParked("v1")
        service.release("v1", .success(frameList("v1", count: 2)))
        _ = try await first
        let again = try await repo.frames(videoID: "v1")
        #expect(again.frames.count == 2)
        #expect(service.calls.count == 1)
    }

    @Test func reloadFetchesAgain() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        async let first = repo.frames(videoID: "v1")
        await service.waitForParked("v1")
        service.release("v1", .success(frameList("v1", count: 2)))
        _ = try await first
        async let second = repo.frames(videoID: "v1", reload: true)
        await service.waitForParked("v1")
        service.release("v1", .success(frameList("v1", count: 5)))
        #expect(try await second.frames.count == 5)
        #expect(service.calls == ["v1", "v1"])
    }

    @Test func errorsAreNotCached() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        async let first = repo.frames(videoID: "v1")
        await service.waitForParked("v1")
        service.release("v1", .failure(.http(status: 503, message: "busy")))
        do {
            _ = try await first
            Issue.record("expected the 503 to be thrown")
        } catch {
            #expect(error as? APIError == .http(status: 503, message: "busy"))
        }
        async let second = repo.frames(videoID: "v1")
        await service.waitForParked("v1")
        service.release("v1", .success(frameList("v1", count: 1)))
        #expect(try await second.frames.count == 1)
        #expect(service.calls.count == 2)
    }

    @Test func cancellingTheOnlyCallerCancelsTheFetch() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        let task = Task { try await repo.frames(videoID: "v1") }
        await service.waitForParked("v1")
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        // The network call itself saw the cancellation.
        for _ in 0..<1000 where service.cancelled.isEmpty { try await Task.sleep(nanoseconds: 1_000_000) }
        #expect(service.cancelled == ["v1"])
        for _ in 0..<1000 where await repo.inFlightCount > 0 { try await Task.sleep(nanoseconds: 1_000_000) }
        #expect(await repo.inFlightCount == 0)
    }

    @Test func cancellingOneOfTwoCallersKeepsTheFetchForTheOther() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        let leaving = Task { try await repo.frames(videoID: "v1") }
        let staying = Task { try await repo.frames(videoID: "v1") }
        await service.waitForParked("v1")
        for _ in 0..<50 { await Task.yield() }
        leaving.cancel()
        // The cancelled caller returns before the network answers.
        let left = await leaving.result
        #expect(throws: CancellationError.self) { try left.get() }
        #expect(service.cancelled.isEmpty)
        service.release("v1", .success(frameList("v1", count: 4)))
        #expect(try await staying.value.frames.count == 4)
        #expect(service.calls == ["v1"])
    }

    @Test func aCallerCancelledBeforeItStartsNeverFetches() async throws {
        let service = ManualService()
        let repo = Repository(service: service)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await repo.frames(videoID: "v9")
        }
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(service.calls.isEmpty)
    }
}
