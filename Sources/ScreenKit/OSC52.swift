import Foundation

/// The OSC 52 "set clipboard" escape sequence: the terminal emulator on the operator's own
/// machine puts the text on its clipboard, which is how copying works over SSH (no X11 or
/// clipboard daemon on the server involved). Pure: the UI loop writes the result.
public enum OSC52 {
    /// The largest sequence produced. xterm's default limit for the selection data is about
    /// 100 KB and several terminals drop longer sequences silently; an id is ~40 bytes.
    public static let maxSequenceBytes = 100_000

    /// `ESC ] 52 ; c ; <base64> BEL`; inside tmux, wrapped in tmux's passthrough DCS
    /// (`ESC P tmux; … ESC \`, with every ESC of the inner sequence doubled) so it reaches
    /// the outer terminal (needs `set -g allow-passthrough on` in tmux 3.3+). nil when the
    /// result would exceed `maxSequenceBytes`.
    public static func sequence(copying text: String, tmux: Bool) -> String? {
        let payload = Data(text.utf8).base64EncodedString()
        let inner = "\u{1B}]52;c;" + payload + "\u{07}"
        let out = tmux ? "\u{1B}Ptmux;" + inner.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\" : inner
        return out.utf8.count <= maxSequenceBytes ? out : nil
    }

    /// Whether `text` can be copied (in either form: the tmux one is the longer).
    public static func fits(_ text: String) -> Bool { sequence(copying: text, tmux: true) != nil }

    /// tmux sets `TMUX` in the environment of every program in its panes.
    public static func insideTmux(environment: [String: String]) -> Bool {
        !(environment["TMUX"] ?? "").isEmpty
    }
}
