import AtomscaleAPI
import ScreenKit

/// Draws the whole state into a fresh buffer. Pure: the terminal layer diffs the result with
/// what it drew last, so a full redraw here costs no terminal bytes for unchanged cells.
public enum Screen {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(&buffer)
            return buffer
        }
        if state.player != nil {
            PlayerView.draw(state, &buffer)
            if state.helpVisible { HelpOverlay.draw(state, &buffer) }
            return buffer
        }
        drawTitle(state, layout.title, &buffer)
        for sep in layout.separators {
            for y in sep.y..<sep.maxY { buffer.set(x: sep.x, y: y, Cell("│", style: Theme.separator)) }
        }
        VideosPanel.draw(state, layout.rect(.videos), &buffer)
        FramesPanel.draw(state, layout.rect(.frames), &buffer)
        MetadataPanel.draw(state, .videoMetadata, layout.rect(.videoMetadata), &buffer)
        MetadataPanel.draw(state, .frameMetadata, layout.rect(.frameMetadata), &buffer)
        PreviewPanel.draw(state, layout.rect(.preview), &buffer)
        MetricsPanel.draw(state, layout.rect(.metrics), &buffer)
        StatusLine.draw(state, layout.status, &buffer)
        if state.helpVisible { HelpOverlay.draw(state, &buffer) }
        return buffer
    }

    static func drawTooSmall(_ buffer: inout ScreenBuffer) {
        let lines = ["window too small", "\(buffer.width)x\(buffer.height), need \(Layout.minimumWidth)x\(Layout.minimumHeight)"]
        for (i, line) in lines.enumerated() where i < buffer.height {
            let w = DisplayWidth.of(line)
            buffer.put(line, x: max(0, (buffer.width - w) / 2), y: max(0, buffer.height / 2 - 1) + i, style: Theme.error)
        }
    }

    static func drawTitle(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        buffer.fill(rect, with: Cell(" ", style: Theme.titleBar))
        var text = " atomscale-tui · \(state.sourceLabel)"
        if state.videosLoad.value != nil {
            text += " · \(state.videos.items.count) optical video\(state.videos.items.count == 1 ? "" : "s")"
        }
        let summary = state.query.summary
        if !summary.isEmpty { text += " · \(summary)" }
        buffer.put(text, x: rect.x, y: rect.y, style: Theme.titleBar, clip: rect)
    }

    /// The header row of a panel: number, title, position and filter; reversed when focused.
    static func drawHeader(_ state: AppState, _ panel: PanelID, _ rect: Rect, detail: String,
                           _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let style = state.focus == panel ? Theme.headerFocused : Theme.headerPlain
        let header = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(header, with: Cell(" ", style: style))
        let text = "\(panel.rawValue) \(panel.title)" + (detail.isEmpty ? "" : "  " + detail)
        buffer.put(text, x: rect.x, y: rect.y, style: style, clip: header)
    }

    /// A message in place of a panel's content (loading, empty, error), wrapped to fit.
    static func drawMessage(_ lines: [(String, Style)], in rect: Rect, _ buffer: inout ScreenBuffer) {
        var y = rect.y
        for (text, style) in lines {
            for line in TextWrap.lines(text, width: max(1, rect.width - 1)) where y < rect.maxY {
                buffer.put(line, x: rect.x + 1, y: y, style: style, clip: rect)
                y += 1
            }
        }
    }

    /// Draws the loading or error message of a panel's data in its content area; true when
    /// the data is there and the panel should draw it.
    static func drawLoadState<T>(_ load: Loadable<T>, what: String, in area: Rect, _ buffer: inout ScreenBuffer) -> Bool {
        switch load {
        case .idle, .loading:
            drawMessage([("loading \(what)…", Theme.dim)], in: area, &buffer)
            return false
        case .failed(let message):
            drawMessage([("error: " + message, Theme.error), ("press r to retry", Theme.dim)], in: area, &buffer)
            return false
        case .loaded:
            return true
        }
    }

    /// Content area of a panel: below its header row.
    static func content(_ rect: Rect) -> Rect { rect.splitTop(1).1 }

    static func position(_ list: ListState, count: Int, filter: String) -> String {
        var s = count == 0 ? "0/0" : "\(list.selected + 1)/\(count)"
        if !filter.isEmpty { s += "  /" + filter }
        return s
    }
}
