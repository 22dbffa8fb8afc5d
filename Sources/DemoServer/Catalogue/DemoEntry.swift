/// Which payload shape `optical/timeseries/{id}/` answers with for a video. Both shapes are
/// in use on real deployments (see api.md), so the demo serves each.
public enum DemoTimeseriesShape: String, Sendable, CaseIterable {
    /// `{"properties": {"perimeter_px": {"relative_time_seconds": [...], ...}, ...}}`
    case properties
    /// `{"series": [{"frame_number": 0, "perimeter_px": ..., ...}, ...]}`
    case rows
    /// The row shape as a bare top-level array.
    case bareRows
    /// `{}`: no metrics yet.
    case empty
}

/// Which time key a video's frame objects carry; the SDK looks for either.
public enum DemoFrameTimeKey: String, Sendable {
    case timeSeconds = "time_seconds"
    case timestampSeconds = "timestamp_seconds"
    case none
}

/// Everything about an optical video beyond its catalogue fields: how its frames, images and
/// metrics are generated.
public struct DemoVideoSpec: Sendable, Hashable {
    public var frameCount: Int
    public var width: Int
    public var height: Int
    /// Seconds between saved frames.
    public var interval: Double
    public var timeKey: DemoFrameTimeKey = .timeSeconds
    /// Whether frame objects carry `frame_number`.
    public var frameNumbers: Bool = true
    /// Frame objects carry an extra key the client does not know (`exposure_ms`).
    public var extraFrameKey: Bool = false
    /// When set, every frame whose index % n == n - 1 lacks `processed_file_metadata`.
    public var metadataGapEvery: Int? = nil
    public var timeseries: DemoTimeseriesShape = .properties
    /// `unix_timestamp_ms` sent as numeric strings rather than numbers.
    public var stringTimestamps: Bool = false
    /// In the property shape, this sample of `circularity` has null timestamps.
    public var nullTimestampAt: Int? = nil
    /// This frame's PNG is cut short.
    public var truncatedFrame: Int? = nil
    /// This frame's PNG claims 60000x60000 in its IHDR and is garbage after it.
    public var hugeHeaderFrame: Int? = nil
    /// Seeds images and metrics.
    public var seed: UInt64 = 0
    /// Unix milliseconds of frame 0 (for `unix_timestamp_ms`).
    public var startMs: Int64 = 0
}

/// A project as `projects: [{"id", "name"}]` lists it.
public struct DemoProject: Sendable, Hashable {
    public var id: String
    public var name: String
}

/// Optical-video file metadata (`file_metadata`), when an entry has it.
public struct DemoFileMetadata: Sendable, Hashable {
    public var codec: String
    public var fps: Double
    public var width: Int
    public var height: Int
    public var sizeBytes: Int
}

/// One catalogue entry. Optional fields are written as JSON null unless the key is in
/// `omitted`, in which case the key is left out: the API promises neither.
public struct DemoEntry: Sendable, Hashable {
    /// Catalogue fields that an entry may leave out entirely.
    public struct Keys: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let rawName = Keys(rawValue: 1 << 0)
        public static let pipelineStatus = Keys(rawValue: 1 << 1)
        public static let sourceName = Keys(rawValue: 1 << 2)
        public static let sample = Keys(rawValue: 1 << 3)
        public static let growthLength = Keys(rawValue: 1 << 4)
        public static let note = Keys(rawValue: 1 << 5)
        public static let fileMetadata = Keys(rawValue: 1 << 6)
        public static let tags = Keys(rawValue: 1 << 7)
        public static let owner = Keys(rawValue: 1 << 8)
        public static let projects = Keys(rawValue: 1 << 9)
        public static let workspaces = Keys(rawValue: 1 << 10)
        public static let collected = Keys(rawValue: 1 << 11)
        public static let lastUpdated = Keys(rawValue: 1 << 12)
        public static let userID = Keys(rawValue: 1 << 13)
    }

    /// Position in the catalogue listing.
    public var index: Int
    public var dataID: String
    public var charSourceType: String
    public var rawName: String?
    public var pipelineStatus: String?
    public var rawFileType: String?
    public var sourceName: String?
    public var sampleName: String?
    public var physicalSampleID: String?
    public var physicalSampleName: String?
    public var growthLength: Double?
    public var uploadDatetime: String?
    public var lastUpdated: String?
    /// Older deployments' name for `last_updated`; when set it is written instead.
    public var useLastAccessedKey: Bool = false
    public var collectedDatetime: String?
    public var note: String?
    public var noteUpdated: String?
    public var fileMetadata: DemoFileMetadata?
    public var tags: [String] = []
    public var owner: String?
    public var userID: String?
    public var workspaces: [String] = []
    public var projects: [DemoProject] = []
    public var omitted: Keys = []
    /// Set for optical videos only.
    public var video: DemoVideoSpec?
    /// A name built to break naive terminal output (escapes, bidi, wide or huge text).
    public var isHostile: Bool = false

    public var isOptical: Bool { charSourceType == "optical" }
    public var frameCount: Int { video?.frameCount ?? 0 }
}
