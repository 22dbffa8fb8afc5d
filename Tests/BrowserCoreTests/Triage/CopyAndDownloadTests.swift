import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct CopyAndDownloadTests {
    @Test func yCopiesTheVideoIdOrTheFrameIdByFocus() throws {
        var d = Driver.triage()
        let video = try #require(d.state.selectedVideo?.dataID)
        #expect(d.keys(.char("y")) == [.copyToClipboard(video)])
        #expect(d.state.notice == "copied \(video) (OSC 52)")
        d.keys(.char("3"))
        #expect(d.keys(.char("y")) == [.copyToClipboard(video)])
        d.keys(.char("2"), .char("j"))
        let frame = try #require(d.state.selectedFrame?.imageUUID)
        #expect(d.keys(.char("y")) == [.copyToClipboard(frame)])
        d.keys(.char("5"))
        #expect(d.keys(.char("y")) == [.copyToClipboard(frame)])
    }

    @Test func yWithNothingSelectedSaysSo() {
        var d = Driver.triage(videos: [])
        #expect(d.keys(.char("y")).isEmpty)
        #expect(d.state.notice == "no video selected")
    }

    @Test func dSavesTheSelectedFrameAndDAllFramesOfTheVideo() throws {
        var d = Driver.triage(frames: 5)
        d.keys(.char("2"), .char("j"))
        let video = try #require(d.state.selectedVideo)
        let frame = try #require(d.state.selectedFrame)
        let one = d.keys(.char("d"))
        guard case .startDownload(let r, let job)? = one.first else { Issue.record("\(one)"); return }
        #expect(job == DownloadJob(videoID: video.dataID, videoName: video.displayName, frames: [frame], frameCount: 5))
        // One at a time.
        #expect(d.keys(.char("D")).isEmpty)
        #expect(d.state.notice == "a download is running (c cancels it)")
        d.send(.downloadProgress(request: r, DownloadCounts(total: 1)))
        d.send(.downloadFinished(request: r, DownloadOutcome(counts: DownloadCounts(total: 1, saved: 1), directory: "/tmp/x")))
        #expect(d.state.notice == "downloaded: 1 saved in /tmp/x")
        let all = d.keys(.char("D"))
        guard case .startDownload(_, let whole)? = all.first else { Issue.record("\(all)"); return }
        #expect(whole.frames.count == 5)
    }

    @Test func progressShowsInTheStatusLineAndCCancels() throws {
        var d = Driver.triage(frames: 300)
        let start = d.keys(.char("D"))
        guard case .startDownload(let r, _)? = start.first else { Issue.record("\(start)"); return }
        d.send(.downloadProgress(request: r, DownloadCounts(total: 300, saved: 10, skipped: 2)))
        var status = Screen.render(d.state).lines().last ?? ""
        #expect(status.contains("downloading 12/300") && status.contains("c cancels"), "\(status)")
        #expect(d.keys(.char("c")) == [.cancelDownload(request: r)])
        status = Screen.render(d.state).lines().last ?? ""
        #expect(status.contains("cancelling"), "\(status)")
        d.send(.downloadFinished(request: r, DownloadOutcome(counts: DownloadCounts(total: 300, saved: 12, failed: 1),
                                                             directory: "/d", firstError: "HTTP 500", cancelled: true)))
        #expect(d.state.lastError == "download cancelled: 12 saved, 1 failed, 287 not downloaded in /d (first: HTTP 500)")
        #expect(!d.state.downloads.isRunning)
        #expect(d.keys(.char("c")).isEmpty)
    }

    @Test func capitalDWaitsForTheFrames() {
        var d = Driver()
        let start = d.send(.start)
        d.send(.videosLoaded(request: start.videosLoad!, .success(Fixtures.videos(2))))
        #expect(d.keys(.char("D")).isEmpty)
        #expect(d.state.notice == "the frames of this video are not loaded yet")
        #expect(d.keys(.char("d")).isEmpty)
    }
}
