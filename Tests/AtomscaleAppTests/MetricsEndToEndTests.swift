import AtomscaleAPI
import BrowserCore
import DemoServer
import Foundation
import Testing

extension EndToEnd {
/// The metrics pane and `]` in the real program against the demo server, in tmux.
@Suite(.serialized) struct MetricsEndToEndTests {
    /// A demo video with metrics and at least one anomalous frame, and what the browser must
    /// find for it (computed here with the same pure functions, from the client's answers).
    struct Target {
        let video: CatalogueEntry
        let frames: [VideoFrame]
        let series: Timeseries
        let anomalous: [Int]
    }

    static func findTarget(_ server: DemoServer) async throws -> Target? {
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
        for video in try await client.search(.opticalVideos).filter(\.isOptical) {
            guard let frames = try? await client.frames(videoID: video.dataID).frames, !frames.isEmpty,
                  let series = try? await client.timeseries(videoID: video.dataID), !series.metrics.isEmpty else { continue }
            let anomalous = Anomalies.frames(series, FrameAlignment(series, frames: frames), threshold: Anomalies.defaultThreshold)
            // The first frame is selected at the start: take a video whose first anomaly is later.
            if let first = anomalous.first, first > 0 {
                return Target(video: video, frames: frames, series: series, anomalous: anomalous)
            }
        }
        return nil
    }

    @Test(.enabled(if: BrowserEndToEndTests.available)) func metricsPaneShowsAndBracketJumpsToAnAnomalousFrame() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let target = try #require(try await Self.findTarget(server), "no demo video with metrics and a later anomalous frame")
        let env = ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": "e2e-key",
                   "XDG_CONFIG_HOME": "/nonexistent-config", "TERM": "xterm-256color"]
        let tmux = try BrowserEndToEndTests.launch([], env: env)
        defer { tmux.kill() }
        _ = try await tmux.waitFor { $0.contains("Videos") && $0.contains("Metrics") && $0.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-", options: .regularExpression) != nil }
        // Only the target video stays, so it is selected.
        try tmux.send("/")
        try tmux.sendLiteral(target.video.dataID)
        try tmux.send("Enter")
        let metric = target.series.metrics[0].name
        let plotted = try await tmux.waitFor { $0.contains(target.video.dataID) && $0.contains(metric) && $0.contains("aligned by") }
        #expect(plotted.contains(metric) && plotted.contains("aligned by"), "metrics pane never showed \(metric):\n\(plotted)")
        #expect(plotted.contains("⚠\(target.anomalous.count)"), "videos list without the anomaly count:\n\(plotted)")

        try tmux.send("]")
        let first = target.anomalous[0]
        let frame = target.frames[first]
        let jumped = try await tmux.waitFor { $0.contains("anomaly 1 of \(target.anomalous.count)") && $0.contains(frame.imageUUID) }
        #expect(jumped.contains("anomaly 1 of \(target.anomalous.count)"), "no jump notice:\n\(jumped)")
        #expect(jumped.contains("2 Frames  \(first + 1)/\(target.frames.count)"), "selection not on frame \(first + 1):\n\(jumped)")
        #expect(jumped.contains(frame.imageUUID), "frame metadata not of the anomalous frame:\n\(jumped)")
        #expect(jumped.contains("anomalous"), "the frame's metrics are not flagged:\n\(jumped)")

        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
}
