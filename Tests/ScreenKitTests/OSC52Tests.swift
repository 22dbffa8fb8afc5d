import ScreenKit
import Testing

@Suite struct OSC52Tests {
    @Test func plainSequenceIsBase64BetweenOSCAndBEL() {
        #expect(OSC52.sequence(copying: "abc", tmux: false) == "\u{1B}]52;c;YWJj\u{07}")
        #expect(OSC52.sequence(copying: "", tmux: false) == "\u{1B}]52;c;\u{07}")
        // UTF-8 bytes are encoded, not characters.
        #expect(OSC52.sequence(copying: "é", tmux: false) == "\u{1B}]52;c;w6k=\u{07}")
    }

    @Test func tmuxWrapDoublesTheInnerEscape() {
        let s = OSC52.sequence(copying: "3f1c0d2e-aaaa", tmux: true)
        #expect(s == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;M2YxYzBkMmUtYWFhYQ==\u{07}\u{1B}\\")
    }

    @Test func sizeIsCapped() {
        // 74,994 bytes encode to 99,992 base64 characters: with the 8 framing bytes exactly
        // the limit; 75,000 are over it.
        let limit = String(repeating: "a", count: 74_994)
        #expect(OSC52.sequence(copying: limit, tmux: false) != nil)
        #expect(OSC52.sequence(copying: String(repeating: "a", count: 75_000), tmux: false) == nil)
        #expect(OSC52.fits("3f1c0d2e-0000-4000-8000-000000000001"))
        #expect(!OSC52.fits(String(repeating: "a", count: 80_000)))
    }

    @Test func tmuxIsDetectedFromTheEnvironment() {
        #expect(OSC52.insideTmux(environment: ["TMUX": "/tmp/tmux-1000/default,123,0"]))
        #expect(!OSC52.insideTmux(environment: ["TMUX": ""]))
        #expect(!OSC52.insideTmux(environment: [:]))
    }
}
