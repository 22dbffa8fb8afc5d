import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

/// Retries and bytes received, as the status line shows them while a load runs.
@Suite struct NetworkNotesTests {
    static func statusLine(_ state: AppState) -> String { Screen.render(state).lines().last ?? "" }

    @Test func aRetryIsShownUntilTheLoadAnswers() throws {
        var d = Driver()
        let start = d.send(.start)
        guard case .loadVideos(let request, _, _)? = start.first else { Issue.record("no load"); return }
        d.send(.retrying(RetryNotice(attempt: 2, maxAttempts: 3, reason: "HTTP 503", delay: 0.5)))
        #expect(Self.statusLine(d.state).contains("retrying (2/3) after HTTP 503…"))
        // A key does not hide it (the retry is still running).
        d.keys(.char("j"))
        #expect(Self.statusLine(d.state).contains("retrying (2/3) after HTTP 503"))
        d.send(.videosLoaded(request: request, .success(Fixtures.videos(3))))
        #expect(d.state.network.retry == nil)
        #expect(!Self.statusLine(d.state).contains("retrying"))
    }

    @Test func bytesReceivedAreShownBesideWhatIsLoading() throws {
        var d = Driver()
        let start = d.send(.start)
        guard case .loadVideos(let request, _, _)? = start.first else { Issue.record("no load"); return }
        d.send(.transferProgress(TransferProgress(resource: .catalogue, received: 12_345_678, expected: 43_500_000, complete: false)))
        #expect(Self.statusLine(d.state).contains("loading videos (12.3 of 43.5 MB)…"))
        d.send(.transferProgress(TransferProgress(resource: .catalogue, received: 43_500_000, expected: 43_500_000, complete: true)))
        #expect(Self.statusLine(d.state).contains("loading videos (43.5 MB, decoding)…"))
        // Progress of a request nobody waits for (frames, none asked) is dropped.
        d.send(.transferProgress(TransferProgress(resource: .frames, received: 10, expected: nil, complete: false)))
        #expect(d.state.network.frames == nil)
        let effects = d.send(.videosPrepared(request: request, .success(PreparedVideos(Fixtures.videos(4)))))
        #expect(d.state.network.videos == nil && d.state.videos.count == 4)
        let (framesRequest, id) = try #require(Driver.framesRequest(in: effects))
        d.send(.transferProgress(TransferProgress(resource: .frames, received: 820_000, expected: nil, complete: false)))
        #expect(Self.statusLine(d.state).contains("loading frames (820 kB)…"))
        d.send(.framesLoaded(request: framesRequest, videoID: id, .success(Fixtures.frames(id, count: 3))))
        #expect(d.state.network.frames == nil)
        #expect(!Self.statusLine(d.state).contains("kB"))
    }

    @Test func newBytesEndTheRetryNotice() {
        var d = Driver()
        d.send(.start)
        d.send(.retrying(RetryNotice(attempt: 2, maxAttempts: 3, reason: "connection error", delay: 1)))
        d.send(.transferProgress(TransferProgress(resource: .catalogue, received: 1000, expected: 2000, complete: false)))
        #expect(d.state.network.retry == nil)
        #expect(Self.statusLine(d.state).contains("loading videos (1 of 2 kB)…"))
    }

    @Test func aDownloadsAnswerEndsItsRetryNotice() {
        var d = Driver()
        d.send(.start)
        d.send(.retrying(RetryNotice(attempt: 2, maxAttempts: 3, reason: "HTTP 503", delay: 0.5)))
        d.send(.downloadProgress(request: RequestID(99), DownloadCounts(total: 3)))
        #expect(d.state.network.retry == nil)
    }

    @Test func sizes() {
        #expect(TransferProgress(resource: .image, received: 999, expected: nil, complete: false).summary == "999 B")
        #expect(TransferProgress(resource: .image, received: 1_499, expected: nil, complete: false).summary == "1 kB")
        #expect(TransferProgress(resource: .image, received: 2_000_000, expected: 1, complete: false).summary == "2.0 MB")
        #expect(TransferProgress(resource: .image, received: 500, expected: 2_000_000, complete: false).summary == "0.0 of 2.0 MB")
    }
}
