import AtomscaleAPI

// Live videos (issue 4, item 7). While the selected video's pipeline is `running` or
// `stream_active`, a repeating `.liveRefresh` timer reloads its frames (new ones append; the
// selection stays on its image_uuid, see showFrames) and re-reads its catalogue entry, whose
// status tells when to stop. Rather than starting and stopping the timer in every place the
// selection or a status can change, `reconcileLiveRefresh` runs after every event and
// compares what should run with what runs.

/// The video the refresh timer should run for now, if any.
func liveVideoID(_ state: AppState) -> String? {
    guard let video = state.selectedVideo, LiveRefresh.isLive(video.pipelineStatus),
          state.framesVideoID == video.dataID, state.framesLoad.value != nil else { return nil }
    return video.dataID
}

/// Starts, moves or stops the refresh timer to match the state.
func reconcileLiveRefresh(_ state: inout AppState) -> [Effect] {
    let wanted = liveVideoID(state)
    guard wanted != state.live.videoID else { return [] }
    var effects: [Effect] = []
    if state.live.videoID != nil {
        effects.append(.cancelTimer(.liveRefresh))
        if let request = state.live.entryRequest { effects.append(.cancel(request: request)) }
        state.live.entryRequest = nil
    }
    state.live.videoID = wanted
    if wanted != nil { effects.append(.schedule(.liveRefresh, after: state.live.interval)) }
    return effects
}

func liveRefreshFired(_ state: inout AppState) -> [Effect] {
    guard let id = state.live.videoID, id == liveVideoID(state) else { return [] }
    // A fixed period; a refresh still running when the next is due is left alone rather than
    // restarted, so a slow server still completes one refresh per period or two.
    var effects: [Effect] = [.schedule(.liveRefresh, after: state.live.interval)]
    if state.framesRequest == nil {
        effects += issueFramesLoad(&state, videoID: id, reload: true)
    }
    effects += refreshTimeseries(&state)
    if state.live.entryRequest == nil {
        let request = state.makeRequestID()
        state.live.entryRequest = request
        effects.append(.refreshVideo(request: request, videoID: id))
    }
    return effects
}

func videoRefreshed(_ state: inout AppState, request: RequestID, videoID: String,
                    _ result: Result<CatalogueEntry?, APIError>) -> [Effect] {
    guard request == state.live.entryRequest else { return [] }
    state.live.entryRequest = nil
    // A failed or empty status read changes nothing: the frames refresh reports its own
    // errors, and a video the server stopped listing keeps its last known status.
    guard case .success(let found?) = result, found.dataID == videoID, found.isOptical,
          let index = state.videos.items.firstIndex(where: { $0.dataID == videoID }) else { return [] }
    state.videos.refilter(&state.videoList, rows: state.layout.contentRows(.videos), fallback: { $0 }) {
        $0.replaceItem(at: index, with: found, searchText: videoSearchText)
    }
    return videoSelectionChanged(&state)
}
