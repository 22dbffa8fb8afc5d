import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct LiveRefreshTests {
    static func videos() -> [CatalogueEntry] {
        [Fixtures.video(0, status: "running"), Fixtures.video(1, status: "success"), Fixtures.video(2, status: "stream_active")]
    }

    func scheduled(_ effects: [Effect]) -> Bool { effects.contains(.schedule(.liveRefresh, after: 5)) }

    @Test func aRunningVideoStartsTheTimerOnceItsFramesAreShown() {
        var d = Driver()
        let start = d.send(.start)
        let loaded = d.send(.videosLoaded(request: start.videosLoad!, .success(Self.videos())))
        #expect(!scheduled(loaded))
        let (r, id) = Driver.framesRequest(in: loaded)!
        let frames = d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 3))))
        #expect(scheduled(frames))
        #expect(d.state.live.videoID == Fixtures.id(0))
        let header = Screen.render(d.state).lines().first { $0.contains("Frames") } ?? ""
        #expect(header.contains("live"), "\(header)")
    }

    @Test func eachTickReloadsFramesAndTheEntryAndNewFramesKeepTheSelection() throws {
        var d = Driver.triage(videos: Self.videos(), frames: 3)
        d.keys(.char("2"), .char("j"))
        let selected = try #require(d.state.selectedFrame?.imageUUID)
        let tick = d.send(.timerFired(.liveRefresh))
        #expect(scheduled(tick))
        let (r, id) = try #require(Driver.framesRequest(in: tick))
        #expect(tick.contains(.loadFrames(request: r, videoID: id, reload: true)))
        let entryRequest = try #require(tick.compactMap { e -> RequestID? in
            if case .refreshVideo(let r, let v) = e, v == id { return r }; return nil }.first)
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 7))))
        #expect(d.state.frames.count == 7)
        #expect(d.state.selectedFrame?.imageUUID == selected)
        // Still running: nothing stops.
        let same = d.send(.videoRefreshed(request: entryRequest, videoID: id, .success(Fixtures.video(0, status: "running"))))
        #expect(!same.contains(.cancelTimer(.liveRefresh)))
    }

    @Test func aTickWhileTheLastRefreshIsStillRunningStartsNoSecondOne() throws {
        var d = Driver.triage(videos: Self.videos())
        let first = d.send(.timerFired(.liveRefresh))
        #expect(Driver.framesRequest(in: first) != nil)
        let second = d.send(.timerFired(.liveRefresh))
        #expect(Driver.framesRequest(in: second) == nil)
        #expect(!second.contains { if case .refreshVideo = $0 { return true }; return false })
        #expect(scheduled(second))
    }

    @Test func theTimerStopsWhenTheStatusSettles() throws {
        var d = Driver.triage(videos: Self.videos())
        let tick = d.send(.timerFired(.liveRefresh))
        let r = try #require(tick.compactMap { e -> RequestID? in if case .refreshVideo(let r, _) = e { return r }; return nil }.first)
        let settled = d.send(.videoRefreshed(request: r, videoID: Fixtures.id(0), .success(Fixtures.video(0, status: "success"))))
        #expect(settled.contains(.cancelTimer(.liveRefresh)))
        #expect(d.state.live.videoID == nil)
        #expect(d.state.selectedVideo?.pipelineStatus == "success")
        // A late tick does nothing.
        #expect(d.send(.timerFired(.liveRefresh)).isEmpty)
    }

    @Test func theTimerStopsWhenTheUserLeavesTheVideoAndMovesToAnotherLiveOne() {
        var d = Driver.triage(videos: Self.videos())
        #expect(d.state.live.videoID == Fixtures.id(0))
        let away = d.keys(.char("j"))
        #expect(away.contains(.cancelTimer(.liveRefresh)))
        #expect(d.state.live.videoID == nil)
        // Video 2 is stream_active: its timer starts once its frames are shown.
        let next = d.keys(.char("j"))
        let r = d.send(.timerFired(.framesDebounce)) + next
        let (fr, id) = Driver.framesRequest(in: r)!
        let shown = d.send(.framesLoaded(request: fr, videoID: id, .success(Fixtures.frames(id, count: 2))))
        #expect(scheduled(shown))
        #expect(d.state.live.videoID == Fixtures.id(2))
    }

    @Test func theIntervalComesFromTheSettings() {
        var d = Driver()
        d.state.live.interval = 2.5
        let start = d.send(.start)
        let loaded = d.send(.videosLoaded(request: start.videosLoad!, .success(Self.videos())))
        let (r, id) = Driver.framesRequest(in: loaded)!
        #expect(d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: 1))))
            .contains(.schedule(.liveRefresh, after: 2.5)))
    }
}
