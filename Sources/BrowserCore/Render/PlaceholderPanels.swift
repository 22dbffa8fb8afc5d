import ScreenKit

/// Panels whose content is still to come: they keep their place in the layout and say so.
enum PlaceholderPanel {
    static func draw(_ state: AppState, _ panel: PanelID, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        Screen.drawHeader(state, panel, rect, detail: "", &buffer)
        Screen.drawMessage([("not available yet", Theme.dim)], in: Screen.content(rect), &buffer)
    }
}
