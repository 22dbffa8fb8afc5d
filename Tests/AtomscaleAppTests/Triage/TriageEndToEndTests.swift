import AtomscaleAPI
import DemoServer
import Foundation
import FrameDownloads
import Testing
@testable import AtomscaleApp

extension EndToEnd {
/// Marks, copying, downloads and live refresh in the real binary under tmux.
@Suite(.serialized) struct TriageEndToEndTests {
    static var available: Bool { BrowserEndToEndTests.available }

    struct Fixture {
        let base: BrowserEndToEndTests.Fixture
        let state = makeTemporaryDirectory()
        var env: [String: String] { base.env.merging(["XDG_STATE_HOME": state]) { $1 } }
        var client: AtomscaleClient {
            AtomscaleClient(configuration: APIConfiguration(endpoint: base.server.apiURL, apiKey: "k", timeout: 10))
        }

        init() async throws { base = try await BrowserEndToEndTests.Fixture() }

        func stop() {
            base.server.stop()
            try? FileManager.default.removeItem(atPath: state)
        }

        /// The video the browser selects first and its frames, once the screen shows them.
        func firstVideo(on tmux: TmuxSession) async throws -> (CatalogueEntry, [VideoFrame]) {
            let screen = try await tmux.waitFor { screen in base.videos.contains { screen.contains($0.dataID) } }
            let video = try #require(base.videos.first { screen.contains($0.dataID) })
            let frames = try await client.frames(videoID: video.dataID).frames
            return (video, frames)
        }
    }

    static func row(_ screen: String, containing text: String) -> String {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    @Test(.enabled(if: available)) func aFrameMarkSurvivesARestart() async throws {
        let fx = try await Fixture()
        defer { fx.stop() }
        var tmux = try BrowserEndToEndTests.launch([], env: fx.env)
        let (_, frames) = try await fx.firstVideo(on: tmux)
        try #require(frames.count >= 2, "the first demo video needs two frames")
        let second = String(frames[1].imageUUID.prefix(8))
        _ = try await tmux.waitFor { $0.contains(second) }
        try tmux.send("2"); try tmux.send("j"); try tmux.send("x")
        let marked = try await tmux.waitFor { $0.contains("frame 2 marked bad") }
        #expect(Self.row(marked, containing: second).contains("✗"), "\(marked)")
        try tmux.send("n")
        try tmux.sendLiteral("smeared, retake")
        try tmux.send("Enter")
        _ = try await tmux.waitFor { $0.contains("note saved") }
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
        tmux.kill()

        tmux = try BrowserEndToEndTests.launch([], env: fx.env)
        defer { tmux.kill() }
        let again = try await tmux.waitFor { Self.row($0, containing: second).contains("✗") }
        #expect(Self.row(again, containing: second).contains("✗✎"), "mark lost after restart:\n\(again)")
        try tmux.send("2"); try tmux.send("j")
        let pane = try await tmux.waitFor { $0.contains("smeared, retake") }
        #expect(pane.contains("smeared, retake"), "\(pane)")
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("EXIT=") }

        let captured = CapturedOutput()
        #expect(await AtomscaleMain.run(arguments: ["triage", "export"], environment: fx.env, output: captured.output) == 0)
        let line = Self.row(captured.stdout, containing: frames[1].imageUUID)
        #expect(line.contains(",bad,") && line.contains("\"smeared, retake\""), "\(captured.stdout)")
    }

    @Test(.enabled(if: available)) func yPutsTheIdOnTheTerminalsClipboard() async throws {
        let fx = try await Fixture()
        defer { fx.stop() }
        // Outside tmux's view ($TMUX empty): a plain OSC 52, which tmux itself takes into a
        // paste buffer when set-clipboard is on.
        let tmux = try BrowserEndToEndTests.launch([], env: fx.env.merging(["TMUX": ""]) { $1 })
        defer { tmux.kill() }
        try tmux.command("set-option", "-s", "set-clipboard", "on")
        let (video, frames) = try await fx.firstVideo(on: tmux)
        try tmux.send("y")
        _ = try await tmux.waitFor { $0.contains("copied \(video.dataID) (OSC 52)") }
        #expect(try await waitForBuffer(tmux, video.dataID) == video.dataID)
        try tmux.send("2")
        _ = try await tmux.waitFor { $0.contains(String(frames[0].imageUUID.prefix(8))) }
        try tmux.send("y")
        #expect(try await waitForBuffer(tmux, frames[0].imageUUID) == frames[0].imageUUID)
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("EXIT=") }
    }

    @Test(.enabled(if: available)) func insideTmuxTheSequenceIsWrappedForPassthrough() async throws {
        let fx = try await Fixture()
        defer { fx.stop() }
        // script(1) records every byte the program writes to its terminal; tmux sets $TMUX.
        let log = fx.state + "/typescript"
        let bin = TmuxSession.binaryPath!
        let tmux = try TmuxSession(width: 160, height: 45, command: ["script", "-q", "-f", "-c", TmuxSession.quote(bin), log],
                                   environment: fx.env)
        defer { tmux.kill() }
        let (video, _) = try await fx.firstVideo(on: tmux)
        try tmux.send("y")
        _ = try await tmux.waitFor { $0.contains("copied") }
        let b64 = Data(video.dataID.utf8).base64EncodedString()
        let expected = "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(b64)\u{07}\u{1B}\\"
        var bytes = ""
        for _ in 0..<40 {
            bytes = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            if bytes.contains(expected) { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(bytes.contains(expected), "no wrapped OSC 52 in the output")
        try tmux.send("q")
    }

    @Test(.enabled(if: available)) func dSavesTheSelectedFrameAsAFile() async throws {
        let fx = try await Fixture()
        defer { fx.stop() }
        let dir = fx.state + "/downloads"
        let tmux = try BrowserEndToEndTests.launch(["--download-dir", dir], env: fx.env)
        defer { tmux.kill() }
        let (video, frames) = try await fx.firstVideo(on: tmux)
        let first = try #require(frames.first)
        _ = try await tmux.waitFor { $0.contains(String(first.imageUUID.prefix(8))) }
        try tmux.send("2"); try tmux.send("d")
        let done = try await tmux.waitFor { $0.contains("downloaded: 1 saved") }
        #expect(done.contains("downloaded: 1 saved"), "\(done)")
        let folder = dir + "/" + DownloadNaming.folderName(videoName: video.displayName, dataID: video.dataID)
        let file = folder + "/frame-" + String(format: "%05d", 1) + "-" + String(first.imageUUID.prefix(8)) + ".png"
        let expected = try await fx.client.imageData(imageUUID: first.imageUUID)
        #expect(FileManager.default.contents(atPath: file) == expected, "\(file)")
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("EXIT=") }
    }

    func waitForBuffer(_ tmux: TmuxSession, _ expected: String) async throws -> String {
        var last = ""
        for _ in 0..<60 {
            last = (try? tmux.command("show-buffer")) ?? ""
            if last == expected { return last }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return last
    }
}
}
