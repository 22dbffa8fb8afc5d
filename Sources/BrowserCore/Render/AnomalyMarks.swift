import ScreenKit

/// The anomaly marks in the lists: a red `!` after the frame number of an anomalous frame,
/// and `⚠N` (anomalous frames) in the videos list once a video's timeseries is known.
enum AnomalyMarks {
    /// The videos list shows the count from this panel width on.
    static let videoColumnMinWidth = 36
    /// `⚠999` plus a space.
    static let videoColumnWidth = 5

    static func drawFrameMark(_ state: AppState, row: Int, x: Int, y: Int, base: Style, clip: Rect,
                              _ buffer: inout ScreenBuffer) {
        guard row >= 0, row < state.frames.visible.count,
              state.metrics.isAnomalous(framePosition: state.frames.visible[row]) else { return }
        buffer.put("!", x: x, y: y, style: styled(Theme.anomaly, like: base), clip: clip)
    }

    static func drawVideoCount(_ count: Int?, x: Int, y: Int, base: Style, clip: Rect, _ buffer: inout ScreenBuffer) {
        guard let count else { return }
        let text = count > 999 ? "⚠1k+" : "⚠\(count)"
        buffer.put(text, x: x, y: y, style: styled(count > 0 ? Theme.anomaly : Theme.dim, like: base), clip: clip)
    }

    /// A mark keeps the row's selection look (reverse, underline) in its own colour.
    private static func styled(_ mark: Style, like base: Style) -> Style {
        var style = mark
        style.reverse = base.reverse
        style.underline = base.underline
        style.bold = mark.bold || base.bold
        return style
    }
}
