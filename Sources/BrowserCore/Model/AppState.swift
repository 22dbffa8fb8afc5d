import AtomscaleAPI
import ImageKit

/// All UI state, as one plain value. Only `reduce` changes it; renderers only read it.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    /// "demo" or the API host, for the title bar.
    public var sourceLabel: String
    public var wantsQuit = false

    public var focus: PanelID = .videos
    public var query = SearchQuery.opticalVideos

    /// The optical videos of the last successful search (non-optical entries are dropped).
    public var videos = FilteredList<CatalogueEntry>()
    public var videosLoad: Loadable<Void> = .idle
    public var videoList = ListState()

    /// The frames of `framesVideoID` (the selected video, or the one still loading).
    public var frames = FilteredList<VideoFrame>()
    public var framesLoad: Loadable<Void> = .idle
    public var framesVideoID: String?
    public var frameList = ListState()
    /// Frames listed by the server without an `image_uuid` (not shown).
    public var framesSkipped = 0

    public var videoMetadataScroll = ListState()
    public var frameMetadataScroll = ListState()

    /// The `/` prompt while it is open.
    public var prompt: Prompt?
    public var helpVisible = false
    public var helpScroll = 0

    /// The last failure, shown in the status line until the next successful load or key.
    public var lastError: String?
    /// A short note for the status line ("filter cleared", "reloading…").
    public var notice: String?

    // Bookkeeping of loads: the reducer only accepts results it still wants.
    public var nextRequest = 1
    public var videosRequest: RequestID?
    public var framesRequest: RequestID?
    /// Recently shown frame lists, so stepping back to a video shows it without any load.
    public var recentFrames = RecentCache<String, FrameList>(capacity: 24)

    /// The selected video's timeseries, its alignment to the frames and the anomalies.
    public var metrics = MetricsState()
    /// Decoded frame images, their loads and the pane's wishes (Reducer+Preview.swift).
    public var preview = PreviewState()
    /// The full-window frame player while it is open.
    public var player: PlayerState?
    /// How frames are drawn; set by the app from the terminal and `--image`.
    public var previewMode: PreviewMode = .blocks
    /// What the terminal can show; `.mono` draws frames with shading characters.
    public var imageColorMode: ColorMode = .truecolor
    /// Kitty mode: images sent to the terminal and their ids (Reducer+Kitty.swift).
    public var kitty = KittyImages()
    /// Kitty mode: name image ids with 24-bit colours (a direct-colour terminal, where
    /// ncurses turns palette indices into RGB) instead of 256-colour indices.
    public var kittyDirectColour = false
    // Issue 4: marks and notes, downloads, live refresh (Reducer+Triage/Downloads/Live).
    public var triage = TriageState()
    public var downloads = DownloadState()
    public var live = LiveRefresh()
    // Issue 5: the API client's retries and bytes received (Reducer+Network).
    public var network = NetworkNotes()

    public init(width: Int, height: Int, sourceLabel: String) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.sourceLabel = sourceLabel
    }

    public var selectedVideo: CatalogueEntry? { videos[videoList.selected] }

    public var selectedFrame: VideoFrame? {
        guard framesVideoID == selectedVideo?.dataID, framesLoad.value != nil else { return nil }
        return frames[frameList.selected]
    }

    public var layout: Layout { Layout(width: width, height: height, focus: focus) }

    mutating func makeRequestID() -> RequestID {
        defer { nextRequest += 1 }
        return RequestID(nextRequest)
    }
}

/// The one-line editor in the status row: the instant `/` filter of a list, or the `s`
/// server-side search of the catalogue.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case filter(PanelID)
        case search
    }

    public var purpose: Purpose
    public var text: String
    /// The text before the prompt opened, restored by `Esc`.
    public var original: String
    /// Why the last Enter was refused (search syntax), shown beside the text.
    public var error: String?

    public init(purpose: Purpose, text: String, original: String) {
        self.purpose = purpose
        self.text = text
        self.original = original
    }

    /// The list a filter prompt narrows (videos for a search).
    public var panel: PanelID {
        if case .filter(let p) = purpose { return p }
        return .videos
    }
}

/// A tiny insertion-ordered cache for the reducer (a handful of entries, so a linear scan).
public struct RecentCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var keys: [Key] = []
    private var values: [Key: Value] = [:]
    public let capacity: Int

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public subscript(key: Key) -> Value? { values[key] }

    public mutating func insert(_ value: Value, for key: Key) {
        keys.removeAll { $0 == key }
        keys.append(key)
        values[key] = value
        while keys.count > capacity { values.removeValue(forKey: keys.removeFirst()) }
    }

    public mutating func remove(_ key: Key) {
        keys.removeAll { $0 == key }
        values.removeValue(forKey: key)
    }
}
