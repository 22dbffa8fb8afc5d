/// A verdict on a video or a frame. Raw values are what the database and the exports hold.
public enum TriageMark: String, Sendable, CaseIterable, Codable {
    case good, bad, review
}

/// What a triage row is about. Raw values are stored in the `kind` column.
public enum TriageKind: String, Sendable, CaseIterable, Codable {
    case video, frame
}

/// Identifies one triaged item. `origin` is the API origin (e.g. `https://api.atomscale.ai`) so that
/// marks made against a demo server or a staging deployment never mix with production ones;
/// `itemID` is a video's `data_id` or a frame's `image_uuid`.
public struct TriageKey: Hashable, Sendable {
    public var origin: String
    public var kind: TriageKind
    public var itemID: String

    public init(origin: String, kind: TriageKind, itemID: String) {
        self.origin = origin
        self.kind = kind
        self.itemID = itemID
    }

    public static func video(origin: String, dataID: String) -> TriageKey {
        TriageKey(origin: origin, kind: .video, itemID: dataID)
    }

    public static func frame(origin: String, imageUUID: String) -> TriageKey {
        TriageKey(origin: origin, kind: .frame, itemID: imageUUID)
    }
}

/// One stored row. A record always has a mark, a note, or both: rows with neither are deleted.
public struct TriageRecord: Hashable, Sendable {
    public var key: TriageKey
    /// The video's own `data_id` for a video; the parent video's `data_id` for a frame.
    public var videoID: String
    /// A display name captured when the mark was made (raw_name, "frame 12"), so exports
    /// stay readable without asking the API again.
    public var label: String
    public var mark: TriageMark?
    public var note: String?
    public var user: String
    /// ISO 8601 UTC with milliseconds, exactly as stored (e.g. `2025-03-01T12:00:00.000Z`).
    public var updatedAt: String

    public init(key: TriageKey, videoID: String, label: String, mark: TriageMark?, note: String?,
                user: String, updatedAt: String) {
        self.key = key
        self.videoID = videoID
        self.label = label
        self.mark = mark
        self.note = note
        self.user = user
        self.updatedAt = updatedAt
    }
}
