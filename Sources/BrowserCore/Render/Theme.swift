import ScreenKit

/// The browser's styles in one place. Colours are the 16 ANSI ones so they follow the
/// operator's terminal theme; under NO_COLOR the terminal layer drops them and the
/// bold/reverse/underline cues remain.
enum Theme {
    static let titleBar = Style(fg: .ansi(15), bg: .ansi(4), bold: true)
    static let headerFocused = Style(bold: true, reverse: true)
    static let headerPlain = Style(bold: true, underline: true)
    static let selectedFocused = Style(reverse: true)
    static let selectedPlain = Style(bold: true, underline: true)
    static let separator = Style(dim: true)
    static let label = Style(fg: .ansi(6))
    static let dim = Style(dim: true)
    static let error = Style(fg: .ansi(1), bold: true)
    static let notice = Style(fg: .ansi(3))
    static let help = Style()
    static let helpKey = Style(fg: .ansi(6), bold: true)
    static let helpGroup = Style(bold: true, underline: true)

    static func status(_ status: String?) -> Style {
        switch status?.lowercased() {
        case "success": return Style(fg: .ansi(2))
        case "running", "stream_active", "stream_finalizing", "pending": return Style(fg: .ansi(3))
        case "error", "stream_error", "stream_interrupted": return Style(fg: .ansi(1))
        default: return Style(dim: true)
        }
    }
}
