import AtomscaleAPI
import DemoServer
import Foundation
import Testing

extension EndToEnd {
/// The real executable in a real terminal (tmux): what an operator sees and types.
/// Skipped when tmux or the built binary is missing (`.ci/run` installs tmux and builds).
@Suite(.serialized) struct BrowserEndToEndTests {
    static var available: Bool { TmuxSession.tmuxPath != nil && TmuxSession.binaryPath != nil }

    /// A demo server of the test's own, so the test knows exactly what the browser must show.
    struct Fixture {
        let server: DemoServer
        let videos: [CatalogueEntry]
        var env: [String: String] {
            ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": "e2e-key",
             "XDG_CONFIG_HOME": "/nonexistent-config", "TERM": "xterm-256color"]
        }

        init() async throws {
            server = try DemoServer.start()
            let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
            videos = try await client.search(.opticalVideos).filter(\.isOptical)
        }
    }

    static func launch(_ args: [String], env: [String: String], width: Int = 160, height: Int = 45,
                       shellTail: String = "") throws -> TmuxSession {
        let bin = TmuxSession.binaryPath!
        let cmd = ([bin] + args).map(TmuxSession.quote).joined(separator: " ")
        // After the program: its exit status and whether the tty is back in cooked mode.
        let script = cmd + "; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; echo; sleep 30" + shellTail
        return try TmuxSession(width: width, height: height, command: ["sh", "-c", script], environment: env)
    }

    @Test(.enabled(if: available)) func showsVideosFramesAndFullIdsThenQuitsCleanly() async throws {
        let fx = try await Fixture()
        defer { fx.server.stop() }
        let tmux = try Self.launch([], env: fx.env)
        defer { tmux.kill() }
        let ids = Set(fx.videos.map(\.dataID))
        // Some optical video is selected and its full data_id shown in the metadata pane.
        let first = try await tmux.waitFor { screen in ids.contains { screen.contains($0) } }
        let shownFirst = try #require(fx.videos.first { first.contains($0.dataID) })
        // Its frames arrive in the background (or the panel says it has none).
        let frames = try await AtomscaleClient(configuration: APIConfiguration(endpoint: fx.server.apiURL, apiKey: "k", timeout: 10))
            .frames(videoID: shownFirst.dataID).frames
        if let frame = frames.first {
            let withFrames = try await tmux.waitFor { $0.contains(String(frame.imageUUID.prefix(8))) }
            #expect(withFrames.contains(String(frame.imageUUID.prefix(8))), "frames never appeared:\n\(withFrames)")
        }
        // Moving down selects another video: another full id appears.
        try tmux.send("j")
        let moved = try await tmux.waitFor { screen in fx.videos.contains { $0.dataID != shownFirst.dataID && screen.contains($0.dataID) } }
        #expect(fx.videos.contains { $0.dataID != shownFirst.dataID && moved.contains($0.dataID) }, "selection did not move:\n\(moved)")
        try tmux.send("q")
        let after = try await tmux.waitFor { $0.contains("EXIT=") && $0.contains("echo") }
        #expect(after.contains("EXIT=0"), "\(after)")
        #expect(after.contains("echo icanon") || (after.contains(" echo") && after.contains("icanon")), "tty not restored:\n\(after)")
        #expect(!after.contains("-echo") && !after.contains("-icanon"), "tty left raw:\n\(after)")
    }

    @Test(.enabled(if: available)) func demoFlagBrowsesTheBuiltInCatalogueAndHelpListsKeys() async throws {
        let tmux = try Self.launch(["--demo"], env: ["XDG_CONFIG_HOME": "/nonexistent-config", "TERM": "xterm-256color"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor { $0.contains("demo") && $0.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-", options: .regularExpression) != nil }
        #expect(screen.contains("demo"), "\(screen)")
        try tmux.send("?")
        // The overlay's own title, not words the status line may already hold.
        let help = try await tmux.waitFor { $0.contains("Keys (Esc closes") }
        #expect(help.lowercased().contains("filter the focused list"), "help overlay incomplete:\n\(help)")
        #expect(help.lowercased().contains("reload"), "help overlay incomplete:\n\(help)")
        // At 160x45 the whole table fits (two columns): the last group is there too.
        #expect(help.contains("In the note editor"), "help overlay incomplete:\n\(help)")
        try tmux.send("Escape")
        try tmux.send("q")
        let after = try await tmux.waitFor { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"), "\(after)")
    }

    @Test(.enabled(if: available)) func filterNarrowsTheVideosList() async throws {
        let fx = try await Fixture()
        defer { fx.server.stop() }
        let tmux = try Self.launch([], env: fx.env)
        defer { tmux.kill() }
        _ = try await tmux.waitFor { screen in fx.videos.contains { screen.contains($0.dataID) } }
        // Filter on one video's full data_id: exactly that one stays, so its id is selected.
        let target = fx.videos[fx.videos.count / 2]
        try tmux.send("/")
        try tmux.sendLiteral(target.dataID)
        try tmux.send("Enter")
        // The id is in the header (the filter text) at once; wait for the metadata pane too,
        // or a capture taken halfway through the redraw still holds the old rows.
        let filtered = try await tmux.waitFor { $0.components(separatedBy: target.dataID).count > 2 && $0.contains("1/1  /") }
        #expect(filtered.contains(target.dataID), "filtered video not selected:\n\(filtered)")
        let others = fx.videos.filter { $0.dataID != target.dataID && filtered.contains($0.dataID) }
        #expect(others.isEmpty, "other videos still shown:\n\(filtered)")
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test(.enabled(if: available)) func survivesResizeDownToFortyByTwelve() async throws {
        let fx = try await Fixture()
        defer { fx.server.stop() }
        let tmux = try Self.launch([], env: fx.env)
        defer { tmux.kill() }
        _ = try await tmux.waitFor { screen in fx.videos.contains { screen.contains($0.dataID) } }
        try tmux.resize(width: 40, height: 12)
        let small = try await tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0.contains("atomscale") || $0.contains("Videos") }
        }
        let lines = small.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
        #expect(lines.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "blank after resize")
        #expect(lines.allSatisfy { $0.count <= 40 }, "a line wider than the window:\n\(small)")
        try tmux.resize(width: 160, height: 45)
        _ = try await tmux.waitFor { screen in fx.videos.contains { screen.contains($0.dataID) } }
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test(.enabled(if: available)) func unreachableEndpointShowsAnErrorAndStillQuits() async throws {
        // A port nothing listens on: the connection is refused at once.
        let probe = try HTTPServer.start { _ in .json("{}") }
        let deadURL = probe.baseURL.absoluteString
        probe.stop()
        let tmux = try Self.launch([], env: ["AS_API_ENDPOINT": deadURL, "AS_API_KEY": "k",
                                             "XDG_CONFIG_HOME": "/nonexistent-config", "TERM": "xterm-256color"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor { $0.lowercased().contains("error") || $0.lowercased().contains("connect") }
        #expect(screen.lowercased().contains("error") || screen.lowercased().contains("connect"), "\(screen)")
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test(.enabled(if: available)) func sigtermAndSighupRestoreTheTerminal() async throws {
        let fx = try await Fixture()
        defer { fx.server.stop() }
        for (sig, status) in [("TERM", 143), ("HUP", 129)] {
            let tmux = try Self.launch([], env: fx.env)
            defer { tmux.kill() }
            _ = try await tmux.waitFor { screen in fx.videos.contains { screen.contains($0.dataID) } }
            let pgrep = Process()
            pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            pgrep.arguments = ["-\(sig)", "-f", "^\(TmuxSession.binaryPath!)$"]
            try pgrep.run()
            pgrep.waitUntilExit()
            let after = try await tmux.waitFor { $0.contains("EXIT=") && $0.contains("icanon") }
            #expect(after.contains("EXIT=\(status)"), "SIG\(sig):\n\(after)")
            #expect(!after.contains("-echo") && !after.contains("-icanon"), "SIG\(sig) left the tty raw:\n\(after)")
        }
    }
}
}
