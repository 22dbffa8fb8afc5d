import AtomscaleAPI
@testable import BrowserCore
import ScreenKit

/// Catalogue entries and frame lists built the way the client builds them (from JSON).
enum Fixtures {
    static func video(_ n: Int, name: String? = nil, status: String = "success", type: String = "optical",
                      extra: [String: JSONValue] = [:]) -> CatalogueEntry {
        var json: [String: JSONValue] = [
            "data_id": .string(id(n)),
            "char_source_type": .string(type),
            "raw_name": .string(name ?? "growth-run-\(n).mp4"),
            "pipeline_status": .string(status),
            "sample_name": .string("GaN-\(n)"),
            "upload_datetime": .string("2026-03-0\(n % 9 + 1)T10:11:12Z"),
        ]
        for (k, v) in extra { json[k] = v }
        return CatalogueEntry(json: json)!
    }

    static func id(_ n: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", n, n) }

    static func videos(_ count: Int) -> [CatalogueEntry] { (0..<count).map { video($0) } }

    static func frames(_ videoID: String, count: Int) -> FrameList {
        let frames = (0..<count).compactMap { i in
            VideoFrame(index: i, json: [
                "image_uuid": .string("\(String(videoID.prefix(4)))f\(String(format: "%03d", i))-aaaa-bbbb-cccc-\(String(format: "%012d", i))"),
                "processed_file_metadata": .object(["file_type": .string("png"), "width": .number(640), "height": .number(480)]),
                "time_seconds": .number(Double(i) * 0.5),
            ])
        }
        return FrameList(videoUUID: videoID, frames: frames)
    }
}

/// Drives the reducer like the UI loop does and records every effect.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    init(width: Int = 160, height: Int = 45) {
        state = AppState(width: width, height: height, sourceLabel: "test")
    }

    @discardableResult
    mutating func send(_ event: AppEvent) -> [Effect] {
        let out = reduce(&state, event)
        effects += out
        return out
    }

    @discardableResult
    mutating func keys(_ keys: Key...) -> [Effect] {
        keys.flatMap { send(.key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { send(.key(.char($0))) }
    }

    /// Starts and answers the first videos load with `videos`.
    mutating func loaded(_ videos: [CatalogueEntry]) -> [Effect] {
        let start = send(.start)
        guard case .loadVideos(let request, _, _)? = start.first(where: { if case .loadVideos = $0 { return true }; return false }) else {
            return []
        }
        return send(.videosLoaded(request: request, .success(videos)))
    }

    static func framesRequest(in effects: [Effect]) -> (RequestID, String)? {
        for e in effects { if case .loadFrames(let r, let id, _) = e { return (r, id) } }
        return nil
    }
}
