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
    /// Opens the selected frame in the full-window player.
    case play
    /// Keys of the player (Reducer+Player.swift).
    case player(PlayerAction)
    /// Marks, notes, downloads and copying (issue 4); see TriageAction.
    case triage(TriageAction)

    public var summary: String {
        switch self {
        case .moveUp: return "move up (scroll a metadata or metrics pane, flip frames in the preview)"
        case .moveDown: return "move down (scroll a metadata or metrics pane, flip frames in the preview)"
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
        case .open: return "open: a video's frames; a frame in the player"
        case .back: return "back out: clear a filter, leave a panel, close help"
        case .filter: return "filter the focused list as you type (Enter keeps, Esc cancels)"
        case .search: return "search the catalogue on the server: words, status:S, from:DATE, to:DATE"
        case .reload: return "reload the videos, the selected video's frames and metrics, and the marks"
        case .nextAnomaly: return "next anomalous frame (wraps round to the first)"
        case .previousAnomaly: return "previous anomalous frame (wraps round to the last)"
        case .help: return "show or hide this help"
        case .quit: return "quit"
        case .play: return "show the selected frame in the full-window player"
        case .player(let a): return a.summary
        case .triage(let t): return t.summary
        }
    }
}

/// What the keys do while the frame player is open.
public enum PlayerAction: Hashable, Sendable {
    case next, previous
    case first, last
    case playPause
    case faster, slower
    case close

    public var summary: String {
        switch self {
        case .next: return "next frame"
        case .previous: return "previous frame"
        case .first: return "first frame"
        case .last: return "last frame"
        case .playPause: return "play or pause (waits for frames still loading, never skips them)"
        case .faster: return "faster: " + PlayerState.rates.map(String.init).joined(separator: ", ") + " frames/s"
        case .slower: return "slower"
        case .close: return "back to the panels (q closes the player, it does not quit)"
        }
    }
}
