import AtomscaleAPI
@testable import BrowserCore
import ScreenKit

extension Driver {
    /// Videos loaded, the first video's frames loaded, the triage database answered (empty
    /// unless `snapshot` says otherwise).
    static func triage(videos: [CatalogueEntry] = Fixtures.videos(4), frames: Int = 6,
                       snapshot: TriageSnapshot = TriageSnapshot()) -> Driver {
        var d = Driver()
        let start = d.send(.start)
        if let r = start.triageLoad { d.send(.triageLoaded(request: r, .success(snapshot))) }
        if let r = start.videosLoad {
            let loaded = d.send(.videosLoaded(request: r, .success(videos)))
            if let (fr, id) = Driver.framesRequest(in: loaded) {
                d.send(.framesLoaded(request: fr, videoID: id, .success(Fixtures.frames(id, count: frames))))
            }
        }
        d.effects = []
        return d
    }

    /// Answers every `.saveTriage` in `effects` as the store would (stamped by "tester").
    mutating func store(_ effects: [Effect]) {
        for case .saveTriage(let change) in effects {
            var entry = state.triage.entry(change.item.kind, change.item.itemID) ?? TriageEntry(mark: nil, note: nil)
            entry.user = "tester"
            entry.updatedAt = "2026-03-01T12:00:00.000Z"
            send(.triageSaved(change, .success(entry.mark == nil && entry.note == nil ? nil : entry)))
        }
    }
}

extension Array where Element == Effect {
    var triageLoad: RequestID? {
        for e in self { if case .loadTriage(let r) = e { return r } }
        return nil
    }

    var videosLoad: RequestID? {
        for e in self { if case .loadVideos(let r, _, _) = e { return r } }
        return nil
    }

    var saves: [TriageChange] {
        compactMap { if case .saveTriage(let c) = $0 { return c }; return nil }
    }
}
