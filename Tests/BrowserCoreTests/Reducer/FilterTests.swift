import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct FilterTests {
    static func catalogue() -> [CatalogueEntry] {
        let names = ["GaN on sapphire.mp4", "AlN buffer.mp4", "gan-template-2.mp4", "窒化ガリウム.mp4", "InGaN well.mp4"]
        return names.enumerated().map { i, name in
            Fixtures.video(i, name: name, extra: ["sample_name": .string("sample \(i)")])
        }
    }

    @Test func typingFiltersLiveCaseInsensitively() {
        var d = Driver()
        _ = d.loaded(Self.catalogue())
        d.keys(.char("/"))
        #expect(d.state.prompt != nil)
        d.type("gan")
        #expect(d.state.videos.count == 3)
        #expect(d.state.videos.filter == "gan")
        d.type("-")
        #expect(d.state.videos.count == 1)
        #expect(d.state.selectedVideo?.rawName == "gan-template-2.mp4")
        d.keys(.backspace)
        #expect(d.state.videos.count == 3)
        d.keys(.enter)
        #expect(d.state.prompt == nil)
        #expect(d.state.videos.count == 3)
        // Keys act normally again once the prompt is closed.
        // The selection stayed on the video picked while narrowing; j moves on from it.
        #expect(d.state.selectedVideo?.rawName == "gan-template-2.mp4")
        d.keys(.char("j"))
        #expect(d.state.selectedVideo?.rawName == "InGaN well.mp4")
    }

    @Test func filterMatchesWideCharactersAndIds() {
        var d = Driver()
        _ = d.loaded(Self.catalogue())
        d.keys(.char("/"))
        d.type("ガリウム")
        #expect(d.state.videos.count == 1)
        d.keys(.ctrl("u"))
        d.type(String(Fixtures.id(4).prefix(8)))
        #expect(d.state.selectedVideo?.dataID == Fixtures.id(4))
    }

    @Test func escapeRestoresThePreviousFilterAndEscClearsAnActiveOne() {
        var d = Driver()
        _ = d.loaded(Self.catalogue())
        d.keys(.char("/")); d.type("aln"); d.keys(.enter)
        #expect(d.state.videos.count == 1)
        d.keys(.char("/")); d.type("xyz")
        #expect(d.state.videos.count == 0)
        d.keys(.escape)
        #expect(d.state.videos.filter == "aln")
        #expect(d.state.videos.count == 1)
        d.keys(.escape)
        #expect(d.state.videos.filter == "")
        #expect(d.state.videos.count == 5)
        // The video selected through the filter stays selected when it is cleared.
        #expect(d.state.selectedVideo?.rawName == "AlN buffer.mp4")
    }

    @Test func emptyResultSaysSoAndClearsTheFrames() {
        var d = Driver()
        _ = d.loaded(Self.catalogue())
        d.keys(.char("/")); d.type("nothing-like-this")
        #expect(d.state.selectedVideo == nil)
        #expect(d.state.framesLoad.value == nil)
        let screen = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(screen.contains("no video matches /nothing-like-this"))
    }

    @Test func framesListFiltersByNumberOrId() throws {
        var d = try NavigationTests.ready(frames: 120)
        d.keys(.char("2"), .char("/"))
        d.type("f11")
        #expect(d.state.frames.count == 10)
        #expect(d.state.selectedFrame?.index == 110)
        d.keys(.down)
        #expect(d.state.selectedFrame?.index == 111)
    }

    @Test func slashOnAMetadataPaneExplainsItself() throws {
        var d = try NavigationTests.ready()
        d.keys(.char("3"), .char("/"))
        #expect(d.state.prompt == nil)
        #expect(d.state.notice?.contains("filters a list") == true)
    }

    @Test func filterOverAHundredThousandNamesNarrowsIncrementally() {
        let names = (0..<100_000).map { "run-\($0)-\($0 % 7 == 0 ? "GaN" : "AlN")" }
        var list = FilteredList(names) { $0 }
        list.setFilter("gan")
        #expect(list.count == (0..<100_000).filter { $0 % 7 == 0 }.count)
        list.setFilter("gan")
        list.setFilter("ganz")
        #expect(list.count == 0)
        list.setFilter("run-99999")
        #expect(list.count == 1 && list[0] == "run-99999-AlN")
    }
}
