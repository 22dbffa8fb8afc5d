import ScreenKit

/// The triage vocabulary (issue 4): marks, notes, the marks filter, downloads and copying.
/// One `Action.triage` case carries it so the shared action enum stays small.
///
/// Keys were chosen not to clash with navigation (hjkl g G / r q ? 1-6 Enter Esc Tab), the
/// player (v Space + - s) or the anomaly jumps ([ ]):
/// `o` ok/good, `x` bad, `w` worth a look (needs review), `u` unmark, `n` note, `f` filter,
/// `d`/`D` download, `c` cancel the download, `y` yank (copy) the id.
public enum TriageAction: Hashable, Sendable {
    case mark(Mark)
    case clearMark
    case editNote
    case cycleFilter
    case downloadFrame
    case downloadVideo
    case cancelDownload
    case copyID

    public var summary: String {
        switch self {
        case .mark(.good): return "mark the selected video or frame good (ok)"
        case .mark(.bad): return "mark the selected video or frame bad"
        case .mark(.review): return "mark the selected video or frame as needing review (worth a look)"
        case .clearMark: return "clear (unmark) the selected video's or frame's mark"
        case .editNote: return "edit the note on the selected video or frame (empty deletes it)"
        case .cycleFilter: return "cycle the list filter: all, marked, unmarked, good, bad, review"
        case .downloadFrame: return "download the selected frame's image"
        case .downloadVideo: return "download every frame of the selected video"
        case .cancelDownload: return "cancel the running download"
        case .copyID: return "copy the selected id (data_id, or image_uuid in a frame panel) via OSC 52"
        }
    }

    /// Rows for the key table (Keymap.bindings), grouped as the help lists them.
    static let bindings: [Binding] = [
        Binding(keys: [.char("o")], action: .triage(.mark(.good)), group: "Triage"),
        Binding(keys: [.char("x")], action: .triage(.mark(.bad)), group: "Triage"),
        Binding(keys: [.char("w")], action: .triage(.mark(.review)), group: "Triage"),
        Binding(keys: [.char("u")], action: .triage(.clearMark), group: "Triage"),
        Binding(keys: [.char("n")], action: .triage(.editNote), group: "Triage"),
        Binding(keys: [.char("f")], action: .triage(.cycleFilter), group: "Triage"),
        Binding(keys: [.char("d")], action: .triage(.downloadFrame), group: "Files"),
        Binding(keys: [.char("D")], action: .triage(.downloadVideo), group: "Files"),
        Binding(keys: [.char("c")], action: .triage(.cancelDownload), group: "Files"),
        Binding(keys: [.char("y")], action: .triage(.copyID), group: "Files"),
    ]

    /// Keys of the note editor, listed in help and docs (the editor handles them itself).
    static let noteKeys: [(keys: String, summary: String)] = [
        ("Enter", "save the note (an empty note deletes it)"),
        ("Esc", "cancel: keep the note as it was"),
        ("Left Right", "move the cursor (also Ctrl-b, Ctrl-f)"),
        ("Home End", "start or end of the line (also Ctrl-a, Ctrl-e)"),
        ("Backspace Delete", "delete before or under the cursor"),
        ("Ctrl-u Ctrl-k", "delete to the start or to the end of the line"),
        ("Ctrl-w", "delete the word before the cursor"),
    ]
}
