import CNcursesw
import ScreenKit

/// Turns what `wget_wch` returns into a `Key`. Pure, so the whole table is unit-tested
/// without a terminal; the terminal layer only feeds it codes.
public enum KeyDecoder {
    /// `code` is the value `wget_wch` stored; `isFunctionKey` is true when it returned
    /// `KEY_CODE_YES` (a keypad/function key code rather than a character).
    /// Returns nil for codes the browser has no use for (mouse, KEY_RESIZE, NUL, C1 controls);
    /// KEY_RESIZE is handled by the caller because it is an event, not a key.
    public static func decode(code: Int32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? functionKey(code) : character(code)
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // The keypad's corner keys (application keypad mode) double as Home/End/PgUp/PgDn.
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        // "\e[1~"/"\e[4~" are Find/Select in xterm's terminfo, but every terminal that
        // sends them means Home/End (tmux, screen, the Linux console, many emulators).
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func character(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A is 1 ... Ctrl-Z is 26; tab, enter and backspace were taken above.
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Escape sequences that terminals commonly send but a given terminfo entry may not
    /// list (tmux or screen run with TERM=xterm-256color, rxvt's Home/End, arrows in normal
    /// cursor mode when the terminal ignores `smkx`). Each is taught to ncurses with
    /// `define_key` only when the entry does not already bind it, so terminfo wins.
    public static let extraSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
    ]

    /// Teaches the current ncurses screen the sequences it does not know yet.
    static func defineExtraSequences() {
        for (sequence, code) in extraSequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }
}
