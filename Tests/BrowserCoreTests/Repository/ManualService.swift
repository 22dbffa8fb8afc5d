import AtomscaleAPI
import Foundation
import Synchronization

/// A fake `AtomscaleService` whose answers the test releases by hand, so sharing and
/// cancellation can be observed deterministically. Every call parks until `release`.
final class ManualService: AtomscaleService, Sendable {
    let origin = "http://fake.invalid"

    private struct Parked {
        var waiting: [String: [CheckedContinuation<Result<FrameList, APIError>, Never>]] = [:]
        var calls: [String] = []
        var cancelled: [String] = []
    }
    private let state = Mutex(Parked())

    var calls: [String] { state.withLock { $0.calls } }
    var cancelled: [String] { state.withLock { $0.cancelled } }
    func parkedCount(_ id: String) -> Int { state.withLock { $0.waiting[id]?.count ?? 0 } }

    func frames(videoID: String) async throws -> FrameList {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Result<FrameList, APIError>, Never>) in
                state.withLock { s in
                    s.calls.append(videoID)
                    s.waiting[videoID, default: []].append(c)
                }
            }
        } onCancel: {
            let parked: [CheckedContinuation<Result<FrameList, APIError>, Never>] = state.withLock { s in
                s.cancelled.append(videoID)
                return s.waiting.removeValue(forKey: videoID) ?? []
            }
            for c in parked { c.resume(returning: .failure(.cancelled)) }
        }
        return try result.get()
    }

    /// Answers every parked call for `videoID`; returns how many were answered.
    @discardableResult
    func release(_ videoID: String, _ result: Result<FrameList, APIError>) -> Int {
        let parked = state.withLock { $0.waiting.removeValue(forKey: videoID) ?? [] }
        for c in parked { c.resume(returning: result) }
        return parked.count
    }

    /// Waits (yielding) until `count` calls for `videoID` are parked.
    func waitForParked(_ videoID: String, count: Int = 1) async {
        for _ in 0..<10_000 where parkedCount(videoID) < count { await Task.yield(); try? await Task.sleep(nanoseconds: 1_000_000) }
    }

    func search(_ query: SearchQuery) async throws -> [CatalogueEntry] { throw APIError.transport("unused") }
    func timeseries(videoID: String) async throws -> Timeseries { throw APIError.transport("unused") }
    func imageLink(imageUUID: String) async throws -> ImageLink { throw APIError.transport("unused") }
    func imageData(imageUUID: String) async throws -> Data { throw APIError.transport("unused") }
}

func frameList(_ id: String, count: Int) -> FrameList {
    let frames = (0..<count).compactMap { i in
        VideoFrame(index: i, json: ["image_uuid": .string("\(id)-\(i)")])
    }
    return FrameList(videoUUID: id, frames: frames)
}
