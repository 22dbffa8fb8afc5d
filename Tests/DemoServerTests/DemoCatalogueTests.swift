import DemoServer
import Foundation
import Testing

/// The catalogue as data, without HTTP: what other tests may rely on (see `Facts`).
struct DemoCatalogueTests {
    let std = DemoCatalogue.standard
    static let uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"

    @Test func standardCountsAndKinds() {
        let entries = std.entries
        let optical = entries.filter(\.isOptical)
        #expect(optical.count >= 16)
        #expect(std.opticalCount == optical.count)
        #expect(std.facts.opticalCount == optical.count)
        let others = entries.filter { !$0.isOptical }
        #expect(others.count == 6)
        #expect(Set(others.map(\.charSourceType)).isSuperset(of: ["rheed_stationary", "xps", "raman", "recipe"]))
        #expect(others.allSatisfy { $0.video == nil })
        #expect(optical.allSatisfy { $0.rawFileType == "mp4" && $0.video != nil })
        let statuses = Set(optical.compactMap(\.pipelineStatus))
        #expect(statuses.isSuperset(of: ["success", "running", "stream_active", "error", "pending", "stream_interrupted"]))
        #expect(optical.contains { $0.pipelineStatus == nil })
        #expect(std.facts.standardNonOpticalIDs == others.map(\.dataID))
    }

    @Test func idsAreUniqueLowerCaseUUIDsThatResolve() throws {
        var seen = Set<String>()
        for e in std.entries {
            #expect(e.dataID.range(of: Self.uuidPattern, options: .regularExpression) != nil, "\(e.dataID)")
            #expect(seen.insert(e.dataID).inserted)
            #expect(std.entry(id: e.dataID)?.index == e.index)
            for f in std.frames(videoID: e.dataID) ?? [] {
                #expect(seen.insert(f.imageUUID).inserted)
                let found = try #require(std.frame(imageUUID: f.imageUUID))
                #expect(found.video.dataID == e.dataID && found.frame.index == f.index)
            }
        }
        #expect(std.entry(id: "d290f1ee-6c54-4b01-90e6-d701748f0851") == nil)
        #expect(std.entry(id: "no-such-video") == nil)
        // An image id is not a video id, and a video id is not an image id.
        let frame = try #require(std.frames(videoID: std.facts.video300FramesID)?.first)
        #expect(std.entry(id: frame.imageUUID) == nil)
        #expect(std.frame(imageUUID: std.facts.video300FramesID) == nil)
    }

    @Test func frameCountsSpanZeroToSixHundred() {
        let f = std.facts
        #expect(std.frames(videoID: f.zeroFrameVideoID)?.count == 0)
        #expect(std.frames(videoID: f.video300FramesID)?.count == 300)
        #expect(std.frames(videoID: f.video600FramesID)?.count == 600)
        let counts = std.entries.filter(\.isOptical).map(\.frameCount)
        #expect(counts.contains { (1...5).contains($0) })
        #expect(Set(counts.filter { (1...5).contains($0) }).count >= 3)
        #expect(f.largestFrameCount == 600 && f.largestVideoID == f.video600FramesID)
        #expect(std.frames(videoID: f.standardNonOpticalIDs[0]) == nil)
    }

    @Test func hostileEntriesCarryEveryKindOfTrouble() throws {
        let hostile = std.facts.hostileVideoIDs.compactMap { std.entry(id: $0) }
        #expect(hostile.count == std.facts.hostileVideoIDs.count && hostile.allSatisfy(\.isOptical))
        let names = hostile.compactMap(\.rawName)
        func any(_ p: (Unicode.Scalar) -> Bool) -> Bool { names.contains { $0.unicodeScalars.contains(where: p) } }
        #expect(names.contains { $0.contains("\u{1B}[31mred\u{1B}[0m") })
        #expect(any { $0.value == 0x9B })
        #expect(any { $0.value == 0x202E })
        #expect(names.contains { $0.contains("窒化ガリウム成長") })
        #expect(names.contains { $0.contains("Ga\u{0301}N") })
        #expect(any { $0.properties.isEmoji && $0.value > 0x2000 })
        #expect(names.contains { $0.count == 300 })
        let notes = hostile.compactMap(\.note)
        #expect(notes.contains { $0.contains("\n") && $0.contains("\t") })
    }

    @Test func timeseriesShapesAndFrameVariantsAreNamed() throws {
        let f = std.facts
        func spec(_ id: String) throws -> DemoVideoSpec { try #require(std.entry(id: id)?.video) }
        #expect(f.rowTimeseriesVideoIDs.count >= 2)
        for id in f.rowTimeseriesVideoIDs { #expect([.rows, .bareRows].contains(try spec(id).timeseries)) }
        #expect(try spec(f.bareRowTimeseriesVideoID).timeseries == .bareRows)
        #expect(f.emptyTimeseriesVideoIDs.contains(f.zeroFrameVideoID))
        #expect(f.emptyTimeseriesVideoIDs.contains(f.emptyTimeseriesWithFramesVideoID))
        #expect(try spec(f.emptyTimeseriesWithFramesVideoID).frameCount > 0)
        #expect(try spec(f.stringTimestampVideoID).stringTimestamps)
        #expect(try spec(f.nullTimestampVideoID).nullTimestampAt != nil)
        #expect(try spec(f.extraFrameKeyVideoID).extraFrameKey)
        #expect(try spec(f.noTimeKeyVideoID).timeKey == .none)
        #expect(!f.timestampSecondsVideoIDs.isEmpty)
        #expect(try spec(f.hdVideoID).width == 1280)
        let frames = try #require(std.frames(videoID: f.missingMetadataVideoID))
        #expect(frames.contains { !$0.hasMetadata } && frames.contains(where: \.hasMetadata))
        let corrupt = try #require(std.frames(videoID: f.corruptVideoID))
        #expect(corrupt.first { $0.damage == .truncated }?.imageUUID == f.truncatedFrameImageUUID)
        #expect(corrupt.first { $0.damage == .hugeHeader }?.imageUUID == f.hugeHeaderFrameImageUUID)
    }

    @Test func everyVideoWithEnoughFramesHasAHandfulOfAnomalies() {
        for e in std.entries where e.frameCount >= 10 {
            let a = std.anomalyFrames(videoID: e.dataID)
            #expect((2...15).contains(a.count), "\(e.rawName ?? e.dataID): \(a)")
            #expect(a.allSatisfy { $0 > 0 && $0 < e.frameCount })
        }
        #expect(std.anomalyFrames(videoID: std.facts.zeroFrameVideoID).isEmpty)
    }

    @Test func largeCatalogueIsLazyDeterministicAndStartsWithTheStandardOne() throws {
        let large = DemoCatalogue.large
        #expect(large.count == 100_000 && large.opticalCount == 50_000)
        for i in [0, 5, 27] { #expect(large.entry(at: i) == std.entry(at: i)) }
        let huge = try #require(large.entry(id: large.facts.largestVideoID))
        #expect(huge.frameCount == 20_000 && large.facts.largestFrameCount == 20_000)
        for i in [29, 30, 31, 50_000, 99_999] {
            let e = large.entry(at: i)
            #expect(e == large.entry(at: i))
            #expect(large.entry(id: e.dataID)?.index == i)
        }
        let last = try #require(large.frames(videoID: huge.dataID)?.last)
        #expect(large.frame(imageUUID: last.imageUUID)?.frame.index == 19_999)
        #expect(std.entry(id: huge.dataID) == nil, "the large-only video must not resolve in the standard catalogue")
    }
}
