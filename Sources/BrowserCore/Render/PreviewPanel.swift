import AtomscaleAPI
import ScreenKit

/// Panel 5: the selected frame as an image. The header says which frame, its size in pixels
/// and whether it is loading or failed; the picture is centred in the pane.
enum PreviewPanel {
    /// Where the frame's cells go; the reducer sizes its loads from this too.
    static func imageRect(_ panel: Rect) -> Rect { Screen.content(panel) }

    static func draw(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let frame = state.selectedFrame
        var detail = ""
        if let frame, state.previewMode != .off {
            detail = (["frame \(frame.index + 1)/\(state.frames.items.count)"] + status(state, frame)).joined(separator: " · ")
        }
        Screen.drawHeader(state, .preview, rect, detail: detail, &buffer)
        let area = imageRect(rect)
        guard !area.isEmpty else { return }
        if state.previewMode == .off {
            Screen.drawMessage([("image preview is off (--image off or image = off in the config)", Theme.dim)], in: area, &buffer)
            return
        }
        guard let frame else {
            let text = state.framesLoad.isLoading ? "loading frames…" : "no frame selected"
            Screen.drawMessage([(text, Theme.dim)], in: area, &buffer)
            return
        }
        drawPicture(state, frame, in: area, &buffer)
    }

    /// The wanted frame if decoded; else its error; else, while it loads, the frame shown
    /// last (flipping through frames should not blink to an empty pane in between).
    static func drawPicture(_ state: AppState, _ frame: VideoFrame, in area: Rect, _ buffer: inout ScreenBuffer) {
        let ascii = state.previewMode == .ascii || state.imageColorMode == .mono
        let key = PreviewKey(imageUUID: frame.imageUUID, columns: area.width, rows: area.height)
        if let image = state.preview.image(key) {
            drawImage(state, image, key, in: area, ascii: ascii, &buffer)
        } else if let error = state.preview.failure(key) {
            Screen.drawMessage([("frame \(frame.index + 1): " + error.message, Theme.error)], in: area, &buffer)
        } else if let last = state.preview.lastShown, last.columns <= area.width, last.rows <= area.height,
                  let image = state.preview.image(last) {
            // (Not one drawn for a bigger box: the player's picture cut down to the pane.)
            drawImage(state, image, last, in: area, ascii: ascii, &buffer)
        } else {
            Screen.drawMessage([("loading frame \(frame.index + 1)…", Theme.dim)], in: area, &buffer)
        }
    }

    /// Kitty placeholders when the terminal holds this frame-and-box (Reducer+Kitty), else
    /// the decoded cells: half blocks are the fallback for any frame that was not sent.
    static func drawImage(_ state: AppState, _ image: PreviewImage, _ key: PreviewKey, in area: Rect,
                          ascii: Bool, _ buffer: inout ScreenBuffer) {
        if let placement = kittyPlacement(state, key) {
            KittyCells.draw(placement, in: area, direct: state.kittyDirectColour, &buffer)
        } else {
            ImageCells.draw(image.cells, in: area, ascii: ascii, &buffer)
        }
    }

    /// "640x480 px", then "loading…" or "error" (header and player status line).
    static func status(_ state: AppState, _ frame: VideoFrame) -> [String] {
        var parts: [String] = []
        let area = previewImageRect(state)
        let key = PreviewKey(imageUUID: frame.imageUUID, columns: area.width, rows: area.height)
        if let image = state.preview.image(key) {
            parts.append("\(image.pixelWidth)x\(image.pixelHeight) px")
        } else if let w = frame.width, let h = frame.height {
            parts.append("\(w)x\(h) px")
        }
        if state.preview.failure(key) != nil {
            parts.append("error")
        } else if state.preview.image(key) == nil, !area.isEmpty {
            parts.append("loading…")
        }
        return parts
    }
}
