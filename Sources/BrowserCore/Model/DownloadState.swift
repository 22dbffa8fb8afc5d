import AtomscaleAPI

/// What `d` / `D` ask the app layer to save: frames of one video. The app layer decides the
/// directory (flag or config) and the file names.
public struct DownloadJob: Hashable, Sendable {
    public var videoID: String
    /// The video's display name, for its folder name.
    public var videoName: String
    public var frames: [VideoFrame]
    /// The number of frames of the whole video, so single-frame downloads are numbered and
    /// padded the same way as whole-video ones.
    public var frameCount: Int

    public init(videoID: String, videoName: String, frames: [VideoFrame], frameCount: Int) {
        self.videoID = videoID
        self.videoName = videoName
        self.frames = frames
        self.frameCount = frameCount
    }
}

/// How far a download is.
public struct DownloadCounts: Hashable, Sendable {
    public var total: Int
    public var saved = 0
    /// Files that were already there and complete.
    public var skipped = 0
    public var failed = 0

    public init(total: Int, saved: Int = 0, skipped: Int = 0, failed: Int = 0) {
        self.total = total
        self.saved = saved
        self.skipped = skipped
        self.failed = failed
    }

    public var finished: Int { saved + skipped + failed }
}

/// The end of a download.
public struct DownloadOutcome: Hashable, Sendable {
    public var counts: DownloadCounts
    /// Where the files went (the per-video folder).
    public var directory: String
    /// The first failure's message, for the status line.
    public var firstError: String?
    public var cancelled: Bool

    public init(counts: DownloadCounts, directory: String, firstError: String? = nil, cancelled: Bool = false) {
        self.counts = counts
        self.directory = directory
        self.firstError = firstError
        self.cancelled = cancelled
    }
}

/// The download in progress, if any. One at a time: a second `d` while one runs is refused
/// with a notice (a queue would make "cancel" ambiguous).
public struct DownloadState: Sendable {
    public var request: RequestID?
    public var label = ""
    public var counts = DownloadCounts(total: 0)
    public var cancelling = false

    public init() {}

    public var isRunning: Bool { request != nil }
}

/// Refreshing the selected video while its pipeline still produces frames.
public struct LiveRefresh: Sendable {
    /// Seconds between refreshes (`--refresh-interval`, config `refresh_interval`).
    public var interval: Double = 5
    /// The video the timer runs for; nil when no timer is set.
    public var videoID: String?
    /// The request re-reading the video's catalogue entry (its status).
    public var entryRequest: RequestID?

    public init() {}

    /// Statuses whose frames may still grow.
    public static func isLive(_ status: String?) -> Bool {
        guard let s = status?.lowercased() else { return false }
        return s == "running" || s == "stream_active"
    }
}
