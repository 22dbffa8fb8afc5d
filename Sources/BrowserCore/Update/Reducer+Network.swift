import AtomscaleAPI

// Issue 5: large answers and a misbehaving network. The API client reports retries and the
// bytes of a body as they arrive; the app posts them as events and the status line shows
// them ("retrying (2/3) after HTTP 503…", "loading videos (12.3 of 43.5 MB)…") until the
// load they belong to answers.

/// The optical videos of a catalogue answer with their `/` search texts built. The app's
/// effect runner makes it in the load's own task, so the UI thread only takes a finished
/// list over: for 50,000 videos building it takes a few hundred milliseconds.
public struct PreparedVideos: Sendable {
    public let list: FilteredList<CatalogueEntry>

    public init(_ entries: [CatalogueEntry]) {
        list = FilteredList(entries.filter(\.isOptical), searchText: videoSearchText)
    }
}

/// What the API client last said about the loads still running.
public struct NetworkNotes: Sendable {
    /// Bytes of the catalogue answer so far.
    public var videos: TransferProgress?
    /// Bytes of the selected video's frame list so far.
    public var frames: TransferProgress?
    /// The last retry announced, until a later answer or the next bytes.
    public var retry: RetryNotice?

    public init() {}

    /// A load of this kind answered (or was dropped): its notes go.
    mutating func finished(_ resource: TransferProgress.Resource) {
        switch resource {
        case .catalogue: videos = nil
        case .frames: frames = nil
        default: break
        }
        retry = nil
    }
}

func retrying(_ state: inout AppState, _ notice: RetryNotice) -> [Effect] {
    state.network.retry = notice
    return []
}

/// Downloads and live refreshes fetch too, and their retries are announced the same way: an
/// answer of theirs ends the notice as well (videos and frames loads end it themselves).
func endRetryNotice(_ state: inout AppState, after event: AppEvent) {
    switch event {
    case .downloadProgress, .downloadFinished, .videoRefreshed: state.network.retry = nil
    default: break
    }
}

func transferProgress(_ state: inout AppState, _ progress: TransferProgress) -> [Effect] {
    // Only while a load of that kind is waited for (a late report of one just replaced may
    // show until the new one's first report).
    switch progress.resource {
    case .catalogue where state.videosRequest != nil: state.network.videos = progress
    case .frames where state.framesRequest != nil: state.network.frames = progress
    default: return []
    }
    state.network.retry = nil
    return []
}

extension TransferProgress {
    /// "12.3 of 43.5 MB", "43.5 MB, decoding", "820 kB".
    public var summary: String {
        let got = Self.size(received)
        if complete { return got + ", decoding" }
        guard let expected, expected >= received else { return got }
        return "\(Self.size(received, unitOf: expected)) of \(Self.size(expected))"
    }

    static func size(_ bytes: Int, unitOf reference: Int? = nil) -> String {
        let scale = reference ?? bytes
        if scale >= 1_000_000 { return String(format: "%.1f", Double(bytes) / 1e6) + (reference == nil ? " MB" : "") }
        if scale >= 1_000 { return "\((bytes + 500) / 1000)" + (reference == nil ? " kB" : "") }
        return "\(bytes)" + (reference == nil ? " B" : "")
    }
}
