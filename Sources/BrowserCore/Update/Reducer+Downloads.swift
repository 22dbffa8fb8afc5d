import AtomscaleAPI

// Downloads (issue 4, item 5). The reducer only decides what to save and shows progress;
// the app layer picks the directory and file names and does the fetching and writing.

func downloadSelectedFrame(_ state: inout AppState) -> [Effect] {
    guard let video = state.selectedVideo, let frame = state.selectedFrame else {
        state.notice = state.selectedVideo == nil ? "no video selected" : "no frame selected"
        return []
    }
    return startDownload(&state, DownloadJob(videoID: video.dataID, videoName: video.displayName,
                                             frames: [frame], frameCount: state.frames.items.count),
                         label: "frame \(frame.index + 1)")
}

/// Every frame of the selected video, whatever the list filters show.
func downloadSelectedVideo(_ state: inout AppState) -> [Effect] {
    guard let video = state.selectedVideo else { state.notice = "no video selected"; return [] }
    guard state.framesVideoID == video.dataID, state.framesLoad.value != nil else {
        state.notice = "the frames of this video are not loaded yet"
        return []
    }
    let frames = state.frames.items
    guard !frames.isEmpty else { state.notice = "this video has no saved frames"; return [] }
    return startDownload(&state, DownloadJob(videoID: video.dataID, videoName: video.displayName,
                                             frames: frames, frameCount: frames.count),
                         label: "\(frames.count) frame\(frames.count == 1 ? "" : "s")")
}

func startDownload(_ state: inout AppState, _ job: DownloadJob, label: String) -> [Effect] {
    if state.downloads.isRunning {
        state.notice = "a download is running (c cancels it)"
        return []
    }
    let request = state.makeRequestID()
    state.downloads.request = request
    state.downloads.label = label
    state.downloads.counts = DownloadCounts(total: job.frames.count)
    state.downloads.cancelling = false
    return [.startDownload(request: request, job)]
}

func cancelDownload(_ state: inout AppState) -> [Effect] {
    guard let request = state.downloads.request else {
        state.notice = "no download is running"
        return []
    }
    state.downloads.cancelling = true
    return [.cancelDownload(request: request)]
}

func downloadProgress(_ state: inout AppState, request: RequestID, _ counts: DownloadCounts) -> [Effect] {
    guard request == state.downloads.request else { return [] }
    state.downloads.counts = counts
    return []
}

func downloadFinished(_ state: inout AppState, request: RequestID, _ outcome: DownloadOutcome) -> [Effect] {
    guard request == state.downloads.request else { return [] }
    state.downloads = DownloadState()
    let c = outcome.counts
    var text = outcome.cancelled ? "download cancelled: " : "downloaded: "
    text += "\(c.saved) saved"
    if c.skipped > 0 { text += ", \(c.skipped) already there" }
    if c.failed > 0 { text += ", \(c.failed) failed" }
    if outcome.cancelled, c.finished < c.total { text += ", \(c.total - c.finished) not downloaded" }
    text += " in \(outcome.directory)"
    if c.failed > 0 {
        state.lastError = text + (outcome.firstError.map { " (first: \($0))" } ?? "")
    } else {
        state.notice = text
    }
    return []
}

/// The status line's progress text while a download runs.
func downloadStatusText(_ state: AppState) -> String? {
    guard state.downloads.isRunning else { return nil }
    let c = state.downloads.counts
    if state.downloads.cancelling { return "cancelling download… \(c.finished)/\(c.total)" }
    var text = "downloading \(c.finished)/\(c.total)"
    if c.skipped > 0 { text += " (\(c.skipped) already there)" }
    if c.failed > 0 { text += " (\(c.failed) failed)" }
    return text + " … c cancels"
}
