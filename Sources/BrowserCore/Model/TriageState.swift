/// A verdict on a video or a frame. Mirrors TriageStore's `TriageMark` (same raw values) so
/// that the core stays free of SQLite; the app layer maps one to the other.
public enum Mark: String, CaseIterable, Hashable, Sendable {
    case good, bad, review

    /// The one-cell glyph of the marks column.
    public var glyph: String {
        switch self {
        case .good: return "✓"
        case .bad: return "✗"
        case .review: return "?"
        }
    }

    public var word: String { self == .review ? "needs review" : rawValue }
}

/// What a mark or note is about: a video (`itemID` = data_id) or a frame (`itemID` =
/// image_uuid, `videoID` its video's data_id).
public struct TriageItem: Hashable, Sendable {
    /// Nested so it never clashes with TriageStore's own `TriageKind` in the app layer.
    public enum Kind: String, Hashable, Sendable {
        case video, frame
    }

    public var kind: TriageItem.Kind
    public var itemID: String
    /// The video's own data_id for a video, the parent's for a frame.
    public var videoID: String
    /// A readable name stored with the mark so exports make sense without the API.
    public var label: String

    public init(kind: TriageItem.Kind, itemID: String, videoID: String, label: String) {
        self.kind = kind
        self.itemID = itemID
        self.videoID = videoID
        self.label = label
    }
}

/// A stored mark and/or note (never neither), with who changed it last and when.
public struct TriageEntry: Hashable, Sendable {
    public var mark: Mark?
    public var note: String?
    public var user: String
    /// ISO 8601 as stored; empty while a change is on its way to the database.
    public var updatedAt: String

    public init(mark: Mark?, note: String?, user: String = "", updatedAt: String = "") {
        self.mark = mark
        self.note = note
        self.user = user
        self.updatedAt = updatedAt
    }

    var isEmpty: Bool { mark == nil && (note ?? "").isEmpty }
}

/// One change the reducer asks the app layer to store (effect `.saveTriage`).
public struct TriageChange: Hashable, Sendable {
    public enum Edit: Hashable, Sendable {
        case setMark(Mark)
        case clearMark
        /// An empty (or all-blank) note deletes the note.
        case setNote(String)
    }

    public var item: TriageItem
    public var edit: Edit

    public init(item: TriageItem, edit: Edit) {
        self.item = item
        self.edit = edit
    }
}

/// Every mark and note of the current API origin, as read from the database.
public struct TriageSnapshot: Hashable, Sendable {
    public var videos: [String: TriageEntry]
    public var frames: [String: TriageEntry]
    /// Set when the database could only be opened read-only: why, for the status line.
    public var readOnlyReason: String?

    public init(videos: [String: TriageEntry] = [:], frames: [String: TriageEntry] = [:],
                readOnlyReason: String? = nil) {
        self.videos = videos
        self.frames = frames
        self.readOnlyReason = readOnlyReason
    }
}

/// A database failure, already phrased for the user (TriageStoreError.message).
public struct TriageFailure: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The `f` list filter, combined with the `/` text filter.
public enum MarkFilter: String, CaseIterable, Hashable, Sendable {
    case all, marked, unmarked, good, bad, review

    public var next: MarkFilter {
        let all = MarkFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    func matches(_ entry: TriageEntry?) -> Bool {
        switch self {
        case .all: return true
        case .marked: return entry?.mark != nil
        case .unmarked: return entry?.mark == nil
        case .good: return entry?.mark == .good
        case .bad: return entry?.mark == .bad
        case .review: return entry?.mark == .review
        }
    }
}

/// Marks and notes as the browser shows them, plus the `f` filters and the note editor.
public struct TriageState: Sendable {
    public enum Availability: Hashable, Sendable {
        /// Not read yet: mark keys wait for the database.
        case loading
        case writable
        /// Marks can be shown (or not even that) but not changed; the reason is shown.
        case readOnly(String)
    }

    public var videos: [String: TriageEntry] = [:]
    public var frames: [String: TriageEntry] = [:]
    public var availability: Availability = .loading
    public var videosFilter: MarkFilter = .all
    public var framesFilter: MarkFilter = .all
    /// The `n` editor while it is open.
    public var noteEditor: NoteEditor?
    /// The load the reducer waits for (start and `r`).
    public var loadRequest: RequestID?
    /// Saves sent but not answered, per item: an answer is only applied once the last one for
    /// its item is back, so quick x-then-o never flickers back to x.
    public var pending: [String: Int] = [:]

    public init() {}

    public var readOnlyReason: String? {
        if case .readOnly(let reason) = availability { return reason }
        return nil
    }

    public func entry(_ kind: TriageItem.Kind, _ id: String) -> TriageEntry? {
        kind == .video ? videos[id] : frames[id]
    }
}

extension AppState {
    /// The selected video's mark and note, for its metadata pane.
    public var selectedVideoTriage: TriageEntry? { selectedVideo.flatMap { triage.videos[$0.dataID] } }
    /// The selected frame's mark and note, for its metadata pane.
    public var selectedFrameTriage: TriageEntry? { selectedFrame.flatMap { triage.frames[$0.imageUUID] } }
}
