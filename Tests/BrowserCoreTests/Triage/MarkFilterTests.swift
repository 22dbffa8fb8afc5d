import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct MarkFilterTests {
    static let names = ["GaN a.mp4", "GaN b.mp4", "AlN c.mp4", "GaN d.mp4", "AlN e.mp4"]

    static func driver() -> Driver {
        let videos = names.enumerated().map {
            Fixtures.video($0.offset, name: $0.element, extra: ["sample_name": .string("s\($0.offset)")])
        }
        return Driver.triage(videos: videos, snapshot: TriageSnapshot(videos: [
            Fixtures.id(0): TriageEntry(mark: .good, note: nil),
            Fixtures.id(2): TriageEntry(mark: .bad, note: nil),
            Fixtures.id(3): TriageEntry(mark: nil, note: "only a note"),
            Fixtures.id(4): TriageEntry(mark: .review, note: nil),
        ]))
    }

    func shown(_ d: Driver) -> [String] { (0..<d.state.videos.count).compactMap { d.state.videos[$0]?.rawName } }

    @Test func fCyclesThroughEveryFilterAndBackToAll() {
        var d = Self.driver()
        var seen: [MarkFilter: [String]] = [:]
        for _ in 0..<6 {
            d.keys(.char("f"))
            seen[d.state.triage.videosFilter] = shown(d)
        }
        #expect(d.state.triage.videosFilter == .all)
        #expect(seen[.marked] == ["GaN a.mp4", "AlN c.mp4", "AlN e.mp4"])
        #expect(seen[.unmarked] == ["GaN b.mp4", "GaN d.mp4"])
        #expect(seen[.good] == ["GaN a.mp4"])
        #expect(seen[.bad] == ["AlN c.mp4"])
        #expect(seen[.review] == ["AlN e.mp4"])
        #expect(seen[.all]?.count == 5)
    }

    @Test func combinesWithTheTextFilterBothWays() {
        var d = Self.driver()
        d.keys(.char("/")); d.type("gan"); d.keys(.enter)
        d.keys(.char("f"))  // marked
        #expect(shown(d) == ["GaN a.mp4"])
        d.keys(.char("f"))  // unmarked
        #expect(shown(d) == ["GaN b.mp4", "GaN d.mp4"])
        // Changing the text keeps the marks filter.
        d.keys(.escape)
        #expect(shown(d) == ["GaN b.mp4", "GaN d.mp4"])
        let header = Screen.render(d.state).lines().first { $0.contains("Videos") } ?? ""
        #expect(header.contains("[unmarked]"), "\(header)")
    }

    @Test func markingInAnUnmarkedListWalksOnToTheNextOne() throws {
        var d = Self.driver()
        d.keys(.char("f"), .char("f"))  // unmarked: b, d
        #expect(d.state.selectedVideo?.rawName == "GaN b.mp4")
        d.store(d.keys(.char("o")))
        #expect(shown(d) == ["GaN d.mp4"])
        #expect(d.state.selectedVideo?.rawName == "GaN d.mp4")
        d.store(d.keys(.char("x")))
        #expect(d.state.videos.count == 0)
        let screen = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(screen.contains("no video is unmarked (f cycles the filter)"), "\(screen)")
    }

    @Test func theFramesListHasItsOwnFilter() throws {
        var d = Driver.triage(frames: 5)
        d.keys(.char("2"), .char("j"))
        d.store(d.keys(.char("x")))
        d.keys(.char("f"))
        #expect(d.state.triage.framesFilter == .marked)
        #expect(d.state.triage.videosFilter == .all)
        #expect(d.state.frames.count == 1)
        #expect(d.state.selectedFrame?.index == 1)
        let header = Screen.render(d.state).lines().first { $0.contains("Frames") } ?? ""
        #expect(header.contains("[marked]"), "\(header)")
        // The filter stays when another video's frames arrive.
        d.keys(.char("1"), .char("j"))
        #expect(d.state.triage.framesFilter == .marked)
    }
}
