import AtomscaleAPI
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
}

/// Everything that can change the state: input, the clock, and background results.
public enum AppEvent: Sendable {
    case start
    case key(Key)
    case resize(width: Int, height: Int)
    case timerFired(TimerID)
    case videosLoaded(request: RequestID, Result<[CatalogueEntry], APIError>)
    case framesLoaded(request: RequestID, videoID: String, Result<FrameList, APIError>)
    case timeseriesLoaded(request: RequestID, videoID: String, Result<Timeseries, APIError>)
}

/// What the reducer asks the outside world to do. Plain values, so tests compare them.
public enum Effect: Hashable, Sendable {
    case loadVideos(request: RequestID, query: SearchQuery, reload: Bool)
    case loadFrames(request: RequestID, videoID: String, reload: Bool)
    case loadTimeseries(request: RequestID, videoID: String, reload: Bool)
    case cancel(request: RequestID)
    case schedule(TimerID, after: Double)
    case cancelTimer(TimerID)
    case quit
}
