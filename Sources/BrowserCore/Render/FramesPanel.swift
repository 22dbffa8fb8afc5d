import AtomscaleAPI
import ScreenKit

/// Panel 2: the selected video's saved frames in recording order: number, image id (its
/// first 8 characters: the full id is in panel 4), size and time.
enum FramesPanel {
    static func draw(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        var detail = Screen.position(state.frameList, count: state.frames.count, filter: state.frames.filter)
        if state.framesLoad.value == nil { detail = "" }
        detail += TriageCells.filterTag(state.triage.framesFilter)
        if state.live.videoID != nil { detail += "  live" }
        Screen.drawHeader(state, .frames, rect, detail: detail, &buffer)
        let area = Screen.content(rect)
        guard state.selectedVideo != nil else {
            Screen.drawMessage([("no video selected", Theme.dim)], in: area, &buffer)
            return
        }
        guard Screen.drawLoadState(state.framesLoad, what: "frames", in: area, &buffer) else { return }
        if state.frames.count == 0 {
            var text = state.frames.items.count > 0 && state.triage.framesFilter != .all && !state.frames.isFiltered
                ? TriageCells.emptyMessage(state.triage.framesFilter, what: "frame")
                : state.frames.isFiltered ? "no frame matches /\(state.frames.filter) (Esc clears)"
                : "this video has no saved frames"
            if state.framesSkipped > 0 { text += " (\(state.framesSkipped) listed without image_uuid)" }
            Screen.drawMessage([(text, Theme.dim)], in: area, &buffer)
            return
        }
        let focused = state.focus == .frames
        let numberWidth = String(state.frames.items.count).count
        for i in 0..<area.height {
            let row = state.frameList.offset + i
            guard let frame = state.frames[row] else { break }
            let selected = row == state.frameList.selected
            let style = selected ? (focused ? Theme.selectedFocused : Theme.selectedPlain) : Style.plain
            let line = Rect(x: area.x, y: area.y + i, width: area.width, height: 1)
            buffer.fill(line, with: Cell(" ", style: style))
            let marks = TriageCells.drawColumn(state.triage.frames[frame.imageUUID], x: area.x, y: line.y,
                                               base: style, clip: line, &buffer)
            let number = String(frame.index + 1)
            var text = String(repeating: " ", count: max(0, numberWidth - number.count)) + number
            text += "  " + String(frame.imageUUID.prefix(8))
            if let w = frame.width, let h = frame.height { text += "  \(w)x\(h)" }
            if let t = frame.timeSeconds, t.isFinite { text += "  " + String(format: "%.1fs", t) }
            buffer.put(text, x: area.x + 1 + marks, y: line.y, style: style, clip: line)
            AnomalyMarks.drawFrameMark(state, row: row, x: area.x + 1 + marks + numberWidth, y: line.y, base: style, clip: line, &buffer)
        }
    }
}
