import ScreenKit

/// One row of the key table: the keys, the action, and the group it is listed under.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let group: String
}

/// The single key table: it decides what a key does, and it produces the `?` overlay and
/// docs/keybindings.md (`atomscale-tui keys`), so the three never drift apart.
public enum Keymap {
    public static let bindings: [Binding] = [
        Binding(keys: [.down, .char("j")], action: .moveDown, group: "Move"),
        Binding(keys: [.up, .char("k")], action: .moveUp, group: "Move"),
        Binding(keys: [.pageDown], action: .pageDown, group: "Move"),
        Binding(keys: [.pageUp], action: .pageUp, group: "Move"),
        Binding(keys: [.ctrl("d")], action: .halfPageDown, group: "Move"),
        Binding(keys: [.ctrl("u")], action: .halfPageUp, group: "Move"),
        Binding(keys: [.char("g"), .home], action: .top, group: "Move"),
        Binding(keys: [.char("G"), .end], action: .bottom, group: "Move"),
        Binding(keys: [.char("]")], action: .nextAnomaly, group: "Move"),
        Binding(keys: [.char("[")], action: .previousAnomaly, group: "Move"),
        Binding(keys: [.tab], action: .focusNext, group: "Panels"),
        Binding(keys: [.backTab], action: .focusPrevious, group: "Panels"),
        Binding(keys: [.right, .char("l")], action: .focusRight, group: "Panels"),
        Binding(keys: [.left, .char("h")], action: .focusLeft, group: "Panels"),
        Binding(keys: [.char("1")], action: .focus(.videos), group: "Panels"),
        Binding(keys: [.char("2")], action: .focus(.frames), group: "Panels"),
        Binding(keys: [.char("3")], action: .focus(.videoMetadata), group: "Panels"),
        Binding(keys: [.char("4")], action: .focus(.frameMetadata), group: "Panels"),
        Binding(keys: [.char("5")], action: .focus(.preview), group: "Panels"),
        Binding(keys: [.char("6")], action: .focus(.metrics), group: "Panels"),
        Binding(keys: [.enter], action: .open, group: "Panels"),
        Binding(keys: [.escape], action: .back, group: "Panels"),
        Binding(keys: [.char("v")], action: .play, group: "Panels"),
        Binding(keys: [.char("/")], action: .filter, group: "Data"),
        Binding(keys: [.char("s")], action: .search, group: "Data"),
        Binding(keys: [.char("r")], action: .reload, group: "Data"),
    ] + TriageAction.bindings + [
        Binding(keys: [.char("?")], action: .help, group: "Other"),
        Binding(keys: [.char("q")], action: .quit, group: "Other"),
    ]

    /// Keys while the frame player is open. They take precedence over the table above (so
    /// `q` closes the player instead of quitting, `h`/`l` step instead of changing panel);
    /// keys not listed here do nothing in the player.
    public static let playerBindings: [Binding] = [
        Binding(keys: [.right, .char("l"), .down, .char("j")], action: .player(.next), group: playerGroup),
        Binding(keys: [.left, .char("h"), .up, .char("k")], action: .player(.previous), group: playerGroup),
        Binding(keys: [.char(" ")], action: .player(.playPause), group: playerGroup),
        Binding(keys: [.char("+"), .char("=")], action: .player(.faster), group: playerGroup),
        Binding(keys: [.char("-")], action: .player(.slower), group: playerGroup),
        Binding(keys: [.home, .char("g")], action: .player(.first), group: playerGroup),
        Binding(keys: [.end, .char("G")], action: .player(.last), group: playerGroup),
        Binding(keys: [.escape, .char("q")], action: .player(.close), group: playerGroup),
        Binding(keys: [.char("?")], action: .help, group: playerGroup),
    ]

    static let playerGroup = "In the frame player (Enter or v on a frame)"

    private static let table = lookup(bindings)
    private static let playerTable = lookup(playerBindings)

    private static func lookup(_ bindings: [Binding]) -> [Key: Action] {
        var t: [Key: Action] = [:]
        for b in bindings { for k in b.keys where t[k] == nil { t[k] = b.action } }
        return t
    }

    public static func action(for key: Key) -> Action? { table[key] }
    public static func playerAction(for key: Key) -> Action? { playerTable[key] }

    /// Keys of the `/` prompt, listed in help and docs (handled by the prompt, not the table).
    public static let promptKeys: [(keys: String, summary: String)] = [
        ("Enter", "keep the filter (or run the search) and close the prompt"),
        ("Esc", "cancel: restore the filter as it was"),
        ("Up Down", "move the selection while filtering"),
        ("Backspace", "delete the character before the cursor"),
        ("Ctrl-u", "clear the prompt"),
    ]

    /// (keys, summary) rows in table order, for the help overlay.
    public static func helpRows() -> [(group: String, keys: String, summary: String)] {
        (bindings + playerBindings).map { b in (b.group, b.keys.map(\.description).joined(separator: " "), b.action.summary) }
            + promptKeys.map { ("In the / and s prompts", $0.keys, $0.summary) }
            + TriageAction.noteKeys.map { ("In the note editor (n)", $0.keys, $0.summary) }
    }

    /// The key table as Markdown: the body of docs/keybindings.md.
    public static func helpMarkdown() -> String {
        var out = "# Keys\n\nGenerated by `atomscale-tui keys` from the table the browser uses.\n"
        var group = ""
        for row in helpRows() {
            if row.group != group {
                group = row.group
                out += "\n## \(group)\n\n| keys | action |\n| --- | --- |\n"
            }
            let keys = row.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            out += "| \(keys) | \(row.summary) |\n"
        }
        return out
    }
}
