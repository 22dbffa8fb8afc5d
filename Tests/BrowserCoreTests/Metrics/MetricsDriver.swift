import AtomscaleAPI
@testable import BrowserCore

extension Driver {
    static func timeseriesRequest(in effects: [Effect]) -> (RequestID, String)? {
        for e in effects { if case .loadTimeseries(let r, let id, _) = e { return (r, id) } }
        return nil
    }

    static func timeseriesLoads(in effects: [Effect]) -> [Effect] {
        effects.filter { if case .loadTimeseries = $0 { return true }; return false }
    }

    /// Videos loaded, the first one's frames and timeseries answered.
    static func withMetrics(videos: Int = 5, frames: Int = 20, series: Timeseries, width: Int = 160,
                            height: Int = 45, threshold: Double = 0.5) throws -> Driver {
        var d = Driver(width: width, height: height)
        d.state.metrics.threshold = threshold
        let first = d.loaded(Fixtures.videos(videos))
        guard let (r, id) = framesRequest(in: first), let (t, tid) = timeseriesRequest(in: first) else {
            throw FixtureError.noLoad
        }
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: frames))))
        d.send(.timeseriesLoaded(request: t, videoID: tid, .success(series)))
        return d
    }

    enum FixtureError: Error { case noLoad }
}
