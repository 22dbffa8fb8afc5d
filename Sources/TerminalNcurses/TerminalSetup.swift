import CNcursesw
import Foundation

/// The decisions made before and right after `newterm`, kept apart from the Terminal class
/// so the pure ones can be tested.
enum TerminalSetup {
    /// ncurses needs a UTF-8 LC_CTYPE for wide characters. Take the user's locale; if that
    /// is the bare "C"/"POSIX" locale (containers, cron, `env -i`), use C.UTF-8 instead,
    /// since the terminals we target all speak UTF-8. Other non-UTF-8 locales are respected.
    /// Only LC_CTYPE: LC_ALL would also bring in e.g. a decimal-comma LC_NUMERIC for every
    /// C-level strtod/printf in the process, which nothing here needs.
    static func ensureUTF8Locale() {
        guard let ctype = setlocale(LC_CTYPE, "").map({ String(cString: $0) }) else { return }
        if ctype == "C" || ctype == "POSIX" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
    }

    /// Terminal type names to try with newterm, best first. When COLORTERM announces 24-bit
    /// colour but TERM names a palette entry, the matching "-direct" entry (if installed,
    /// e.g. xterm-256color -> xterm-direct) lets ncurses send exact RGB; TERM itself is the
    /// fallback. Nothing is tried beyond TERM's own family.
    static func terminalNames(term: String, colorTerm: String?, noColor: Bool) -> [String] {
        let wantsDirect = ["truecolor", "24bit"].contains(colorTerm?.lowercased() ?? "")
        guard wantsDirect, !noColor, !term.contains("direct") else { return [term] }
        var family = term
        for suffix in ["-256color", "-88color", "-16color", "-color"] where family.hasSuffix(suffix) {
            family.removeLast(suffix.count)
            break
        }
        return [family + "-direct", term]
    }

    /// Puts the current screen into the modes the browser needs.
    static func configure(window: UnsafeMutablePointer<WINDOW>) {
        _ = cbreak()            // keys arrive at once; Ctrl-C/Ctrl-Z still raise signals
        _ = noecho()
        _ = nonl()              // Enter arrives as CR, and output does not map LF
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)   // we wait in poll(2); wget_wch only drains
        _ = scrollok(window, false) // writing the bottom-right cell must never scroll
        _ = leaveok(window, true)   // the cursor is hidden; don't spend output moving it
        _ = curs_set(0)
        _ = set_escdelay(25)        // Esc feels immediate; sequences still arrive whole
        // Finish every doupdate even with keys pending: the loop already coalesces input,
        // and an interrupted update would stay half-drawn until the next event.
        _ = typeahead(-1)
        KeyDecoder.defineExtraSequences()
    }

    /// Bytes that take the terminal out of curses mode (attributes off, cursor visible,
    /// keypad local, main screen), from terminfo where the entry has them. Used only by the
    /// crash and exit paths, which cannot call endwin().
    static func leaveSequence() -> [UInt8] {
        let capabilities: [(String, String)] = [
            ("sgr0", "\u{1B}[0m"), ("cnorm", "\u{1B}[?25h"), ("rmkx", ""), ("rmcup", "\u{1B}[?1049l"),
        ]
        var out: [UInt8] = []
        for (name, fallback) in capabilities {
            out += Array((terminfoString(name) ?? fallback).utf8)
        }
        return out
    }

    /// A terminfo string capability of the current terminal without "$<n>" padding.
    static func terminfoString(_ name: String) -> String? {
        guard let raw = tigetstr(name), Int(bitPattern: raw) != -1 else { return nil }
        let value = String(cString: raw)
        return value.replacingOccurrences(of: #"\$<[0-9.*/]*>"#, with: "", options: .regularExpression)
    }
}
