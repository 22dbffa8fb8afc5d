import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct LoadingTests {
    @Test func startAsksForOpticalVideosAndShowsLoading() {
        var d = Driver()
        let effects = d.send(.start)
        #expect(effects == [.loadVideos(request: RequestID(1), query: .opticalVideos, reload: false),
                            .loadTriage(request: RequestID(2))])
        #expect(d.state.videosLoad.isLoading)
        #expect(Screen.render(d.state).lines().joined().contains("loading videos"))
    }

    @Test func loadedVideosKeepOnlyOpticalAndLoadFirstFramesAtOnce() {
        var d = Driver()
        let list = [Fixtures.video(1), Fixtures.video(2, type: "xps"), Fixtures.video(3)]
        let effects = d.loaded(list)
        #expect(d.state.videos.items.map(\.dataID) == [Fixtures.id(1), Fixtures.id(3)])
        #expect(d.state.selectedVideo?.dataID == Fixtures.id(1))
        let frames = Driver.framesRequest(in: effects)
        #expect(frames?.1 == Fixtures.id(1))
        #expect(d.state.framesLoad.isLoading)
    }

    @Test func framesResultFillsThePanelAndStaleResultsAreDropped() throws {
        var d = Driver()
        let effects = d.loaded(Fixtures.videos(3))
        let (request, id) = try #require(Driver.framesRequest(in: effects))
        // A stale answer (unknown request id) changes nothing.
        d.send(.framesLoaded(request: RequestID(999), videoID: id, .success(Fixtures.frames(id, count: 9))))
        #expect(d.state.framesLoad.isLoading)
        d.send(.framesLoaded(request: request, videoID: id, .success(Fixtures.frames(id, count: 4))))
        #expect(d.state.frames.count == 4)
        #expect(d.state.selectedFrame?.index == 0)
        #expect(d.state.framesRequest == nil)
    }

    @Test func holdingDownThroughTheListIssuesNoLoadUntilTheSelectionSettles() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(60))
        let (r1, id1) = try #require(Driver.framesRequest(in: first))
        d.send(.framesLoaded(request: r1, videoID: id1, .success(Fixtures.frames(id1, count: 3))))
        d.effects = []
        for _ in 0..<40 { d.keys(.char("j")) }
        let loads = d.effects.filter { if case .loadFrames = $0 { return true }; return false }
        #expect(loads.isEmpty, "a load per passed video: \(loads.count)")
        #expect(d.effects.contains(.schedule(.framesDebounce, after: framesDebounceSeconds)))
        #expect(d.state.framesLoad.isLoading)
        // The debounce fires once: exactly one load, for the video the user stopped on.
        let fired = d.send(.timerFired(.framesDebounce))
        #expect(Driver.framesRequest(in: fired)?.1 == Fixtures.id(40))
        #expect(fired.filter { if case .loadFrames = $0 { return true }; return false }.count == 1)
    }

    @Test func movingAwayCancelsTheInFlightFramesLoad() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(5))
        let (r1, _) = try #require(Driver.framesRequest(in: first))
        let moved = d.keys(.char("j"))
        #expect(moved.contains(.cancel(request: r1)))
        // Its late answer is ignored.
        d.send(.framesLoaded(request: r1, videoID: Fixtures.id(0), .success(Fixtures.frames(Fixtures.id(0), count: 7))))
        #expect(d.state.frames.count == 0)
        #expect(d.state.framesVideoID == Fixtures.id(1))
    }

    @Test func aVideoSeenRecentlyIsShownWithoutAnyLoad() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(5))
        let (r1, id0) = try #require(Driver.framesRequest(in: first))
        d.send(.framesLoaded(request: r1, videoID: id0, .success(Fixtures.frames(id0, count: 7))))
        d.keys(.char("j"))
        let back = d.keys(.char("k"))
        #expect(Driver.framesRequest(in: back) == nil)
        #expect(!back.contains { if case .schedule = $0 { return true }; return false })
        #expect(d.state.frames.count == 7)
    }

    @Test func videosErrorIsShownInThePanelAndStatusAndReloadRetries() {
        var d = Driver()
        let start = d.send(.start)
        guard case .loadVideos(let r, _, _) = start[0] else { Issue.record("no load"); return }
        d.send(.videosLoaded(request: r, .failure(.http(status: 503, message: "maintenance"))))
        #expect(d.state.videosLoad.errorMessage?.contains("503") == true)
        let screen = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(screen.contains("error: HTTP 503"))
        #expect(screen.contains("press r to retry"))
        let retry = d.keys(.char("r"))
        #expect(retry.contains { if case .loadVideos(_, _, true) = $0 { return true }; return false })
        #expect(d.state.lastError == nil)
    }

    @Test func failedReloadKeepsTheDataAndSaysSo() throws {
        var d = Driver()
        _ = d.loaded(Fixtures.videos(3))
        let reload = d.keys(.char("r"))
        let r = try #require(reload.compactMap { e -> RequestID? in if case .loadVideos(let r, _, _) = e { return r }; return nil }.first)
        d.send(.videosLoaded(request: r, .failure(.timeout(seconds: 20))))
        #expect(d.state.videos.count == 3)
        #expect(d.state.lastError?.contains("reload failed") == true)
    }

    @Test func framesErrorStaysInTheFramesPanel() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(2))
        let (r, id) = try #require(Driver.framesRequest(in: first))
        d.send(.framesLoaded(request: r, videoID: id, .failure(.http(status: 404, message: "Video not found"))))
        #expect(d.state.framesLoad.errorMessage == "HTTP 404 Not Found: Video not found")
        #expect(d.state.videosLoad.value != nil)
    }

    @Test func reloadKeepsTheSelectedVideoAndFrame() throws {
        var d = Driver()
        let first = d.loaded(Fixtures.videos(6))
        let (r, id) = try #require(Driver.framesRequest(in: first))
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 10))))
        d.keys(.enter, .char("j"), .char("j"), .char("j"))
        let frameUUID = try #require(d.state.selectedFrame?.imageUUID)
        let reload = d.keys(.char("r"))
        let vr = try #require(reload.compactMap { e -> RequestID? in if case .loadVideos(let r, _, _) = e { return r }; return nil }.first)
        let (fr, fid) = try #require(Driver.framesRequest(in: reload))
        #expect(fid == id)
        // The catalogue comes back reordered: the selection follows the video, not the row.
        d.send(.videosLoaded(request: vr, .success(Fixtures.videos(6).reversed())))
        #expect(d.state.selectedVideo?.dataID == id)
        #expect(d.state.videoList.selected == 5)
        d.send(.framesLoaded(request: fr, videoID: fid, .success(Fixtures.frames(id, count: 12))))
        #expect(d.state.selectedFrame?.imageUUID == frameUUID)
        #expect(d.state.frames.count == 12)
    }

    @Test func resultsAfterQuitOrForOtherVideosNeverCrash() {
        var d = Driver(width: 0, height: 0)
        d.send(.framesLoaded(request: RequestID(5), videoID: "x", .success(Fixtures.frames("x", count: 2))))
        d.send(.videosLoaded(request: RequestID(5), .success([])))
        _ = Screen.render(d.state)
        #expect(d.state.videos.count == 0)
    }
}
