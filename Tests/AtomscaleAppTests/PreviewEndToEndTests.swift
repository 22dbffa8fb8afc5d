import Foundation
import Testing

extension EndToEnd {
/// The preview pane and the player in a real terminal (tmux), against the built-in demo.
/// Skipped when tmux or the built binary is missing.
@Suite(.serialized) struct PreviewEndToEndTests {
    /// NO_COLOR is emptied (empty means unset): a developer's own NO_COLOR=1 would turn the
    /// coloured half blocks this test looks for into shading characters.
    static let env = ["XDG_CONFIG_HOME": "/nonexistent-config", "TERM": "xterm-256color", "LANG": "C.UTF-8",
                      "NO_COLOR": ""]

    /// Moves down the videos until the preview pane shows a decoded frame (some demo videos
    /// have no frames); returns the screen.
    static func firstVideoWithFrames(_ tmux: TmuxSession) async throws -> String {
        for _ in 0..<15 {
            let screen = try await tmux.waitFor(timeout: 4) { s in
                s.contains("Preview  frame 1/") && s.contains(" px") && !s.contains("loading frame")
            }
            if screen.contains("Preview  frame 1/") && !screen.contains("loading frame") { return screen }
            try tmux.send("j")
        }
        return try tmux.capture()
    }

    /// The escape sequences and half blocks of the preview pane's rows (right of the frames
    /// list), from a `capture-pane -e` screen.
    static func previewCells(_ escaped: String, rows: ClosedRange<Int>) -> [String] {
        let lines = escaped.components(separatedBy: "\n")
        return rows.compactMap { $0 < lines.count ? lines[$0] : nil }.map { line in
            // The pane is the last one on its row: keep from the first half block on.
            guard let start = line.firstIndex(where: { $0 == "▀" || $0 == "▄" }) else { return "" }
            return String(line[start...])
        }
    }

    @Test(.enabled(if: BrowserEndToEndTests.available))
    func previewPaneHoldsColouredHalfBlocksThatChangeWithTheSelection() async throws {
        let tmux = try BrowserEndToEndTests.launch(["--demo"], env: Self.env)
        defer { tmux.kill() }
        let screen = try await Self.firstVideoWithFrames(tmux)
        #expect(screen.contains("Preview  frame 1/"), "no frame ever showed:\n\(screen)")
        let before = try tmux.capture(escapes: true)
        let blocks = before.filter { $0 == "▀" }.count
        #expect(blocks > 100, "few half blocks (\(blocks)):\n\(before)")
        #expect(before.contains("38;5;") || before.contains("38;2;"), "half blocks without colours")
        #expect(before.contains("48;5;") || before.contains("48;2;"), "no background colours")

        // Next frame: focus the frames list and move down; the picture changes.
        try tmux.send("2")
        try tmux.send("j")
        let second = try await tmux.waitFor { $0.contains("Preview  frame 2/") && !$0.contains("loading frame") }
        #expect(second.contains("Preview  frame 2/"), "\(second)")
        try await Task.sleep(nanoseconds: 200_000_000)
        let after = try tmux.capture(escapes: true)
        #expect(Self.previewCells(before, rows: 2...20) != Self.previewCells(after, rows: 2...20),
                "the preview did not change with the selection")
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    /// `--image kitty` inside tmux: the cells are placeholders naming image 16 by colour. (The
    /// uploads go to tmux's passthrough, which drops them unless allow-passthrough is on: no
    /// image is seen here, only what ncurses draws.)
    @Test(.enabled(if: BrowserEndToEndTests.available))
    func kittyModeDrawsPlaceholderCellsNamingTheImageById() async throws {
        let tmux = try BrowserEndToEndTests.launch(["--demo", "--image", "kitty"], env: Self.env)
        defer { tmux.kill() }
        let screen = try await Self.firstVideoWithFrames(tmux)
        #expect(screen.contains("Preview  frame 1/"), "no frame ever showed:\n\(screen)")
        try await Task.sleep(nanoseconds: 200_000_000)
        let escaped = try tmux.capture(escapes: true)
        let placeholders = escaped.unicodeScalars.filter { $0.value == 0x10EEEE }.count
        #expect(placeholders > 100, "few placeholders (\(placeholders)):\n\(escaped)")
        #expect(escaped.contains("38;5;16m"), "the first image id, 16, as the foreground")
        #expect(escaped.contains("\u{10EEEE}\u{0305}\u{0305}"), "the top-left cell: row 0, column 0")
        #expect(escaped.filter { $0 == "▀" }.count < 10, "half blocks where placeholders belong")
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test(.enabled(if: BrowserEndToEndTests.available))
    func enterOnAFrameOpensThePlayerAndEscReturns() async throws {
        let tmux = try BrowserEndToEndTests.launch(["--demo"], env: Self.env)
        defer { tmux.kill() }
        _ = try await Self.firstVideoWithFrames(tmux)
        try tmux.send("2")
        try tmux.send("Enter")
        let player = try await tmux.waitFor { $0.contains("Frame player") && $0.contains("image_uuid") && $0.contains("fps") }
        #expect(player.contains("frame 1/") && player.contains("paused"), "\(player)")
        #expect(try tmux.capture(escapes: true).filter { $0 == "▀" }.count > 500, "the player shows no picture")
        try tmux.send("l")
        #expect(try await tmux.waitFor { $0.contains("frame 2/") }.contains("frame 2/"))
        try tmux.send("Space")
        let playing = try await tmux.waitFor { $0.contains("playing") }
        #expect(playing.contains("playing"))
        try tmux.send("Space")
        // q closes the player, not the program.
        try tmux.send("q")
        let panels = try await tmux.waitFor { $0.contains("1 Videos") && $0.contains("5 Preview") }
        #expect(panels.contains("1 Videos") && !panels.contains("Frame player"), "\(panels)")
        try tmux.send("Enter")
        _ = try await tmux.waitFor { $0.contains("Frame player") }
        try tmux.send("Escape")
        #expect(try await tmux.waitFor { $0.contains("1 Videos") }.contains("1 Videos"))
        try tmux.send("q")
        #expect(try await tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
}
