import AtomscaleAPI
import Foundation
import ScreenKit

/// Identifies one load the reducer asked for; results carry it back so stale ones are dropped.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public var description: String { "#\(value)" }
}

/// Timers the reducer can set; the UI loop fires them from its own wait.
public enum TimerID: Hashable, Sendable {
    /// The frames of the selected video are loaded once the selection has settled.
    case framesDebounce
    /// The timeseries of the selected video, likewise (unless its frames load went out).
    case timeseriesDebounce
    /// A preview load for a frame passed by is still running: once the selection rests,
    /// stop waiting for it and load the frame the operator stopped on.
    case previewDebounce
    /// The player's next frame is due.
    case playerTick
    /// The selected video is live (running, stream_active): refresh its frames and entry.
    case liveRefresh
}

/// Everything that can change the state: input, the clock, and background results.
public enum AppEvent: Sendable {
    case start
    case key(Key)
    case resize(width: Int, height: Int)
    case timerFired(TimerID)
    case videosLoaded(request: RequestID, Result<[CatalogueEntry], APIError>)
    /// The same answer with the optical videos' list already built (off the UI thread, by
    /// the app's effect runner): the reducer only takes it over.
    case videosPrepared(request: RequestID, Result<PreparedVideos, APIError>)
    case framesLoaded(request: RequestID, videoID: String, Result<FrameList, APIError>)
    case timeseriesLoaded(request: RequestID, videoID: String, Result<Timeseries, APIError>)
    /// A frame fetched, decoded and scaled off the UI thread (or why it could not be).
    case previewLoaded(request: RequestID, imageUUID: String, Result<PreviewImage, PreviewError>)
    // Triage (issue 4): see Reducer+Triage.swift, Reducer+Downloads.swift, Reducer+Live.swift.
    case triageLoaded(request: RequestID, Result<TriageSnapshot, TriageFailure>)
    /// A stored change: the row as it is now (nil: no mark and no note left), or why not.
    case triageSaved(TriageChange, Result<TriageEntry?, TriageFailure>)
    case downloadProgress(request: RequestID, DownloadCounts)
    case downloadFinished(request: RequestID, DownloadOutcome)
    /// The selected video's catalogue entry read again (nil: the server no longer lists it).
    case videoRefreshed(request: RequestID, videoID: String, Result<CatalogueEntry?, APIError>)
    // Issue 5: what the API client says while it works (status line); see Reducer+Network.swift.
    /// A request failed and is about to be tried again.
    case retrying(RetryNotice)
    /// Bytes of a response body received so far.
    case transferProgress(TransferProgress)
}

/// What the reducer asks the outside world to do. Plain values, so tests compare them.
public enum Effect: Hashable, Sendable {
    case loadVideos(request: RequestID, query: SearchQuery, reload: Bool)
    case loadFrames(request: RequestID, videoID: String, reload: Bool)
    case loadTimeseries(request: RequestID, videoID: String, reload: Bool)
    /// Fetch a frame's PNG, decode it and scale it into `columns x rows` cells, all off the
    /// UI thread. A `prefetch` is for a neighbour: nothing waits on it, so it runs at low
    /// priority and shows no loading state.
    case loadPreview(request: RequestID, imageUUID: String, columns: Int, rows: Int, prefetch: Bool)
    case cancel(request: RequestID)
    case schedule(TimerID, after: Double)
    case cancelTimer(TimerID)
    case quit
    // Triage (issue 4).
    /// Read every mark and note of the API origin (opening the database if needed).
    case loadTriage(request: RequestID)
    /// Store one change at once; changes must be applied in the order they were sent.
    case saveTriage(TriageChange)
    case startDownload(request: RequestID, DownloadJob)
    case cancelDownload(request: RequestID)
    /// Put text on the clipboard of the operator's terminal (OSC 52), written by the UI loop.
    case copyToClipboard(String)
    /// Read one video's catalogue entry again (live refresh: has its status settled?).
    case refreshVideo(request: RequestID, videoID: String)
    /// Kitty mode: send `png` to the terminal as image `id` with a virtual placement of
    /// `columns x rows` cells (KittyGraphics.transmitAndPlace), written by the UI loop right
    /// after the next draw.
    case kittyUpload(id: UInt32, png: Data, columns: Int, rows: Int)
    /// Kitty mode: free image `id` in the terminal (its frame left the id table).
    case kittyDelete(id: UInt32)
}
