/// How many colours the terminal can show, which decides how cells are written.
public enum ColorMode: String, Sendable, CaseIterable {
    /// 24-bit SGR 38;2 / 48;2.
    case truecolor
    /// xterm 256-colour palette, SGR 38;5 / 48;5.
    case palette256
    /// The 16 standard colours, SGR 30-37/90-97 and 40-47/100-107.
    case ansi16
    /// No colour at all: one shading character per cell.
    case mono

    /// - Parameters:
    ///   - environment: usually `ProcessInfo.processInfo.environment`.
    ///   - terminalColors: what terminfo (ncurses `COLORS`) reports; 0 or less if unknown.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorMode {
        // https://no-color.org: any non-empty value disables colour.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        // terminfo rarely advertises 24-bit colour; COLORTERM is the de facto signal.
        if let colorTerm = environment["COLORTERM"]?.lowercased(),
           colorTerm == "truecolor" || colorTerm == "24bit" {
            return .truecolor
        }
        if terminalColors >= 256 { return .palette256 }
        if terminalColors >= 8 { return .ansi16 }
        return .mono
    }
}
