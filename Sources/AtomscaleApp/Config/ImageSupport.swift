import BrowserCore
import ImageKit

/// How the browser draws frames on this terminal, and the evidence for it, so `doctor` can
/// explain the choice. Decided from the environment only: no terminal query is sent, so
/// nothing can delay the first screen or leave a stray reply in the input.
struct ImageSupport: Equatable {
    /// What was asked for (`--image`, then `image =` in the config, else auto) and by whom.
    var requested: ConfigFile.ImageMode
    var requestedBy: String
    /// The mode the browser uses.
    var mode: PreviewMode
    var modeReason: String
    var colorMode: ColorMode
    var colorReason: String
    var utf8: Bool
    var localeReason: String
    /// Signs of a terminal that speaks the kitty graphics protocol (nil: none).
    var kittySign: String?
    var inTmux: Bool

    /// - Parameters:
    ///   - flag: the `--image` value, if given.
    ///   - terminalColors: terminfo's colour count when a terminal is open; nil estimates it
    ///     from TERM (what `doctor` and `render` can do without ncurses).
    ///   - noColorFlag: `--no-color` was given.
    static func detect(environment env: [String: String], flag: String?, config: ConfigFile?,
                       terminalColors: Int?, noColorFlag: Bool = false) throws(UsageError) -> ImageSupport {
        let requested: ConfigFile.ImageMode
        let requestedBy: String
        if let flag, let mode = try parse(flag: flag) {
            (requested, requestedBy) = (mode, "--image \(flag)")
        } else if let mode = config?.image, let path = config?.path {
            (requested, requestedBy) = (mode, "image = \(mode.rawValue) in \(path)")
        } else {
            (requested, requestedBy) = (.auto, "the default")
        }
        let (colorMode, colorReason) = colours(env, config: config, terminalColors: terminalColors, noColorFlag: noColorFlag)
        let (utf8, localeReason) = locale(env)
        let kittySign = kitty(env)
        let inTmux = !(env["TMUX"] ?? "").isEmpty

        let mode: PreviewMode
        let reason: String
        switch requested {
        case .off: (mode, reason) = (.off, "asked for by \(requestedBy)")
        case .ascii: (mode, reason) = (.ascii, "asked for by \(requestedBy)")
        case .blocks: (mode, reason) = (.blocks, "asked for by \(requestedBy)")
        case .kitty:
            if colorMode == .mono {
                (mode, reason) = (.ascii, "kitty graphics were asked for by \(requestedBy), but placeholder cells name their image by colour and there are none (\(colorReason)): shading characters")
            } else if colorMode == .ansi16 {
                (mode, reason) = (.blocks, "kitty graphics were asked for by \(requestedBy), but placeholder cells need 256 colours and \(colorReason): half blocks")
            } else if !utf8 {
                (mode, reason) = (.ascii, "kitty graphics were asked for by \(requestedBy), but the locale is not UTF-8, so the placeholders (U+10EEEE) would not pass: shading characters")
            } else {
                let sign = kittySign.map { " (\($0))" } ?? " (no sign of a kitty-capable terminal in the environment: trusted anyway)"
                (mode, reason) = (.kitty, "asked for by \(requestedBy)\(sign): frames are sent with the kitty graphics protocol and drawn as Unicode placeholders; half blocks for any frame that cannot be sent")
            }
        case .auto:
            if colorMode == .mono {
                (mode, reason) = (.ascii, "no colours (\(colorReason)): shading characters")
            } else if !utf8 {
                (mode, reason) = (.ascii, "the locale is not UTF-8, so half blocks (U+2580) would not show: shading characters")
            } else if kittySign != nil {
                (mode, reason) = (.blocks, "the terminal looks kitty-capable, but half blocks stay the default: --image kitty (or image = kitty in the config) sends kitty graphics")
            } else {
                (mode, reason) = (.blocks, "half blocks (U+2580) in \(colorMode.label)")
            }
        }
        return ImageSupport(requested: requested, requestedBy: requestedBy, mode: mode, modeReason: reason,
                            colorMode: colorMode, colorReason: colorReason, utf8: utf8, localeReason: localeReason,
                            kittySign: kittySign, inTmux: inTmux)
    }

    static func parse(flag: String?) throws(UsageError) -> ConfigFile.ImageMode? {
        guard let flag else { return nil }
        guard let mode = ConfigFile.ImageMode(rawValue: flag) else {
            throw UsageError("--image must be one of \(ConfigFile.ImageMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(flag)'")
        }
        return mode
    }

    /// NO_COLOR and the config first, then COLORTERM, then the terminal's colour count.
    static func colours(_ env: [String: String], config: ConfigFile?, terminalColors: Int?,
                        noColorFlag: Bool) -> (ColorMode, String) {
        if noColorFlag { return (.mono, "--no-color") }
        if let v = env["NO_COLOR"], !v.isEmpty { return (.mono, "NO_COLOR is set") }
        switch config?.colors {
        case .none?: return (.mono, "colors = none in the config")
        case .truecolor?: return (.truecolor, "colors = truecolor in the config")
        case .palette256?: return (.palette256, "colors = 256 in the config")
        case .palette16?: return (.ansi16, "colors = 16 in the config")
        case .auto?, nil: break
        }
        let term = env["TERM"] ?? ""
        let count = terminalColors ?? estimatedColors(term: term)
        let source = terminalColors != nil ? "terminfo for TERM=\(term) reports \(count) colours"
            : "TERM=\(term.isEmpty ? "(unset)" : term) suggests \(count) colours"
        let mode = ColorMode.detect(environment: env, terminalColors: count)
        if mode == .truecolor { return (mode, "COLORTERM=\(env["COLORTERM"] ?? "")") }
        return (mode, source)
    }

    /// Without terminfo at hand, TERM's name tells enough for a default.
    static func estimatedColors(term: String) -> Int {
        if term.isEmpty || term == "dumb" { return 0 }
        if term.contains("256color") || term.contains("kitty") || term.contains("direct")
            || term.hasPrefix("alacritty") || term.hasPrefix("foot") || term.hasPrefix("wezterm") { return 256 }
        return 8
    }

    /// The character set comes from the first of LC_ALL, LC_CTYPE, LANG that is set (POSIX).
    static func locale(_ env: [String: String]) -> (Bool, String) {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = env[name], !value.isEmpty else { continue }
            let lower = value.lowercased()
            let utf8 = lower.contains("utf-8") || lower.contains("utf8")
            return (utf8, "\(name)=\(value)")
        }
        return (false, "LC_ALL, LC_CTYPE and LANG are unset (the C locale)")
    }

    /// Environment signs of kitty, WezTerm or ghostty (all speak the kitty graphics protocol).
    static func kitty(_ env: [String: String]) -> String? {
        if env["TERM"] == "xterm-kitty" { return "TERM=xterm-kitty" }
        if let id = env["KITTY_WINDOW_ID"], !id.isEmpty { return "KITTY_WINDOW_ID is set" }
        if let program = env["TERM_PROGRAM"], ["wezterm", "ghostty"].contains(program.lowercased()) {
            return "TERM_PROGRAM=\(program)"
        }
        if env["TERM"] == "xterm-ghostty" { return "TERM=xterm-ghostty" }
        return nil
    }
}

extension ColorMode {
    var label: String {
        switch self {
        case .truecolor: return "24-bit colour"
        case .palette256: return "256 colours"
        case .ansi16: return "8/16 colours"
        case .mono: return "no colour"
        }
    }
}
