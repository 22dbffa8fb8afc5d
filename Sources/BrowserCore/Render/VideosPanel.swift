import AtomscaleAPI
import ScreenKit

/// Panel 1: one row per optical video: name, sample, status and upload date; columns drop
/// out as the panel narrows, the name never does.
enum VideosPanel {
    static func draw(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        var detail = Screen.position(state.videoList, count: state.videos.count, filter: state.videos.filter)
        detail += TriageCells.filterTag(state.triage.videosFilter)
        let search = state.query.summary
        if !search.isEmpty { detail += "  search: " + search }
        Screen.drawHeader(state, .videos, rect, detail: detail, &buffer)
        let area = Screen.content(rect)
        guard Screen.drawLoadState(state.videosLoad, what: "videos", in: area, &buffer) else { return }
        if state.videos.count == 0 {
            let text = state.videos.items.count > 0 && state.triage.videosFilter != .all && !state.videos.isFiltered
                ? TriageCells.emptyMessage(state.triage.videosFilter, what: "video")
                : state.videos.isFiltered ? "no video matches /\(state.videos.filter) (Esc clears)"
                : (state.query.summary.isEmpty ? "no optical videos in this catalogue"
                   : "no optical video matches the search (s to change it)")
            Screen.drawMessage([(text, Theme.dim)], in: area, &buffer)
            return
        }
        let focused = state.focus == .videos
        for i in 0..<area.height {
            let row = state.videoList.offset + i
            guard let video = state.videos[row] else { break }
            drawRow(video, triage: state.triage.videos[video.dataID], selected: row == state.videoList.selected,
                    focused: focused, y: area.y + i, area: area, anomalies: state.metrics.anomalyCounts[video.dataID], &buffer)
        }
    }

    static func drawRow(_ v: CatalogueEntry, triage: TriageEntry? = nil, selected: Bool, focused: Bool, y: Int,
                        area: Rect, anomalies: Int? = nil, _ buffer: inout ScreenBuffer) {
        let base = selected ? (focused ? Theme.selectedFocused : Theme.selectedPlain) : Style.plain
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        buffer.fill(line, with: Cell(" ", style: base))
        // Right-hand columns, narrowest panels first to lose them.
        var right = area.maxX
        if area.width >= 44, let date = v.uploadDatetime {
            let text = String(date.prefix(10))
            right -= DisplayWidth.of(text) + 1
            buffer.put(text, x: right, y: y, style: base, clip: line)
        }
        if area.width >= 30 {
            let status = Sanitizer.fit(v.pipelineStatus ?? "-", width: 11)
            right -= 12
            var style = Theme.status(v.pipelineStatus)
            style.reverse = base.reverse
            style.bold = base.bold
            style.underline = base.underline
            buffer.put(status, x: right, y: y, style: style, clip: line)
        }
        if area.width >= AnomalyMarks.videoColumnMinWidth {
            right -= AnomalyMarks.videoColumnWidth
            AnomalyMarks.drawVideoCount(anomalies, x: right, y: y, base: base, clip: line, &buffer)
        }
        if area.width >= 64, let sample = v.sampleName ?? v.physicalSampleName {
            let text = Sanitizer.fit(sample, width: 16)
            right -= 17
            buffer.put(text, x: right, y: y, style: base, clip: line)
        }
        let marks = TriageCells.drawColumn(triage, x: area.x, y: y, base: base, clip: line, &buffer)
        let nameWidth = max(0, right - area.x - 2 - marks)
        buffer.put(Sanitizer.fit(v.displayName, width: nameWidth), x: area.x + 1 + marks, y: y, style: base, clip: line)
    }
}
