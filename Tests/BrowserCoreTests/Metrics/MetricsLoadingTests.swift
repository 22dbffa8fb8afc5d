import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct MetricsLoadingTests {
    typealias F = MetricsFixtures

    @Test func theFirstVideosTimeseriesIsAskedForAtOnceWithItsFrames() throws {
        var d = Driver()
        let effects = d.loaded(Fixtures.videos(3))
        let (_, id) = try #require(Driver.timeseriesRequest(in: effects))
        #expect(id == Fixtures.id(0))
        #expect(Driver.timeseriesLoads(in: effects).count == 1)
        #expect(d.state.metrics.load.isLoading)
        #expect(!effects.contains(.schedule(.timeseriesDebounce, after: timeseriesDebounceSeconds)))
    }

    @Test func holdingDownIssuesNoTimeseriesLoadUntilTheSelectionSettles() throws {
        var d = try Driver.withMetrics(videos: 60, series: F.rows(count: 20))
        d.effects = []
        for _ in 0..<40 { d.keys(.char("j")) }
        #expect(Driver.timeseriesLoads(in: d.effects).isEmpty)
        #expect(d.effects.contains(.schedule(.timeseriesDebounce, after: timeseriesDebounceSeconds)))
        #expect(d.state.metrics.load.isLoading)
        let fired = d.send(.timerFired(.timeseriesDebounce))
        #expect(Driver.timeseriesLoads(in: fired).count == 1)
        #expect(Driver.timeseriesRequest(in: fired)?.1 == Fixtures.id(40))
        // The frames' debounce firing afterwards issues no second timeseries load.
        let frames = d.send(.timerFired(.framesDebounce))
        #expect(Driver.framesRequest(in: frames) != nil)
        #expect(Driver.timeseriesLoads(in: frames).isEmpty)
    }

    @Test func whenTheFramesDebounceFiresFirstTheTimeseriesGoesWithIt() throws {
        var d = try Driver.withMetrics(videos: 10, series: F.rows(count: 20))
        d.keys(.char("j"), .char("j"))
        let fired = d.send(.timerFired(.framesDebounce))
        #expect(Driver.timeseriesRequest(in: fired)?.1 == Fixtures.id(2))
        #expect(fired.contains(.cancelTimer(.timeseriesDebounce)))
        // Its own debounce, if already due, then does nothing.
        #expect(d.send(.timerFired(.timeseriesDebounce)).isEmpty)
    }

    @Test func enterOnAVideoAsksForItsMetricsWithoutWaiting() throws {
        var d = try Driver.withMetrics(videos: 10, series: F.rows(count: 20))
        d.keys(.char("j"))
        let opened = d.keys(.enter)
        #expect(Driver.timeseriesRequest(in: opened)?.1 == Fixtures.id(1))
    }

    @Test func movingAwayCancelsTheLoadAndItsLateAnswerIsDropped() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(5))
        let (t0, id0) = try #require(Driver.timeseriesRequest(in: first))
        let moved = d.keys(.char("j"))
        #expect(moved.contains(.cancel(request: t0)))
        d.send(.timeseriesLoaded(request: t0, videoID: id0, .success(F.rows(count: 5, anomalies: [1]))))
        #expect(d.state.metrics.load.isLoading)
        #expect(d.state.metrics.videoID == Fixtures.id(1))
        #expect(d.state.metrics.anomalyCounts.isEmpty)
    }

    @Test func staleAndOutOfOrderResultsAreDropped() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(3))
        let (t, id) = try #require(Driver.timeseriesRequest(in: first))
        d.send(.timeseriesLoaded(request: RequestID(999), videoID: id, .success(F.rows(count: 3))))
        #expect(d.state.metrics.load.isLoading)
        d.send(.timeseriesLoaded(request: t, videoID: id, .success(F.rows(count: 4))))
        #expect(d.state.metrics.series?.metrics.first?.samples.count == 4)
        // A second answer to the same request changes nothing.
        d.send(.timeseriesLoaded(request: t, videoID: id, .success(F.rows(count: 9))))
        #expect(d.state.metrics.series?.metrics.first?.samples.count == 4)
        #expect(d.state.metrics.request == nil)
    }

    @Test func errorsStayInTheMetricsPane() throws {
        var d = Driver(width: 160, height: 40)
        let first = d.loaded(Fixtures.videos(3))
        let (r, id) = try #require(Driver.framesRequest(in: first))
        let (t, _) = try #require(Driver.timeseriesRequest(in: first))
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 5))))
        d.send(.timeseriesLoaded(request: t, videoID: id, .failure(.http(status: 503, message: "maintenance"))))
        #expect(d.state.metrics.load.errorMessage == "HTTP 503 Service Unavailable: maintenance")
        #expect(d.state.lastError == nil)
        #expect(d.state.frames.count == 5)
        let buffer = Screen.render(d.state)
        let rect = d.state.layout.rect(.metrics)
        let pane = (rect.y..<rect.maxY).map { y in (rect.x..<rect.maxX).map { buffer[$0, y].text }.joined() }.joined(separator: "\n")
        #expect(pane.contains("error: HTTP 503"))
        #expect(pane.contains("press r to retry"))
        #expect(!buffer.lines().last!.contains("503"), "the status line shows the metrics error")
        #expect(d.state.metrics.anomalyCounts[id] == nil)
        // r retries it.
        let retry = d.keys(.char("r"))
        #expect(retry.contains { if case .loadTimeseries(_, id, true) = $0 { return true }; return false })
    }

    @Test func notFoundMeansNoMetricsYet() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(2))
        let (t, id) = try #require(Driver.timeseriesRequest(in: first))
        d.send(.timeseriesLoaded(request: t, videoID: id, .failure(.http(status: 404, message: "Not Found"))))
        #expect(d.state.metrics.series == .empty)
        #expect(Screen.render(d.state).lines().joined().contains("no metrics yet"))
    }

    @Test func countsAppearInTheVideosListOnceKnownAndStay() throws {
        var d = try Driver.withMetrics(videos: 4, frames: 20, series: F.rows(count: 20, anomalies: [1, 5, 6]))
        let id0 = Fixtures.id(0)
        #expect(d.state.metrics.anomalyCounts[id0] == 3)
        #expect(Screen.render(d.state).lines()[2].contains("⚠3"))
        // Video 1: no anomalies; its count is 0 once both its frames and metrics are in.
        d.keys(.char("j"))
        let fired = d.send(.timerFired(.framesDebounce))
        let (r, id1) = try #require(Driver.framesRequest(in: fired))
        let (t, _) = try #require(Driver.timeseriesRequest(in: fired))
        d.send(.timeseriesLoaded(request: t, videoID: id1, .success(F.rows(count: 8))))
        #expect(d.state.metrics.anomalyCounts[id1] == nil, "counted before the frames were known")
        d.send(.framesLoaded(request: r, videoID: id1, .success(Fixtures.frames(id1, count: 8))))
        #expect(d.state.metrics.anomalyCounts[id1] == 0)
        let lines = Screen.render(d.state).lines()
        #expect(lines[2].contains("⚠3"), "the count of an unselected video went away")
        #expect(lines[3].contains("⚠0"))
        #expect(!lines[4].contains("⚠"))
        // Back to video 0: from the caches, no load at all.
        let back = d.keys(.char("k"))
        #expect(Driver.timeseriesLoads(in: back).isEmpty && Driver.framesRequest(in: back) == nil)
        #expect(d.state.metrics.anomalousFrames == [1, 5, 6])
    }

    @Test func reloadFetchesTheTimeseriesAgainAndKeepsThePlotsMeanwhile() throws {
        var d = try Driver.withMetrics(frames: 10, series: F.rows(count: 10, anomalies: [2]))
        let reload = d.keys(.char("r"))
        let loads = Driver.timeseriesLoads(in: reload)
        #expect(loads.count == 1)
        guard case .loadTimeseries(let t, let id, true)? = loads.first else {
            Issue.record("no reload of the timeseries: \(reload)")
            return
        }
        #expect(d.state.metrics.series != nil)
        #expect(d.state.metrics.anomalousFrames == [2])
        // A failed reload keeps the data and says so in the pane only.
        d.send(.timeseriesLoaded(request: t, videoID: id, .failure(.timeout(seconds: 20))))
        #expect(d.state.metrics.anomalousFrames == [2])
        #expect(d.state.metrics.reloadError == "reload failed: timed out after 20s")
        #expect(Screen.render(d.state).lines().joined().contains("reload failed: timed out"))
        // A successful one replaces the anomalies.
        let again = d.keys(.char("r"))
        let (t2, _) = try #require(Driver.timeseriesRequest(in: again))
        d.send(.timeseriesLoaded(request: t2, videoID: id, .success(F.rows(count: 10, anomalies: [4, 8]))))
        #expect(d.state.metrics.anomalousFrames == [4, 8])
        #expect(d.state.metrics.anomalyCounts[id] == 2)
        #expect(d.state.metrics.reloadError == nil)
    }

    @Test func newFramesRealignWithoutAnyMetricsLoad() throws {
        var d = try Driver.withMetrics(frames: 5, series: F.rows(count: 12, anomalies: [3, 9]))
        #expect(d.state.metrics.anomalousFrames == [3])
        #expect(d.state.metrics.alignment?.metrics.first?.unmatchedSamples == 7)
        // A reload brings more frames (a live video): frame 9 is now there and anomalous.
        let reload = d.keys(.char("r"))
        let (r, id) = try #require(Driver.framesRequest(in: reload))
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 12))))
        #expect(d.state.metrics.anomalousFrames == [3, 9])
        #expect(d.state.metrics.anomalyCounts[id] == 2)
    }

    @Test func filteringTheVideosAwayClearsTheMetrics() throws {
        var d = try Driver.withMetrics(series: F.rows(count: 20, anomalies: [1]))
        d.keys(.char("/"))
        d.type("no-such-video")
        #expect(d.state.metrics.videoID == nil)
        #expect(d.state.metrics.alignment == nil)
        #expect(d.state.metrics.anomalousFlags.isEmpty)
        d.keys(.escape, .escape)
        #expect(d.state.metrics.series != nil, "not served from the cache")
        #expect(d.state.metrics.anomalousFrames == [1])
    }

    @Test func aLiveVideoRefreshesItsMetricsWithItsFrames() throws {
        var d = Driver()
        let first = d.loaded([Fixtures.video(0, status: "running"), Fixtures.video(1)])
        let (r, id) = try #require(Driver.framesRequest(in: first))
        let (t, _) = try #require(Driver.timeseriesRequest(in: first))
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 4))))
        d.send(.timeseriesLoaded(request: t, videoID: id, .success(F.rows(count: 4))))
        #expect(d.state.metrics.anomalousFrames.isEmpty)
        let fired = d.send(.timerFired(.liveRefresh))
        let loads = Driver.timeseriesLoads(in: fired)
        guard case .loadTimeseries(let t2, id, true)? = loads.first, loads.count == 1 else {
            Issue.record("no timeseries refresh: \(fired)")
            return
        }
        // The plots stay while it runs; a second tick does not pile up another load.
        #expect(d.state.metrics.series != nil)
        #expect(Driver.timeseriesLoads(in: d.send(.timerFired(.liveRefresh))).isEmpty)
        // New frames and a new anomaly arrive.
        let (r2, _) = try #require(Driver.framesRequest(in: fired))
        d.send(.framesLoaded(request: r2, videoID: id, .success(Fixtures.frames(id, count: 6))))
        d.send(.timeseriesLoaded(request: t2, videoID: id, .success(F.rows(count: 6, anomalies: [5]))))
        #expect(d.state.metrics.anomalousFrames == [5])
        #expect(d.state.metrics.anomalyCounts[id] == 1)
    }
}
