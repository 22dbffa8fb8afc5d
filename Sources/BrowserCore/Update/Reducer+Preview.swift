import ScreenKit

// Frame images for the preview pane and the player.
//
// After every event the reducer compares what should be on screen (`previewTarget`) with what
// it has: a decoded image in the cache is shown with no effect at all; otherwise one load is
// issued. At most one such "main" load runs at a time: while the operator holds a key, the
// selection runs ahead of it and the next load goes out when the running one finishes (or,
// after a short rest, the running one is abandoned). So holding Down through 300 frames costs
// a handful of loads paced by how fast frames decode, never 300. Once the wanted frame is
// settled, its neighbours are prefetched in the background (low priority, no loading state).

/// How long the selection must rest before a running load for a frame passed by is abandoned.
public let previewDebounceSeconds = 0.08
/// Prefetches in flight at once; on two cores more would only slow the frame being waited for.
let previewPrefetchLimit = 3

/// The box the selected frame is drawn into now; nil when nothing on screen shows a frame.
func previewTarget(_ state: AppState) -> PreviewKey? {
    guard state.previewMode != .off, let frame = state.selectedFrame else { return nil }
    let box = previewImageRect(state)
    guard box.width > 0, box.height > 0 else { return nil }
    return PreviewKey(imageUUID: frame.imageUUID, columns: box.width, rows: box.height)
}

/// Where the frame's cells go: the player's picture area, or the preview pane's content.
func previewImageRect(_ state: AppState) -> Rect {
    let layout = state.layout
    if layout.isTooSmall { return .zero }
    if state.player != nil { return PlayerView.imageRect(width: state.width, height: state.height) }
    return PreviewPanel.imageRect(layout.rect(.preview))
}

/// Brings loads in line with what the screen shows. Runs after every event; does nothing
/// (no effects) when the wanted frame is already decoded and its neighbours are in hand.
func syncPreview(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if state.player != nil, state.selectedFrame == nil { effects += closePlayer(&state) }
    let target = previewTarget(state)
    let moved = target != state.preview.wanted
    state.preview.wanted = target
    guard let target else {
        // Nothing shows a frame (pane hidden, no frame, preview off): stop all image work.
        for request in state.preview.requests.keys.sorted(by: { $0.value < $1.value }) {
            effects.append(.cancel(request: request))
        }
        state.preview.requests.removeAll()
        state.preview.mainRequest = nil
        return effects
    }
    if moved { effects += cancelPrefetches(&state, keeping: [target] + prefetchKeys(state, around: target)) }
    if state.preview.images.value(for: target) != nil || state.preview.failures[target] != nil {
        if state.preview.images.peek(target) != nil {
            state.preview.lastShown = target
            effects += kittyShow(&state, target)
        }
        return effects + prefetch(&state, around: target)
    }
    if let main = state.preview.mainRequest, let mainKey = state.preview.requests[main],
       mainKey.columns != target.columns || mainKey.rows != target.rows {
        // Cells for another box (the window was resized, the player opened or closed) will
        // never be drawn: stop that load now rather than after it.
        state.preview.requests.removeValue(forKey: main)
        state.preview.mainRequest = nil
        effects.append(.cancel(request: main))
    }
    if let main = state.preview.mainRequest {
        // One load at a time: the selection may run ahead of it. When the selection rests,
        // the debounce abandons the load for a frame passed by.
        if state.preview.requests[main] != target, moved {
            effects.append(.schedule(.previewDebounce, after: previewDebounceSeconds))
        }
        return effects
    }
    if let running = state.preview.request(for: target) {
        // Already being prefetched: wait for that one instead of asking twice.
        state.preview.mainRequest = running
        return effects
    }
    return effects + [issuePreviewLoad(&state, target, prefetch: false)]
}

/// The selection rested while the running load is for another frame: drop that load
/// (or keep it as a prefetch if it is a neighbour) and load the frame the operator is on.
func previewDebounceFired(_ state: inout AppState) -> [Effect] {
    guard let target = state.preview.wanted, !state.preview.isSettled(target),
          let main = state.preview.mainRequest, let mainKey = state.preview.requests[main],
          mainKey != target else { return [] }
    var effects: [Effect] = []
    state.preview.mainRequest = nil
    if !prefetchKeys(state, around: target).contains(mainKey)
        || state.preview.prefetchRequests.count > previewPrefetchLimit {
        state.preview.requests.removeValue(forKey: main)
        effects.append(.cancel(request: main))
    }
    if let running = state.preview.request(for: target) {
        state.preview.mainRequest = running
        return effects
    }
    return effects + [issuePreviewLoad(&state, target, prefetch: false)]
}

func previewLoaded(_ state: inout AppState, request: RequestID,
                   _ result: Result<PreviewImage, PreviewError>) -> [Effect] {
    // Unknown ids are loads the reducer cancelled: whatever they carry is not wanted.
    guard let key = state.preview.requests.removeValue(forKey: request) else { return [] }
    if state.preview.mainRequest == request { state.preview.mainRequest = nil }
    switch result {
    case .success(let image):
        // Cached even if the selection moved on: it is a neighbour, or soon evicted.
        state.preview.images.insert(image, for: key, cost: image.cost)
        state.preview.failures.remove(key)
    case .failure(let error):
        state.preview.failures.insert(error, for: key)
    }
    return playerFrameArrived(&state)
}

/// `r` retries frames that failed (a timeout or a 5xx may have been passing).
func clearPreviewFailures(_ state: inout AppState) {
    state.preview.failures = RecentCache(capacity: state.preview.failures.capacity)
}

func issuePreviewLoad(_ state: inout AppState, _ key: PreviewKey, prefetch: Bool) -> Effect {
    let request = state.makeRequestID()
    state.preview.requests[request] = key
    if !prefetch { state.preview.mainRequest = request }
    return .loadPreview(request: request, imageUUID: key.imageUUID, columns: key.columns,
                        rows: key.rows, prefetch: prefetch)
}

/// Rows of the frames list worth having decoded next, nearest first: the next three and the
/// previous one; while the player plays, as many as half a second ahead.
func prefetchRows(_ state: AppState) -> [Int] {
    let row = state.frameList.selected
    if let player = state.player, player.playing {
        let ahead = min(12, max(3, player.fps / 2))
        return (1...ahead).map { row + $0 }
    }
    return [row + 1, row + 2, row + 3, row - 1]
}

func prefetchKeys(_ state: AppState, around target: PreviewKey) -> [PreviewKey] {
    prefetchRows(state).compactMap { row in
        state.frames[row].map { PreviewKey(imageUUID: $0.imageUUID, columns: target.columns, rows: target.rows) }
    }
}

private func prefetch(_ state: inout AppState, around target: PreviewKey) -> [Effect] {
    var effects: [Effect] = []
    for key in prefetchKeys(state, around: target) {
        guard state.preview.prefetchRequests.count < previewPrefetchLimit else { break }
        if state.preview.isSettled(key) || state.preview.request(for: key) != nil { continue }
        effects.append(issuePreviewLoad(&state, key, prefetch: true))
    }
    return effects
}

/// Prefetches for frames no longer near the selection only compete with the ones that are.
private func cancelPrefetches(_ state: inout AppState, keeping keys: [PreviewKey]) -> [Effect] {
    let stale = state.preview.prefetchRequests.filter { !keys.contains($0.value) }.keys
    return stale.sorted { $0.value < $1.value }.map { request in
        state.preview.requests.removeValue(forKey: request)
        return .cancel(request: request)
    }
}
