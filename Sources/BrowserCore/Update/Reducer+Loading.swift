import AtomscaleAPI

// Loads and their results. Every load carries a RequestID; a result is accepted only while
// its id is still the one the state waits for, so stale and out-of-order answers vanish.

func loadVideos(_ state: inout AppState, reload: Bool) -> [Effect] {
    var effects: [Effect] = []
    if let old = state.videosRequest { effects.append(.cancel(request: old)) }
    let request = state.makeRequestID()
    state.videosRequest = request
    if state.videosLoad.value == nil { state.videosLoad = .loading }
    effects.append(.loadVideos(request: request, query: state.query, reload: reload))
    return effects
}

func reload(_ state: inout AppState) -> [Effect] {
    state.lastError = nil
    state.notice = "reloading…"
    clearPreviewFailures(&state)
    var effects = loadVideos(&state, reload: true)
    if let id = state.selectedVideo?.dataID {
        state.recentFrames.remove(id)
        effects += issueFramesLoad(&state, videoID: id, reload: true)
    }
    return effects + reloadTimeseries(&state)
}

func videosLoaded(_ state: inout AppState, request: RequestID,
                  _ result: Result<PreparedVideos, APIError>) -> [Effect] {
    guard request == state.videosRequest else { return [] }
    state.videosRequest = nil
    state.network.finished(.catalogue)
    switch result {
    case .success(let prepared):
        let previous = state.selectedVideo?.dataID
        state.videos.adoptItems(of: prepared.list)
        state.videosLoad = .loaded(())
        state.lastError = nil
        if state.notice == "reloading…" { state.notice = nil }
        // A reload keeps the operator on the video they were looking at.
        let row = previous.flatMap { id in state.videos.items.firstIndex { $0.dataID == id } }
            .flatMap { state.videos.row(ofItem: $0) } ?? 0
        state.videoList.select(row, count: state.videos.count, rows: state.layout.contentRows(.videos))
        return videoSelectionChanged(&state, immediate: true)
    case .failure(let error):
        let message = error.message
        if state.videosLoad.value != nil {
            state.lastError = "reload failed: " + message
        } else {
            state.videosLoad = .failed(message)
            state.lastError = message
        }
        if state.notice == "reloading…" { state.notice = nil }
        return []
    }
}

/// The video selection moved: show its frames from the reducer's cache, or mark them
/// loading and ask once the selection settles (or at once when `immediate`).
func videoSelectionChanged(_ state: inout AppState, immediate: Bool = false) -> [Effect] {
    let id = state.selectedVideo?.dataID
    if id == state.framesVideoID, state.framesLoad.value != nil || state.framesRequest != nil { return [] }
    var effects: [Effect] = []
    if let old = state.framesRequest {
        effects.append(.cancel(request: old))
        state.framesRequest = nil
    }
    state.frameList = ListState()
    state.frameMetadataScroll = ListState()
    state.framesVideoID = id
    guard let id else {
        state.frames = FilteredList()
        state.framesLoad = .idle
        return effects + [.cancelTimer(.framesDebounce)]
    }
    if let cached = state.recentFrames[id] {
        showFrames(&state, cached, keepSelection: false)
        return effects + [.cancelTimer(.framesDebounce)]
    }
    state.frames = FilteredList()
    state.framesSkipped = 0
    state.framesLoad = .loading
    if immediate { return effects + [.cancelTimer(.framesDebounce)] + issueFramesLoad(&state, videoID: id, reload: false) }
    return effects + [.schedule(.framesDebounce, after: framesDebounceSeconds)]
}

func issueFramesLoad(_ state: inout AppState, videoID: String, reload: Bool) -> [Effect] {
    var effects: [Effect] = []
    if let old = state.framesRequest { effects.append(.cancel(request: old)) }
    let request = state.makeRequestID()
    state.framesRequest = request
    state.framesVideoID = videoID
    if state.framesLoad.value == nil { state.framesLoad = .loading }
    effects.append(.loadFrames(request: request, videoID: videoID, reload: reload))
    return effects
}

func framesLoaded(_ state: inout AppState, request: RequestID, videoID: String,
                  _ result: Result<FrameList, APIError>) -> [Effect] {
    guard request == state.framesRequest else { return [] }
    state.framesRequest = nil
    state.network.finished(.frames)
    switch result {
    case .success(let list):
        state.recentFrames.insert(list, for: videoID)
        guard videoID == state.framesVideoID else { return [] }
        showFrames(&state, list, keepSelection: true)
        state.lastError = nil
        if state.notice == "reloading…" { state.notice = nil }
    case .failure(let error):
        guard videoID == state.framesVideoID else { return [] }
        if state.framesLoad.value != nil {
            state.lastError = "reloading frames failed: " + error.message
        } else {
            state.framesLoad = .failed(error.message)
            state.lastError = error.message
        }
    }
    return []
}

func showFrames(_ state: inout AppState, _ list: FrameList, keepSelection: Bool) {
    let previous = keepSelection ? state.selectedFrameUUID : nil
    state.frames.setItems(list.frames, searchText: frameSearchText)
    state.framesSkipped = list.skipped
    state.framesLoad = .loaded(())
    let row = previous.flatMap { id in state.frames.items.firstIndex { $0.imageUUID == id } }
        .flatMap { state.frames.row(ofItem: $0) } ?? 0
    state.frameList.select(row, count: state.frames.count, rows: state.layout.contentRows(.frames))
}

extension AppState {
    /// The selected frame's id even while a reload of its list is running.
    var selectedFrameUUID: String? { frames[frameList.selected]?.imageUUID }
}

/// What `/` matches for a video: the names an operator types, plus its ids.
func videoSearchText(_ e: CatalogueEntry) -> String {
    [e.rawName, e.sampleName, e.physicalSampleName, e.pipelineStatus, e.owner, e.uploadDatetime, e.dataID]
        .compactMap { $0 }.joined(separator: "\u{1F}")
        + e.projects.compactMap(\.name).map { "\u{1F}" + $0 }.joined()
        + e.tags.map { "\u{1F}" + $0 }.joined()
}

/// Frames match by the number shown (1-based) and by image id.
func frameSearchText(_ f: VideoFrame) -> String {
    "\(f.index + 1)\u{1F}\(f.imageUUID)"
}
