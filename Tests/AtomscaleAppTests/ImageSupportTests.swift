import BrowserCore
import Foundation
import ImageKit
import Testing
@testable import AtomscaleApp

@Suite struct ImageSupportTests {
    static let plain = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]

    func detect(_ env: [String: String], flag: String? = nil, config: ConfigFile? = nil,
                colors: Int? = nil, noColor: Bool = false) throws -> ImageSupport {
        try ImageSupport.detect(environment: env, flag: flag, config: config, terminalColors: colors, noColorFlag: noColor)
    }

    @Test func autoDrawsHalfBlocksInWhatTheTerminalShows() throws {
        let s = try detect(Self.plain)
        #expect(s.mode == .blocks && s.colorMode == .palette256 && s.requested == .auto)
        #expect(try detect(Self.plain.merging(["COLORTERM": "truecolor"]) { $1 }).colorMode == .truecolor)
        #expect(try detect(["TERM": "xterm", "LANG": "en_US.UTF-8"], colors: 8).colorMode == .ansi16)
        #expect(try detect(Self.plain, colors: 88).colorReason.contains("terminfo"))
    }

    @Test func noColourOrNoUTF8FallsBackToShadingCharacters() throws {
        for env in [Self.plain.merging(["NO_COLOR": "1"]) { $1 }, ["TERM": "dumb", "LANG": "C.UTF-8"]] {
            let s = try detect(env)
            #expect(s.mode == .ascii && s.colorMode == .mono, "\(env)")
        }
        #expect(try detect(Self.plain, noColor: true).mode == .ascii)
        #expect(try detect(Self.plain, config: ConfigFile(path: "c", colors: ConfigFile.Colors.none)).mode == .ascii)
        let c = try detect(["TERM": "xterm-256color", "LANG": "C"])
        #expect(c.mode == .ascii && !c.utf8 && c.modeReason.contains("not UTF-8"))
        // LC_ALL wins over LANG, as POSIX says.
        #expect(try detect(["TERM": "xterm-256color", "LANG": "C", "LC_ALL": "de_DE.utf8"]).utf8)
        #expect(try !detect(["TERM": "xterm-256color"]).utf8)
    }

    @Test func kittyIsDetectedFromTheEnvironmentButHalfBlocksStayTheDefault() throws {
        for (env, sign) in [(["TERM": "xterm-kitty"], "TERM=xterm-kitty"), (["KITTY_WINDOW_ID": "3"], "KITTY_WINDOW_ID"),
                            (["TERM_PROGRAM": "WezTerm"], "WezTerm"), (["TERM_PROGRAM": "ghostty"], "ghostty")] {
            let s = try detect(Self.plain.merging(env) { $1 })
            #expect(s.kittySign?.contains(sign) == true, "\(env)")
            #expect(s.mode == .blocks && s.modeReason.contains("--image kitty"))
        }
        #expect(try detect(Self.plain).kittySign == nil)
    }

    @Test func kittyIsUsedWhenAskedForUnlessColoursOrTheLocaleCannotCarryIt() throws {
        let kittyEnv = Self.plain.merging(["TERM": "xterm-kitty"]) { $1 }
        let asked = try detect(kittyEnv, flag: "kitty")
        #expect(asked.mode == .kitty && asked.modeReason.contains("TERM=xterm-kitty"))
        let config = ConfigFile(path: "/c", image: .kitty)
        #expect(try detect(kittyEnv, config: config).mode == .kitty)
        // No sign in the environment: the operator is trusted.
        let trusted = try detect(Self.plain, flag: "kitty")
        #expect(trusted.mode == .kitty && trusted.modeReason.contains("trusted anyway"))
        // Placeholders name their image by colour: 16 colours or none cannot.
        let few = try detect(["TERM": "xterm", "LANG": "C.UTF-8"], flag: "kitty", colors: 16)
        #expect(few.mode == .blocks && few.modeReason.contains("256 colours"))
        #expect(try detect(kittyEnv.merging(["NO_COLOR": "1"]) { $1 }, flag: "kitty").mode == .ascii)
        let latin = try detect(["TERM": "xterm-kitty", "LANG": "C"], flag: "kitty")
        #expect(latin.mode == .ascii && latin.modeReason.contains("not UTF-8"))
    }

    @Test func theFlagOverridesTheConfigWhichOverridesAuto() throws {
        let config = ConfigFile(path: "/home/op/.config/atomscale-tui/config", image: .off)
        let fromConfig = try detect(Self.plain, config: config)
        #expect(fromConfig.mode == .off && fromConfig.requestedBy.contains("image = off in /home/op"))
        #expect(try detect(Self.plain, flag: "ascii", config: config).mode == .ascii)
        #expect(try detect(Self.plain.merging(["NO_COLOR": "1"]) { $1 }, flag: "blocks").mode == .blocks)
        #expect(throws: UsageError.self) { try detect(Self.plain, flag: "sixel") }
    }

    @Test func doctorPrintsWhatWasDetectedAndWhy() async {
        let env = ["TERM": "xterm-kitty", "LANG": "en_GB.UTF-8", "TMUX": "/tmp/tmux-0/default,1,0",
                   "XDG_CONFIG_HOME": "/nonexistent-config"]
        let r = await ListCommandsTests.run(["doctor"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("terminal    TERM=xterm-kitty"), "\(r.stdout)")
        #expect(r.stdout.contains("inside tmux"))
        #expect(r.stdout.contains("colours     256 colours"))
        #expect(r.stdout.contains("locale      UTF-8: LANG=en_GB.UTF-8"))
        #expect(r.stdout.contains("kitty       detected (TERM=xterm-kitty)"))
        #expect(r.stdout.contains("allow-passthrough"))
        #expect(r.stdout.contains("image mode  blocks"))
        #expect(r.stdout.contains("queries     none sent"))
        #expect(r.stdout.contains("config      /nonexistent-config/atomscale-tui/config (none"))
        #expect(r.stdout.contains("not used: --image kitty turns it on"))
        let kitty = await ListCommandsTests.run(["doctor", "--image", "kitty"], env: env)
        #expect(kitty.stdout.contains("image mode  kitty: asked for by --image kitty"), "\(kitty.stdout)")
        #expect(kitty.stdout.contains("kitty       detected (TERM=xterm-kitty); used: frames go to the terminal"))
        #expect(kitty.stdout.contains("allow-passthrough on"))
        let off = await ListCommandsTests.run(["doctor", "--image", "off"], env: env)
        #expect(off.stdout.contains("image mode  off: asked for by --image off"))
        let bad = await ListCommandsTests.run(["doctor", "--image", "sixel"], env: env)
        #expect(bad.status == 2 && bad.stderr.contains("--image must be one of auto, kitty, blocks, ascii, off"))
    }

    @Test func browseRejectsABadImageFlagBeforeTakingTheTerminal() async {
        let r = await ListCommandsTests.run(["--demo", "--image", "pixels"], env: ["XDG_CONFIG_HOME": "/nonexistent-config"])
        #expect(r.status == 2 && r.stderr.contains("--image must be one of"), "\(r.stderr)")
    }
}
