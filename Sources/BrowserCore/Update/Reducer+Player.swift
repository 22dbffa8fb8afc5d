import ScreenKit

// The full-window frame player. It shows (and steps) the frames list's selection, so the
// preview machinery in Reducer+Preview.swift loads its frames like the pane's, in the
// player's larger box. Playback is a `.playerTick` timer: the UI loop's wait times out at the
// next tick, nothing spins, and keys are handled between ticks as always.

func openPlayer(_ state: inout AppState) -> [Effect] {
    guard state.selectedFrame != nil else {
        state.notice = state.framesLoad.isLoading ? "frames are still loading" : "no frame selected"
        return []
    }
    if state.previewMode == .off {
        state.notice = "image preview is off (--image off)"
        return []
    }
    state.player = PlayerState()
    return []
}

func closePlayer(_ state: inout AppState) -> [Effect] {
    guard state.player != nil else { return [] }
    state.player = nil
    return [.cancelTimer(.playerTick)]
}

/// Keys while the player is open: its own table only, so `q` and `Esc` close it and keys
/// meant for the panels cannot change them unseen.
func handlePlayerKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let action = Keymap.playerAction(for: key) else { return [] }
    switch action {
    case .help:
        // Opened from the player, help starts at the player's keys (the table is long).
        state.helpVisible = true
        state.helpScroll = HelpContent.scroll(toGroup: Keymap.playerGroup, width: state.width, height: state.height)
        return []
    case .player(let a): return performPlayer(&state, a)
    default: return []
    }
}

func performPlayer(_ state: inout AppState, _ action: PlayerAction) -> [Effect] {
    guard var player = state.player else { return [] }
    let count = state.frames.count
    switch action {
    case .next: stepPlayer(&state, to: state.frameList.selected + 1)
    case .previous: stepPlayer(&state, to: state.frameList.selected - 1)
    case .first: stepPlayer(&state, to: 0)
    case .last: stepPlayer(&state, to: count - 1)
    case .close: return closePlayer(&state)
    case .faster, .slower:
        player.rateIndex = min(max(0, player.rateIndex + (action == .faster ? 1 : -1)), PlayerState.rates.count - 1)
        state.player = player
        // The new rate applies from now, not after a pending tick at the old one.
        return player.playing && !player.waiting ? [.schedule(.playerTick, after: player.interval)] : []
    case .playPause:
        if player.playing {
            player.playing = false
            player.waiting = false
            state.player = player
            return [.cancelTimer(.playerTick)]
        }
        // Play from the start again once the end was reached.
        if state.frameList.selected >= count - 1 { stepPlayer(&state, to: 0) }
        player.playing = true
        player.waiting = false
        state.player = player
        return [.schedule(.playerTick, after: player.interval)]
    }
    return []
}

private func stepPlayer(_ state: inout AppState, to row: Int) {
    state.frameList.select(row, count: state.frames.count, rows: state.layout.contentRows(.frames))
    state.frameMetadataScroll = ListState()
    // A step while waiting for a frame: that wait is over, the next tick decides afresh.
    state.player?.waiting = false
}

/// A tick: advance when the next frame is decoded (or known broken: its error is shown, not
/// waited for forever); otherwise wait for it, and `playerFrameArrived` resumes.
func playerTick(_ state: inout AppState) -> [Effect] {
    guard var player = state.player, player.playing else { return [] }
    let next = state.frameList.selected + 1
    guard next < state.frames.count else {
        player.playing = false
        player.waiting = false
        state.player = player
        state.notice = "end of video"
        return []
    }
    guard nextFrameReady(state, row: next) else {
        player.waiting = true
        state.player = player
        return []
    }
    stepPlayer(&state, to: next)
    return [.schedule(.playerTick, after: player.interval)]
}

/// A frame was decoded: if playback was waiting for exactly that one, it moves on now.
func playerFrameArrived(_ state: inout AppState) -> [Effect] {
    guard let player = state.player, player.playing, player.waiting else { return [] }
    let next = state.frameList.selected + 1
    guard nextFrameReady(state, row: next) else { return [] }
    stepPlayer(&state, to: next)
    return [.schedule(.playerTick, after: player.interval)]
}

private func nextFrameReady(_ state: AppState, row: Int) -> Bool {
    guard let frame = state.frames[row] else { return false }
    // Nothing is drawn (window too small for a picture): there is nothing to wait for.
    guard let box = state.preview.wanted else { return true }
    return state.preview.isSettled(PreviewKey(imageUUID: frame.imageUUID, columns: box.columns, rows: box.rows))
}
