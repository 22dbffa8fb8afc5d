/// One saved frame of a demo video, as the frames route lists it.
public struct DemoFrame: Sendable, Hashable {
    public enum Damage: Sendable, Hashable { case none, truncated, hugeHeader }
    public let index: Int
    public let imageUUID: String
    /// Seconds since the first frame (what `time_seconds` / `timestamp_seconds` carry).
    public let timeSeconds: Double
    public let width: Int
    public let height: Int
    /// False for frames listed without `processed_file_metadata`.
    public let hasMetadata: Bool
    public let damage: Damage
}

/// The demo's catalogue, queryable so tests elsewhere can ask for "the video with 600
/// frames" instead of hard-coding ids. Entries are computed from their index, so the large
/// catalogue costs nothing until something is asked of it.
public final class DemoCatalogue: Sendable {
    public let scale: DemoScale
    public let facts: Facts

    public static let standard = DemoCatalogue(scale: .standard)
    public static let large = DemoCatalogue(scale: .large)

    public static func of(_ scale: DemoScale) -> DemoCatalogue {
        switch scale {
        case .standard: return standard
        case .large: return large
        }
    }

    private init(scale: DemoScale) {
        self.scale = scale
        facts = Facts(scale: scale)
    }

    /// Number of entries `data_entries/` lists without filters.
    public var count: Int { scale == .standard ? StandardCatalogue.entries.count : LargeCatalogue.count }

    public var opticalCount: Int {
        scale == .standard ? StandardCatalogue.entries.filter(\.isOptical).count : LargeCatalogue.opticalCount
    }

    public func entry(at index: Int) -> DemoEntry {
        scale == .standard ? StandardCatalogue.entries[index] : LargeCatalogue.entry(at: index)
    }

    /// The entry with this `data_id`, found by decoding the id (no index needed).
    public func entry(id: String) -> DemoEntry? {
        guard let d = DemoID.decode(id), d.kind == .entry, d.b == 0, d.a < count else { return nil }
        return entry(at: d.a)
    }

    /// Every entry in listing order (100,000 of them at large scale: computed on each call).
    public var entries: [DemoEntry] { (0..<count).map(entry(at:)) }

    /// The optical videos' ids in listing order.
    public var opticalVideoIDs: [String] { entries.filter(\.isOptical).map(\.dataID) }

    /// A video's frames in recording order; nil for unknown or non-optical ids.
    public func frames(videoID: String) -> [DemoFrame]? {
        guard let e = entry(id: videoID), let v = e.video else { return nil }
        return (0..<v.frameCount).map { frame(of: e, v, $0) }
    }

    /// The video and frame an image id belongs to.
    public func frame(imageUUID: String) -> (video: DemoEntry, frame: DemoFrame)? {
        guard let d = DemoID.decode(imageUUID), d.kind == .image, d.a < count else { return nil }
        let e = entry(at: d.a)
        guard let v = e.video, d.b < v.frameCount else { return nil }
        return (e, frame(of: e, v, d.b))
    }

    /// Frames whose metrics are anomalous (anomaly probability >= 0.5, value visibly off).
    public func anomalyFrames(videoID: String) -> [Int] {
        entry(id: videoID)?.video.map(DemoMetrics.anomalyFrames) ?? []
    }

    private func frame(of e: DemoEntry, _ v: DemoVideoSpec, _ i: Int) -> DemoFrame {
        let gap = v.metadataGapEvery.map { i % $0 == $0 - 1 } ?? false
        let damage: DemoFrame.Damage = i == v.truncatedFrame ? .truncated : (i == v.hugeHeaderFrame ? .hugeHeader : .none)
        return DemoFrame(index: i, imageUUID: DemoID.make(.image, e.index, i), timeSeconds: Double(i) * v.interval,
                         width: v.width, height: v.height, hasMetadata: !gap, damage: damage)
    }
}

extension DemoCatalogue {
    /// Named entries other tests can rely on. The standard catalogue's special entries are
    /// also in the large catalogue, under the same ids.
    public struct Facts: Sendable {
        public let totalCount: Int
        public let opticalCount: Int
        /// The six non-optical entries of the standard catalogue.
        public let standardNonOpticalIDs: [String]
        /// The optical video with no frames (status `pending`, timeseries `{}`).
        public let zeroFrameVideoID: String
        public let video300FramesID: String
        public let video600FramesID: String
        /// The video with the most frames: 600 at standard scale, 20,000 at large scale.
        public let largestVideoID: String
        public let largestFrameCount: Int
        /// Videos whose timeseries uses the older row shape (`{"series": [...]}` or a bare array).
        public let rowTimeseriesVideoIDs: [String]
        public let bareRowTimeseriesVideoID: String
        /// Videos answering `{}`: the zero-frame one and one with frames but no metrics yet.
        public let emptyTimeseriesVideoIDs: [String]
        public let emptyTimeseriesWithFramesVideoID: String
        /// Property-shape videos sending `unix_timestamp_ms` as numeric strings.
        public let stringTimestampVideoID: String
        /// A property-shape video whose `circularity` has one null timestamp (sample 7).
        public let nullTimestampVideoID: String
        public let timestampSecondsVideoIDs: [String]
        /// Frames with neither a time key nor `frame_number`: align by order.
        public let noTimeKeyVideoID: String
        /// Frames carrying an unknown key, `exposure_ms`.
        public let extraFrameKeyVideoID: String
        /// Every third frame lacks `processed_file_metadata`.
        public let missingMetadataVideoID: String
        /// A 1280x720 video (the others are 640x480 or 320x240).
        public let hdVideoID: String
        public let corruptVideoID: String
        public let truncatedFrameImageUUID: String
        public let hugeHeaderFrameImageUUID: String
        /// Videos whose names or fields carry escapes, bidi overrides, wide text and so on.
        public let hostileVideoIDs: [String]

        init(scale: DemoScale) {
            let std = StandardCatalogue.entries
            let videos = std.filter(\.isOptical)
            func first(_ p: (DemoVideoSpec) -> Bool) -> DemoEntry { videos.first { p($0.video!) }! }
            func all(_ p: (DemoVideoSpec) -> Bool) -> [String] { videos.filter { p($0.video!) }.map(\.dataID) }
            let corrupt = first { $0.truncatedFrame != nil }
            totalCount = scale == .standard ? std.count : LargeCatalogue.count
            opticalCount = scale == .standard ? videos.count : LargeCatalogue.opticalCount
            standardNonOpticalIDs = std.filter { !$0.isOptical }.map(\.dataID)
            zeroFrameVideoID = first { $0.frameCount == 0 }.dataID
            video300FramesID = first { $0.frameCount == 300 }.dataID
            video600FramesID = first { $0.frameCount == 600 }.dataID
            if scale == .large {
                largestVideoID = DemoID.make(.entry, LargeCatalogue.hugeVideoIndex)
                largestFrameCount = LargeCatalogue.hugeFrameCount
            } else {
                largestVideoID = video600FramesID
                largestFrameCount = 600
            }
            rowTimeseriesVideoIDs = all { $0.timeseries == .rows || $0.timeseries == .bareRows }
            bareRowTimeseriesVideoID = first { $0.timeseries == .bareRows }.dataID
            emptyTimeseriesVideoIDs = all { $0.timeseries == .empty }
            emptyTimeseriesWithFramesVideoID = first { $0.timeseries == .empty && $0.frameCount > 0 }.dataID
            stringTimestampVideoID = first { $0.stringTimestamps }.dataID
            nullTimestampVideoID = first { $0.nullTimestampAt != nil }.dataID
            timestampSecondsVideoIDs = all { $0.timeKey == .timestampSeconds }
            noTimeKeyVideoID = first { $0.timeKey == .none }.dataID
            extraFrameKeyVideoID = first { $0.extraFrameKey }.dataID
            missingMetadataVideoID = first { $0.metadataGapEvery != nil }.dataID
            hdVideoID = first { $0.width == 1280 }.dataID
            corruptVideoID = corrupt.dataID
            truncatedFrameImageUUID = DemoID.make(.image, corrupt.index, corrupt.video!.truncatedFrame!)
            hugeHeaderFrameImageUUID = DemoID.make(.image, corrupt.index, corrupt.video!.hugeHeaderFrame!)
            hostileVideoIDs = videos.filter(\.isHostile).map(\.dataID)
        }
    }
}
