import Testing
@testable import TerminalNcurses

@Suite struct TerminalSetupTests {
    @Test func truecolorAnnouncementTriesTheDirectEntryFirst() {
        #expect(TerminalSetup.terminalNames(term: "xterm-256color", colorTerm: "truecolor", noColor: false)
                == ["xterm-direct", "xterm-256color"])
        #expect(TerminalSetup.terminalNames(term: "tmux-256color", colorTerm: "24bit", noColor: false)
                == ["tmux-direct", "tmux-256color"])
        #expect(TerminalSetup.terminalNames(term: "xterm", colorTerm: "TrueColor", noColor: false)
                == ["xterm-direct", "xterm"])
    }

    @Test func otherwiseOnlyTERM() {
        #expect(TerminalSetup.terminalNames(term: "xterm-256color", colorTerm: nil, noColor: false) == ["xterm-256color"])
        #expect(TerminalSetup.terminalNames(term: "xterm-256color", colorTerm: "yes", noColor: false) == ["xterm-256color"])
        #expect(TerminalSetup.terminalNames(term: "xterm-256color", colorTerm: "truecolor", noColor: true) == ["xterm-256color"])
        #expect(TerminalSetup.terminalNames(term: "xterm-direct", colorTerm: "truecolor", noColor: false) == ["xterm-direct"])
    }
}
