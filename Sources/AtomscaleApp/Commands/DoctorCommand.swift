import Foundation

/// `doctor`: what the browser would make of this terminal (colours, locale, kitty graphics,
/// image mode) and why, for an operator whose preview looks wrong over SSH.
enum DoctorCommand {
    static func run(_ argv: [String], environment: [String: String], output: Output) throws -> Int32 {
        let args = try Arguments.parse(argv, spec: ArgumentSpec(flags: ["--help", "-h", "--version", "--no-color"],
                                                                options: ["--image"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.doctor); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("doctor takes no arguments") }
        let configPath = ConfigFile.defaultPath(environment: environment)
        let config: ConfigFile?
        var configLine: String
        do {
            config = try ConfigFile.load(environment: environment)
            configLine = config == nil ? "\(configPath) (none: defaults apply)" : configPath
        } catch {
            config = nil
            configLine = "\(error.message) (ignored here; the browser would refuse to start)"
        }
        let support = try ImageSupport.detect(environment: environment, flag: args.value("--image"), config: config,
                                              terminalColors: nil, noColorFlag: args.has("--no-color"))
        output.write(report(support, environment: environment, window: TerminalWindow.size(), config: configLine))
        return 0
    }

    static func report(_ s: ImageSupport, environment env: [String: String], window: (columns: Int, rows: Int)?,
                       config: String) -> String {
        var terminal = ["TERM=\(env["TERM"].map { $0.isEmpty ? "(empty)" : $0 } ?? "(unset)")"]
        if let program = env["TERM_PROGRAM"], !program.isEmpty { terminal.append("TERM_PROGRAM=\(program)") }
        if let colorterm = env["COLORTERM"], !colorterm.isEmpty { terminal.append("COLORTERM=\(colorterm)") }
        terminal.append(s.inTmux ? "inside tmux" : "not inside tmux")
        terminal.append(window.map { "window \($0.columns)x\($0.rows)" } ?? "stdout is not a terminal")

        var kitty: String
        if let sign = s.kittySign {
            kitty = "detected (\(sign))"
        } else {
            kitty = "not detected (TERM is not xterm-kitty, no KITTY_WINDOW_ID, TERM_PROGRAM is not WezTerm or ghostty)"
        }
        if s.mode == .kitty {
            kitty += "; used: frames go to the terminal with the kitty graphics protocol, cells hold Unicode placeholders"
            if s.inTmux { kitty += "; inside tmux this needs `set -g allow-passthrough on` (tmux 3.3+)" }
        } else if s.kittySign != nil {
            if s.inTmux { kitty += "; inside tmux it would also need `set -g allow-passthrough on`" }
            kitty += s.requested == .kitty ? "; not used: see the image mode" : "; not used: --image kitty turns it on"
        }
        let rows: [(String, String)] = [
            ("terminal", terminal.joined(separator: " · ")),
            ("colours", "\(s.colorMode.label): \(s.colorReason)"),
            ("locale", "\(s.utf8 ? "UTF-8" : "not UTF-8"): \(s.localeReason)"),
            ("kitty", kitty),
            ("image mode", "\(s.mode.rawValue): \(s.modeReason)"),
            ("requested", s.requested.rawValue + " (" + s.requestedBy + ")"),
            ("queries", "none sent: detection reads the environment only, so the first screen never waits on the terminal"),
            ("config", config),
        ]
        return rows.map { label, text in
            label.padding(toLength: 12, withPad: " ", startingAt: 0) + text
        }.joined(separator: "\n") + "\n"
    }
}
