import ScreenKit

/// Keys while a prompt is open. In the `/` prompt text edits filter live and arrows still
/// move the selection, so the operator can pick from the narrowed list without leaving it;
/// the `s` prompt asks the server only on Enter.
func handlePromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    let isSearch = prompt.purpose == .search
    switch key {
    case .enter:
        if isSearch { return runSearch(&state, prompt) }
        state.prompt = nil
        return []
    case .escape:
        state.prompt = nil
        return isSearch ? [] : applyFilter(&state, panel: prompt.panel, text: prompt.original)
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
    case .down where !isSearch: return move(&state, by: 1)
    case .up where !isSearch: return move(&state, by: -1)
    case .pageDown where !isSearch: return perform(&state, .pageDown)
    case .pageUp where !isSearch: return perform(&state, .pageUp)
    default:
        return []
    }
    prompt.error = nil
    state.prompt = prompt
    return isSearch ? [] : applyFilter(&state, panel: prompt.panel, text: prompt.text)
}

/// Enter in the `s` prompt: a valid query replaces the catalogue with the server's answer;
/// a bad one keeps the prompt open with the reason beside it.
func runSearch(_ state: inout AppState, _ prompt: Prompt) -> [Effect] {
    switch SearchSyntax.parse(prompt.text, base: state.query) {
    case .failure(let problem):
        var kept = prompt
        kept.error = problem.message
        state.prompt = kept
        return []
    case .success(let query):
        state.prompt = nil
        guard query != state.query || state.videosLoad.errorMessage != nil else { return [] }
        state.query = query
        state.videos.setItems([], searchText: videoSearchText)
        state.videoList = ListState()
        state.videosLoad = .loading
        state.notice = query.summary.isEmpty ? "showing the whole catalogue" : "searching: " + query.summary
        return loadVideos(&state, reload: false) + videoSelectionChanged(&state)
    }
}

/// Applies a filter to a list, keeping the selected item selected when it still matches.
func applyFilter(_ state: inout AppState, panel: PanelID, text: String) -> [Effect] {
    let layout = state.layout
    switch panel {
    case .videos:
        state.videos.refilter(&state.videoList, rows: layout.contentRows(.videos), fallback: { _ in 0 }) {
            $0.setFilter(text)
        }
        return videoSelectionChanged(&state)
    case .frames:
        state.frames.refilter(&state.frameList, rows: layout.contentRows(.frames), fallback: { _ in 0 }) {
            $0.setFilter(text)
        }
        return []
    case .videoMetadata, .frameMetadata, .preview, .metrics:
        return []
    }
}
