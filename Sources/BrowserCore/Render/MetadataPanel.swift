import ScreenKit

/// Panels 3 and 4: every field of the selected video or frame, wrapped, scrollable.
enum MetadataPanel {
    static func draw(_ state: AppState, _ panel: PanelID, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let lines: [MetadataLine]
        let scroll: ListState
        if panel == .videoMetadata {
            lines = MetadataLines.video(state.selectedVideo, triage: state.selectedVideoTriage, width: rect.width)
            scroll = state.videoMetadataScroll
        } else {
            lines = MetadataLines.frame(state.selectedFrame, triage: state.selectedFrameTriage,
                                        width: rect.width, metrics: state.selectedFrameReadings)
            scroll = state.frameMetadataScroll
        }
        let area = Screen.content(rect)
        let more = lines.count > area.height
        let detail = more ? "\(min(lines.count, scroll.offset + area.height))/\(lines.count) lines" : ""
        Screen.drawHeader(state, panel, rect, detail: detail, &buffer)
        if lines.isEmpty {
            let text = panel == .videoMetadata ? "no video selected"
                : (state.framesLoad.isLoading ? "loading frames…" : "no frame selected")
            Screen.drawMessage([(text, Theme.dim)], in: area, &buffer)
            return
        }
        let labelWidth = MetadataLines.labelWidth(for: rect.width)
        for i in 0..<area.height {
            let index = scroll.offset + i
            guard index < lines.count else { break }
            let line = lines[index]
            let y = area.y + i
            switch line.kind {
            case .heading:
                buffer.put("─ " + line.text + " ─", x: area.x, y: y, style: Theme.dim, clip: area)
            case .field:
                buffer.put(line.label, x: area.x, y: y, style: Theme.label, clip: area)
                buffer.put(line.text, x: area.x + labelWidth + 1, y: y, clip: area)
            case .continuation:
                buffer.put(line.text, x: area.x + labelWidth + 1, y: y, clip: area)
            case .longLabel:
                buffer.put(line.label, x: area.x, y: y, style: Theme.label, clip: area)
            case .longValue:
                buffer.put(line.text, x: area.x + 2, y: y, clip: area)
            }
        }
    }
}
