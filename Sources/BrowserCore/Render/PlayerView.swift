import AtomscaleAPI
import ScreenKit

/// The frame player: the whole window for one frame, a title row on top and two status rows
/// below (position, time, size, rate, playing or paused; then the full image_uuid).
enum PlayerView {
    /// The picture's box: everything but the title row and the two status rows.
    static func imageRect(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }

    static func draw(_ state: AppState, _ buffer: inout ScreenBuffer) {
        guard let player = state.player, state.width > 0, state.height > 0 else { return }
        let full = buffer.bounds
        let (titleRow, rest) = full.splitTop(1)
        let (_, statusRows) = rest.splitBottom(2)
        buffer.fill(titleRow, with: Cell(" ", style: Theme.titleBar))
        let name = state.selectedVideo?.displayName ?? ""
        buffer.put(" Frame player · " + name, x: 0, y: 0, style: Theme.titleBar, clip: titleRow)

        let area = imageRect(width: state.width, height: state.height)
        if let frame = state.selectedFrame {
            if !area.isEmpty { PreviewPanel.drawPicture(state, frame, in: area, &buffer) }
            drawStatus(state, player, frame, statusRows, &buffer)
        }
    }

    static func drawStatus(_ state: AppState, _ player: PlayerState, _ frame: VideoFrame, _ rows: Rect,
                           _ buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let first = Rect(x: rows.x, y: rows.y, width: rows.width, height: 1)
        buffer.fill(first, with: Cell(" ", style: Theme.headerFocused))
        var parts = ["frame \(state.frameList.selected + 1)/\(state.frames.count)"]
        if state.frames.isFiltered { parts[0] += " (#\(frame.index + 1))" }
        if let t = frame.timeSeconds, t.isFinite { parts.append(String(format: "%.2f s", t)) }
        parts += PreviewPanel.status(state, frame)
        parts.append("\(player.fps) fps")
        parts.append(player.waiting ? "waiting for the next frame…" : (player.playing ? "▶ playing" : "❚❚ paused"))
        if let note = state.lastError ?? state.notice { parts.append(note) }
        buffer.put(" " + parts.joined(separator: " · "), x: first.x, y: first.y, style: Theme.headerFocused, clip: first)

        guard rows.height > 1 else { return }
        let second = Rect(x: rows.x, y: rows.y + 1, width: rows.width, height: 1)
        // The id in full: operators copy it from here.
        let used = buffer.put(" image_uuid " + frame.imageUUID, x: second.x, y: second.y, clip: second)
        let hints = "←/→ step  Space play/pause  +/- rate  Esc back"
        let width = DisplayWidth.of(hints)
        if second.width - used >= width + 3 {
            buffer.put(hints, x: second.maxX - width - 1, y: second.y, style: Theme.dim, clip: second)
        }
    }
}
