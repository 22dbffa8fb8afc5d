import AtomscaleAPI
import ScreenKit

/// How long the video selection must rest before its frames are asked for, so that holding
/// `j` through a long list issues one request, not one per passed video.
public let framesDebounceSeconds = 0.12

/// The whole behaviour of the browser: an event in, the state changed, effects out. No I/O.
/// After every event the metrics follow the selection and the frames (Reducer+Metrics.swift).
public func reduce(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    let effects = reduceEvent(&state, event)
    endRetryNotice(&state, after: event)
    // Whatever the event, the metrics follow the selection and the frames, the live-refresh
    // timer runs iff the selected video is live, and the preview's loads follow from the
    // resulting state (selection, focus, window size, player) in one place
    // (Reducer+Metrics.swift, Reducer+Live.swift, Reducer+Preview.swift).
    let live = effects + syncMetrics(&state) + reconcileLiveRefresh(&state)
    return state.wantsQuit ? live : live + syncPreview(&state)
}

func reduceEvent(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .start:
        return loadVideos(&state, reload: false) + loadTriage(&state)
    case .key(let key):
        return handleKey(&state, key)
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        clampAll(&state)
        return []
    case .timerFired(.framesDebounce):
        guard state.framesLoad.isLoading, state.framesRequest == nil,
              let id = state.framesVideoID, id == state.selectedVideo?.dataID else { return [] }
        return issueFramesLoad(&state, videoID: id, reload: false)
    case .timerFired(.previewDebounce):
        return previewDebounceFired(&state)
    case .timerFired(.playerTick):
        return playerTick(&state)
    case .previewLoaded(let request, _, let result):
        return previewLoaded(&state, request: request, result)
    case .videosLoaded(let request, let result):
        return videosLoaded(&state, request: request, result.map(PreparedVideos.init))
    case .videosPrepared(let request, let result):
        return videosLoaded(&state, request: request, result)
    case .framesLoaded(let request, let videoID, let result):
        return framesLoaded(&state, request: request, videoID: videoID, result)
    case .timeseriesLoaded, .timerFired(.timeseriesDebounce):
        return reduceMetrics(&state, event)
    case .timerFired(.liveRefresh):
        return liveRefreshFired(&state)
    case .triageLoaded(let request, let result):
        return triageLoaded(&state, request: request, result)
    case .triageSaved(let change, let result):
        return triageSaved(&state, change, result)
    case .downloadProgress(let request, let counts):
        return downloadProgress(&state, request: request, counts)
    case .downloadFinished(let request, let outcome):
        return downloadFinished(&state, request: request, outcome)
    case .videoRefreshed(let request, let videoID, let result):
        return videoRefreshed(&state, request: request, videoID: videoID, result)
    case .retrying(let notice):
        return retrying(&state, notice)
    case .transferProgress(let progress):
        return transferProgress(&state, progress)
    }
}

// MARK: - Keys

func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    state.notice = nil
    if state.triage.noteEditor != nil { return handleNoteKey(&state, key) }
    if state.prompt != nil { return handlePromptKey(&state, key) }
    if state.helpVisible { return handleHelpKey(&state, key) }
    if state.player != nil { return handlePlayerKey(&state, key) }
    guard let action = Keymap.action(for: key) else { return [] }
    return perform(&state, action)
}

public func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    let rows = max(1, state.layout.contentRows(state.focus))
    switch action {
    case .moveDown: return move(&state, by: 1)
    case .moveUp: return move(&state, by: -1)
    case .pageDown: return move(&state, by: rows)
    case .pageUp: return move(&state, by: -rows)
    case .halfPageDown: return move(&state, by: max(1, rows / 2))
    case .halfPageUp: return move(&state, by: -max(1, rows / 2))
    case .top: return move(&state, by: Int.min / 2)
    case .bottom: return move(&state, by: Int.max / 2)
    case .focusNext: return setFocus(&state, state.focus.next)
    case .focusPrevious: return setFocus(&state, state.focus.previous)
    case .focusRight: return setFocus(&state, state.focus == .metrics ? .metrics : state.focus.next)
    case .focusLeft: return setFocus(&state, state.focus == .videos ? .videos : state.focus.previous)
    case .focus(let panel): return setFocus(&state, panel)
    case .open: return open(&state)
    case .back: return back(&state)
    case .filter:
        guard state.focus.isList else {
            state.notice = "/ filters a list: press 1 (videos) or 2 (frames) first"
            return []
        }
        let current = state.focus == .videos ? state.videos.filter : state.frames.filter
        state.prompt = Prompt(purpose: .filter(state.focus), text: current, original: current)
        return []
    case .search:
        let current = SearchSyntax.format(state.query)
        state.prompt = Prompt(purpose: .search, text: current, original: current)
        return []
    case .reload: return reload(&state) + loadTriage(&state)
    case .nextAnomaly: return jumpToAnomaly(&state, .next)
    case .previousAnomaly: return jumpToAnomaly(&state, .previous)
    case .help:
        state.helpVisible.toggle()
        state.helpScroll = 0
        return []
    case .quit:
        state.wantsQuit = true
        return [.quit]
    case .play: return openPlayer(&state)
    case .player(let a): return performPlayer(&state, a)
    case .triage(let action): return performTriage(&state, action)
    }
}

func handleHelpKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .escape, .char("q"), .char("?"), .enter: state.helpVisible = false
    case .down, .char("j"): state.helpScroll += 1
    case .up, .char("k"): state.helpScroll -= 1
    case .pageDown, .char(" "), .ctrl("d"): state.helpScroll += max(1, state.height / 2)
    case .pageUp, .ctrl("u"): state.helpScroll -= max(1, state.height / 2)
    case .home, .char("g"): state.helpScroll = 0
    case .end, .char("G"): state.helpScroll = Int.max / 2
    default: break
    }
    state.helpScroll = min(max(0, state.helpScroll), HelpContent.maxScroll(width: state.width, height: state.height))
    return []
}

// MARK: - Focus and navigation

func setFocus(_ state: inout AppState, _ panel: PanelID) -> [Effect] {
    state.focus = panel
    clampAll(&state)
    return []
}

func open(_ state: inout AppState) -> [Effect] {
    switch state.focus {
    case .videos:
        guard let video = state.selectedVideo else { return [] }
        state.focus = .frames
        clampAll(&state)
        // The user asked for these frames: no reason to wait for the debounce.
        if state.framesLoad.isLoading, state.framesRequest == nil, state.framesVideoID == video.dataID {
            return [.cancelTimer(.framesDebounce)] + issueFramesLoad(&state, videoID: video.dataID, reload: false)
        }
        return []
    case .frames, .preview:
        // Enter on a frame used to focus its metadata (now `4`): seeing the frame is what
        // an operator wants from it.
        return openPlayer(&state)
    case .videoMetadata, .frameMetadata, .metrics:
        return []
    }
}

func back(_ state: inout AppState) -> [Effect] {
    switch state.focus {
    case .videos where state.videos.isFiltered:
        return applyFilter(&state, panel: .videos, text: "")
    case .frames where state.frames.isFiltered:
        return applyFilter(&state, panel: .frames, text: "")
    case .videos:
        state.notice = "press q to quit"
        return []
    case .frames, .videoMetadata, .metrics:
        return setFocus(&state, .videos)
    case .frameMetadata, .preview:
        return setFocus(&state, .frames)
    }
}

func move(_ state: inout AppState, by delta: Int) -> [Effect] {
    let layout = state.layout
    let rows = layout.contentRows(state.focus)
    switch state.focus {
    case .videos:
        let before = state.videoList.selected
        state.videoList.move(by: delta, count: state.videos.count, rows: rows)
        guard state.videoList.selected != before else { return [] }
        state.videoMetadataScroll = ListState()
        return videoSelectionChanged(&state)
    case .frames, .preview:
        // In the preview pane, j/k flip through the frames it shows.
        let before = state.frameList.selected
        state.frameList.move(by: delta, count: state.frames.count, rows: layout.contentRows(.frames))
        if state.frameList.selected != before { state.frameMetadataScroll = ListState() }
        return []
    case .videoMetadata:
        let lines = MetadataLines.video(state.selectedVideo, triage: state.selectedVideoTriage,
                                        width: layout.rect(.videoMetadata).width).count
        state.videoMetadataScroll.scroll(by: delta, count: lines, rows: rows)
        return []
    case .frameMetadata:
        let lines = MetadataLines.frame(state.selectedFrame, triage: state.selectedFrameTriage,
                                        width: layout.rect(.frameMetadata).width,
                                        metrics: state.selectedFrameReadings).count
        state.frameMetadataScroll.scroll(by: delta, count: lines, rows: rows)
        return []
    case .metrics:
        return scrollMetrics(&state, by: delta)
    }
}

/// Re-clamps every list and pane after the window, the focus or the data changed.
func clampAll(_ state: inout AppState) {
    let layout = state.layout
    state.videoList.keepVisible(count: state.videos.count, rows: layout.contentRows(.videos))
    state.frameList.keepVisible(count: state.frames.count, rows: layout.contentRows(.frames))
    let videoLines = MetadataLines.video(state.selectedVideo, triage: state.selectedVideoTriage,
                                         width: layout.rect(.videoMetadata).width).count
    state.videoMetadataScroll.scroll(by: 0, count: videoLines, rows: layout.contentRows(.videoMetadata))
    let frameLines = MetadataLines.frame(state.selectedFrame, triage: state.selectedFrameTriage,
                                         width: layout.rect(.frameMetadata).width,
                                         metrics: state.selectedFrameReadings).count
    state.frameMetadataScroll.scroll(by: 0, count: frameLines, rows: layout.contentRows(.frameMetadata))
}
