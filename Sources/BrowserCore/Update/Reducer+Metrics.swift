import AtomscaleAPI

// The metrics: the selected video's timeseries is loaded with the frames' discipline (a
// request id per load, stale results dropped, a debounce while the selection moves, a small
// recent cache), aligned to the frames whenever either changes, and its anomalies drive the
// `!` marks, the counts in the videos list and `]` / `[`.

/// How long the video selection rests before its timeseries is asked for (as for frames).
public let timeseriesDebounceSeconds = framesDebounceSeconds

/// The events that belong to the metrics alone.
func reduceMetrics(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .timerFired(.timeseriesDebounce):
        guard state.metrics.isWaiting, let id = state.metrics.videoID, id == state.selectedVideo?.dataID else { return [] }
        return issueTimeseriesLoad(&state, videoID: id, reload: false)
    case .timeseriesLoaded(let request, let videoID, let result):
        return timeseriesLoaded(&state, request: request, videoID: videoID, result)
    default:
        return []
    }
}

/// Runs after every event: the metrics follow the selected video (from the cache, or a
/// debounced load), the load goes out at once when the frames' load did, and the alignment is
/// recomputed when the frames or the timeseries changed. O(1) when nothing did.
func syncMetrics(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    let selected = state.selectedVideo?.dataID
    if selected != state.metrics.videoID {
        effects += metricsVideoChanged(&state, to: selected)
    } else if state.metrics.isWaiting, let id = selected, framesLoadIsOut(state, for: id) {
        // The frames stopped waiting (their debounce fired, or Enter): so do the metrics.
        effects += [.cancelTimer(.timeseriesDebounce)] + issueTimeseriesLoad(&state, videoID: id, reload: false)
    }
    realign(&state)
    clampMetricsScroll(&state)
    return effects
}

/// `r`: the selected video's timeseries is fetched again (the old plots stay meanwhile).
func reloadTimeseries(_ state: inout AppState) -> [Effect] {
    guard let id = state.selectedVideo?.dataID else { return [] }
    state.metrics.recent.remove(id)
    state.metrics.reloadError = nil
    if state.metrics.videoID != id { state.metrics.load = .idle; state.metrics.scroll = 0 }
    return [.cancelTimer(.timeseriesDebounce)] + issueTimeseriesLoad(&state, videoID: id, reload: true)
}

/// A live video's periodic refresh: its timeseries again, unless a load is still running
/// (a slow server then completes one refresh per period or two, as for the frames).
func refreshTimeseries(_ state: inout AppState) -> [Effect] {
    guard state.metrics.request == nil, !state.metrics.isWaiting,
          let id = state.selectedVideo?.dataID, state.metrics.videoID == id else { return [] }
    return reloadTimeseries(&state)
}

extension MetricsState {
    /// Marked loading but not asked for yet: the debounce is running.
    var isWaiting: Bool { load.isLoading && request == nil && videoID != nil }
}

private func framesLoadIsOut(_ state: AppState, for id: String) -> Bool {
    state.framesRequest != nil && state.framesVideoID == id
}

private func metricsVideoChanged(_ state: inout AppState, to id: String?) -> [Effect] {
    var effects: [Effect] = []
    if let old = state.metrics.request {
        effects.append(.cancel(request: old))
        state.metrics.request = nil
    }
    state.metrics.videoID = id
    state.metrics.scroll = 0
    state.metrics.reloadError = nil
    guard let id else {
        state.metrics.load = .idle
        return effects + [.cancelTimer(.timeseriesDebounce)]
    }
    if let cached = state.metrics.recent[id] {
        state.metrics.load = .loaded(cached)
        return effects + [.cancelTimer(.timeseriesDebounce)]
    }
    state.metrics.load = .loading
    if framesLoadIsOut(state, for: id) {
        return effects + [.cancelTimer(.timeseriesDebounce)] + issueTimeseriesLoad(&state, videoID: id, reload: false)
    }
    return effects + [.schedule(.timeseriesDebounce, after: timeseriesDebounceSeconds)]
}

func issueTimeseriesLoad(_ state: inout AppState, videoID: String, reload: Bool) -> [Effect] {
    var effects: [Effect] = []
    if let old = state.metrics.request { effects.append(.cancel(request: old)) }
    let request = state.makeRequestID()
    state.metrics.request = request
    state.metrics.videoID = videoID
    if state.metrics.load.value == nil { state.metrics.load = .loading }
    effects.append(.loadTimeseries(request: request, videoID: videoID, reload: reload))
    return effects
}

/// A result is taken only while its request is the one wanted. Errors stay in the metrics
/// pane: a video without metrics is normal and must not shout in the status line. A 404 is
/// "no metrics" (as the official SDK reads it), not an error.
func timeseriesLoaded(_ state: inout AppState, request: RequestID, videoID: String,
                      _ result: Result<Timeseries, APIError>) -> [Effect] {
    guard request == state.metrics.request else { return [] }
    state.metrics.request = nil
    var result = result
    if case .failure(let error) = result, error.isNotFound { result = .success(.empty) }
    switch result {
    case .success(let series):
        state.metrics.recent.insert(series, for: videoID)
        guard videoID == state.metrics.videoID else { return [] }
        state.metrics.load = .loaded(series)
        state.metrics.reloadError = nil
    case .failure(let error):
        guard videoID == state.metrics.videoID else { return [] }
        if state.metrics.load.value != nil {
            state.metrics.reloadError = "reload failed: " + error.message
        } else {
            state.metrics.load = .failed(error.message)
        }
    }
    return []
}

/// Recomputes the alignment and the anomalies when the frames shown, the timeseries or the
/// threshold changed; clears them when either is missing.
func realign(_ state: inout AppState) {
    let series = state.metrics.videoID == nil ? nil : state.metrics.series
    let framesShown = state.framesVideoID == state.metrics.videoID && state.framesLoad.value != nil
    guard let series, framesShown, let id = state.metrics.videoID else {
        if state.metrics.alignment != nil || state.metrics.alignedSeries != nil {
            state.metrics.alignment = nil
            state.metrics.alignedSeries = nil
            state.metrics.alignedFrames = []
            state.metrics.anomalousFrames = []
            state.metrics.anomalousFlags = []
        }
        return
    }
    let frames = state.frames.items
    if state.metrics.alignment != nil, state.metrics.alignedSeries == series,
       state.metrics.alignedFrames == frames, state.metrics.alignedThreshold == state.metrics.threshold { return }
    let alignment = FrameAlignment(series, frames: frames)
    let anomalous = Anomalies.frames(series, alignment, threshold: state.metrics.threshold)
    var flags = [Bool](repeating: false, count: frames.count)
    for f in anomalous { flags[f] = true }
    state.metrics.alignment = alignment
    state.metrics.alignedSeries = series
    state.metrics.alignedFrames = frames
    state.metrics.alignedThreshold = state.metrics.threshold
    state.metrics.anomalousFrames = anomalous
    state.metrics.anomalousFlags = flags
    state.metrics.anomalyCounts[id] = anomalous.count
}

// MARK: - Keys

/// `]` / `[`: selects the next / previous anomalous frame in the frames list (among the
/// rows the filter shows), wrapping round with a notice. The focus stays where it is.
func jumpToAnomaly(_ state: inout AppState, _ direction: Anomalies.Direction) -> [Effect] {
    guard state.selectedVideo != nil else {
        state.notice = "no video selected"
        return []
    }
    switch state.metrics.load {
    case .idle, .loading:
        state.notice = "metrics still loading"
        return []
    case .failed:
        state.notice = "no metrics: see the metrics pane (6)"
        return []
    case .loaded(let series) where series.metrics.isEmpty:
        state.notice = "no metrics for this video yet"
        return []
    case .loaded:
        break
    }
    guard state.metrics.alignment != nil else {
        state.notice = state.framesLoad.isLoading ? "frames still loading" : "no frames to jump to"
        return []
    }
    let all = state.metrics.anomalousFrames
    guard !all.isEmpty else {
        state.notice = "no anomalies (anomaly probability ≥ \(formatThreshold(state.metrics.threshold)))"
        return []
    }
    let rows = state.frames.isFiltered ? all.compactMap { state.frames.row(ofItem: $0) } : all
    guard !rows.isEmpty else {
        state.notice = "no anomalies among the filtered frames"
        return []
    }
    let current = state.frames.count > 0 ? state.frameList.selected : nil
    guard let jump = Anomalies.jump(from: current, in: rows, direction) else { return [] }
    if jump.target != state.frameList.selected { state.frameMetadataScroll = ListState() }
    state.frameList.select(jump.target, count: state.frames.count, rows: state.layout.contentRows(.frames))
    let position = "\(jump.rank + 1) of \(rows.count)"
    if rows.count == 1, jump.target == current {
        state.notice = "the only anomaly (1 of 1)"
    } else if jump.wrapped {
        state.notice = (direction == .next ? "wrapped to first anomaly" : "wrapped to last anomaly") + " (\(position))"
    } else {
        state.notice = "anomaly \(position)"
    }
    return []
}

/// j/k and the page keys in the metrics pane: one metric per step.
func scrollMetrics(_ state: inout AppState, by delta: Int) -> [Effect] {
    let count = state.metrics.series?.metrics.count ?? 0
    let plan = MetricsLayout.plan(metricCount: count, height: state.layout.contentRows(.metrics))
    // A hidden pane (narrow windows show it only when focused) still keeps one metric in view.
    let maxScroll = max(0, count - max(1, plan.visible))
    // Int.min / 2 and Int.max / 2 (top, bottom) cannot overflow against a small offset.
    state.metrics.scroll = min(max(0, state.metrics.scroll + delta), maxScroll)
    return []
}

private func clampMetricsScroll(_ state: inout AppState) {
    guard state.metrics.scroll > 0 else { return }
    _ = scrollMetrics(&state, by: 0)
}

func formatThreshold(_ t: Double) -> String {
    var s = String(t)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}
