import Foundation

/// One saved frame of an optical video, from `optical/frame/video_single_frames/{id}`.
public struct VideoFrame: Hashable, Sendable, Identifiable {
    public var id: String { imageUUID }
    /// Position in recording order (0-based), as the server listed it.
    public let index: Int
    public let imageUUID: String
    public let fileType: String?
    public let width: Int?
    public let height: Int?
    /// `time_seconds` or `timestamp_seconds` when the server sends one.
    public let timeSeconds: Double?
    /// `frame_number` when the server sends one.
    public let frameNumber: Int?
    /// Every key of the frame object as received, unknown ones included.
    public let fields: [String: JSONValue]

    public init?(index: Int, json: [String: JSONValue]) {
        guard let uuid = json["image_uuid"]?.stringValue, !uuid.isEmpty else { return nil }
        self.index = index
        imageUUID = uuid
        let meta = json["processed_file_metadata"]?.objectValue
        fileType = meta?["file_type"]?.stringValue
        width = meta?["width"]?.intValue
        height = meta?["height"]?.intValue
        timeSeconds = (json["time_seconds"] ?? json["timestamp_seconds"])?.doubleValue
        frameNumber = json["frame_number"]?.intValue
        fields = json
    }
}

/// The frames of one video, in recording order.
public struct FrameList: Hashable, Sendable {
    public let videoUUID: String?
    public let frames: [VideoFrame]
    /// Frame objects that were dropped because they had no `image_uuid`.
    public let skipped: Int

    public init(videoUUID: String?, frames: [VideoFrame], skipped: Int = 0) {
        self.videoUUID = videoUUID
        self.frames = frames
        self.skipped = skipped
    }
}

/// Step one of fetching an image: where to download it from.
public struct ImageLink: Hashable, Sendable {
    public let url: URL
    public let fileName: String?
    public let fileFormat: String?
    public init(url: URL, fileName: String?, fileFormat: String?) {
        self.url = url; self.fileName = fileName; self.fileFormat = fileFormat
    }
}
