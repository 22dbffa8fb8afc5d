import AtomscaleAPI
import ScreenKit

/// The bottom row: the `/` prompt while it is open; otherwise the last error, a notice or
/// what is loading, with the key hints on the right.
enum StatusLine {
    static func draw(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        if let note = state.triage.noteEditor {
            TriageCells.drawNoteEditor(note, rect, &buffer)
            return
        }
        if let prompt = state.prompt {
            let label = prompt.purpose == .search ? "search: " : "filter \(prompt.panel.title.lowercased()): /"
            var x = rect.x + buffer.put(label, x: rect.x, y: rect.y, style: Theme.notice, clip: rect)
            let errorText = prompt.error.map { "  " + $0 } ?? ""
            // Show the end of a long text: that is where the operator is typing.
            let room = max(1, rect.maxX - x - 1 - min(DisplayWidth.of(errorText), rect.width / 2))
            var shown = Sanitizer.clean(prompt.text)
            while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
            x += buffer.put(shown, x: x, y: rect.y, clip: rect)
            buffer.set(x: x, y: rect.y, Cell(" ", style: Style(reverse: true)), clip: rect)
            if !errorText.isEmpty { buffer.put(errorText, x: x + 1, y: rect.y, style: Theme.error, clip: rect) }
            return
        }
        let hints = "? help  q quit"
        let hintsWidth = DisplayWidth.of(hints)
        let showHints = rect.width >= hintsWidth + 20
        let leftWidth = showHints ? rect.width - hintsWidth - 2 : rect.width
        let (text, style) = message(state)
        buffer.put(Sanitizer.fit(text, width: leftWidth), x: rect.x, y: rect.y, style: style, clip: rect)
        if showHints { buffer.put(hints, x: rect.maxX - hintsWidth, y: rect.y, style: Theme.dim, clip: rect) }
    }

    static func message(_ state: AppState) -> (String, Style) {
        if let error = state.lastError { return ("error: " + error, Theme.error) }
        if let retry = state.network.retry { return (retry.description + "…", Theme.notice) }
        if let notice = state.notice { return (notice, Theme.notice) }
        if let triage = TriageCells.statusMessage(state) { return triage }
        var loading: [String] = []
        func bytes(_ p: TransferProgress?) -> String { p.map { " (\($0.summary))" } ?? "" }
        if state.videosRequest != nil { loading.append("videos" + bytes(state.network.videos)) }
        if state.framesRequest != nil || state.framesLoad.isLoading { loading.append("frames" + bytes(state.network.frames)) }
        if !loading.isEmpty { return ("loading " + loading.joined(separator: " and ") + "…", Theme.dim) }
        if let readOnly = TriageCells.readOnlyMessage(state) { return readOnly }
        guard state.videosLoad.value != nil else { return ("", .plain) }
        var parts = ["\(state.videos.count) of \(state.videos.items.count) videos"]
        if state.framesLoad.value != nil { parts.append("\(state.frames.items.count) frames") }
        return (parts.joined(separator: " · "), Theme.dim)
    }
}
