import AtomscaleAPI
import DemoServer
import Foundation
import Testing

extension EndToEnd {
/// A video that is still recording: a server whose frame list grows on every request while
/// the status says `running`, then settles to `success`.
@Suite(.serialized) struct LiveRefreshEndToEndTests {
    final class GrowingVideo: @unchecked Sendable {
        static let id = "11111111-2222-4333-8444-555555555555"
        private let lock = NSLock()
        private var frameRequests = 0
        private(set) var settleAfter: Int

        init(settleAfter: Int) { self.settleAfter = settleAfter }

        var requests: Int { lock.withLock { frameRequests } }

        func handle(_ r: HTTPRequest) -> HTTPResponse {
            if r.path == "/data_entries/" {
                let status = lock.withLock { frameRequests >= settleAfter ? "success" : "running" }
                return .json("""
                    [{"data_id":"\(Self.id)","char_source_type":"optical","raw_name":"live_run.mp4","pipeline_status":"\(status)"}]
                    """)
            }
            if r.path == "/optical/frame/video_single_frames/\(Self.id)" {
                let count = lock.withLock { () -> Int in
                    frameRequests += 1
                    return 2 + min(frameRequests, settleAfter)
                }
                let frames = (0..<count).map { i in
                    "{\"image_uuid\":\"\(String(format: "%08x", 0xabc000 + i))-0000-4000-8000-000000000000\"}"
                }
                return .json("{\"video_uuid\":\"\(Self.id)\",\"frames\":[\(frames.joined(separator: ","))]}")
            }
            return .json("{\"detail\":\"Not found\"}", status: 404)
        }
    }

    @Test(.enabled(if: BrowserEndToEndTests.available)) func newFramesAppearWithoutMovingTheSelectionUntilTheStatusSettles() async throws {
        let video = GrowingVideo(settleAfter: 5)
        let server = try HTTPServer.start { video.handle($0) }
        defer { server.stop() }
        let env = ["AS_API_ENDPOINT": server.baseURL.absoluteString, "AS_API_KEY": "k",
                   "XDG_CONFIG_HOME": "/nonexistent-config", "XDG_STATE_HOME": makeTemporaryDirectory(),
                   "TERM": "xterm-256color"]
        defer { try? FileManager.default.removeItem(atPath: env["XDG_STATE_HOME"]!) }
        let tmux = try BrowserEndToEndTests.launch(["--refresh-interval", "0.5"], env: env)
        defer { tmux.kill() }
        let first = try await tmux.waitFor { BrowserEndToEndTests.headerLine($0, "2 Frames").contains("live") }
        #expect(BrowserEndToEndTests.headerLine(first, "2 Frames").contains("live"), "\(first)")
        // Select the second frame; refreshes add frames below it and keep it selected.
        try tmux.send("2"); try tmux.send("j")
        let grown = try await tmux.waitFor(timeout: 20) {
            $0.contains("2 Frames  2/7") && !BrowserEndToEndTests.headerLine($0, "2 Frames").contains("live")
        }
        #expect(grown.contains("2 Frames  2/7"), "\(grown)")
        #expect(!BrowserEndToEndTests.headerLine(grown, "2 Frames").contains("live"), "still live:\n\(grown)")
        // Settled: no more frame requests.
        let settled = video.requests
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(video.requests == settled)
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("EXIT=") }
    }
}
}

extension EndToEnd.BrowserEndToEndTests {
    static func headerLine(_ screen: String, _ title: String) -> String {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(title) }) else { return "" }
        guard let start = line.range(of: title) else { return "" }
        return String(line[start.lowerBound...].prefix(40))
    }
}
