/// The browser's named vocabulary. Keys map to actions through `Keymap`; the reducer only
/// ever sees actions, so the help overlay and the docs can never disagree with behaviour.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown
    case pageUp, pageDown
    case halfPageUp, halfPageDown
    case top, bottom
    case focusNext, focusPrevious
    case focusLeft, focusRight
    case focus(PanelID)
    case open
    case back
    case filter
    case search
    case reload
    case nextAnomaly, previousAnomaly
    case help
    case quit
    /// Marks, notes, downloads and copying (issue 4); see TriageAction.
    case triage(TriageAction)

    public var summary: String {
        switch self {
        case .moveUp: return "move up (scroll a metadata or metrics pane)"
        case .moveDown: return "move down (scroll a metadata or metrics pane)"
        case .pageUp: return "one page up"
        case .pageDown: return "one page down"
        case .halfPageUp: return "half a page up"
        case .halfPageDown: return "half a page down"
        case .top: return "first row"
        case .bottom: return "last row"
        case .focusNext: return "next panel"
        case .focusPrevious: return "previous panel"
        case .focusLeft: return "previous panel, stopping at the first"
        case .focusRight: return "next panel, stopping at the last"
        case .focus(let p): return "go to panel \(p.rawValue) (\(p.title.lowercased()))"
        case .open: return "open: a video's frames, a frame's metadata"
        case .back: return "back out: clear a filter, leave a panel, close help"
        case .filter: return "filter the focused list as you type (Enter keeps, Esc cancels)"
        case .search: return "search the catalogue on the server: words, status:S, from:DATE, to:DATE"
        case .reload: return "reload the videos, the selected video's frames and metrics, and the marks"
        case .nextAnomaly: return "next anomalous frame (wraps round to the first)"
        case .previousAnomaly: return "previous anomalous frame (wraps round to the last)"
        case .help: return "show or hide this help"
        case .quit: return "quit"
        case .triage(let t): return t.summary
        }
    }
}
