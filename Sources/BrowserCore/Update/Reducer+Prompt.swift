import ScreenKit

/// Keys while the `/` prompt is open: text edits filter live; arrows still move the
/// selection so the operator can pick from the narrowed list without leaving the prompt.
func handlePromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    switch key {
    case .enter:
        state.prompt = nil
        return []
    case .escape:
        state.prompt = nil
        return applyFilter(&state, panel: prompt.panel, text: prompt.original)
    case .backspace, .delete:
        guard !prompt.text.isEmpty else { return [] }
        prompt.text.removeLast()
    case .ctrl("u"):
        prompt.text = ""
    case .ctrl("w"):
        let trimmed = prompt.text.reversed().drop { $0 == " " }.drop { $0 != " " }
        prompt.text = String(trimmed.reversed())
    case .char(let c):
        // Prompt text is the operator's own, but still never longer than a screen can show.
        guard prompt.text.count < 256 else { return [] }
        prompt.text.append(c)
    case .down: return move(&state, by: 1)
    case .up: return move(&state, by: -1)
    case .pageDown: return perform(&state, .pageDown)
    case .pageUp: return perform(&state, .pageUp)
    default:
        return []
    }
    state.prompt = prompt
    return applyFilter(&state, panel: prompt.panel, text: prompt.text)
}

/// Applies a filter to a list, keeping the selected item selected when it still matches.
func applyFilter(_ state: inout AppState, panel: PanelID, text: String) -> [Effect] {
    let layout = state.layout
    switch panel {
    case .videos:
        let selectedItem = state.videos.visible.indices.contains(state.videoList.selected)
            ? state.videos.visible[state.videoList.selected] : nil
        state.videos.setFilter(text)
        let row = selectedItem.flatMap { state.videos.row(ofItem: $0) } ?? 0
        state.videoList.select(row, count: state.videos.count, rows: layout.contentRows(.videos))
        return videoSelectionChanged(&state)
    case .frames:
        let selectedItem = state.frames.visible.indices.contains(state.frameList.selected)
            ? state.frames.visible[state.frameList.selected] : nil
        state.frames.setFilter(text)
        let row = selectedItem.flatMap { state.frames.row(ofItem: $0) } ?? 0
        state.frameList.select(row, count: state.frames.count, rows: layout.contentRows(.frames))
        return []
    case .videoMetadata, .frameMetadata, .preview, .metrics:
        return []
    }
}
