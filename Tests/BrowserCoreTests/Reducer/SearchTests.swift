import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct SearchTests {
    @Test func syntaxParsesKeywordsPhrasesStatusAndDates() throws {
        let q = try SearchSyntax.parse("GaN \"on sapphire\" status:running from:2026-01-01 to:2026-03-31 project:p1").get()
        #expect(q.keywords == ["GaN", "on sapphire"])
        #expect(q.status == "running")
        #expect(q.uploadDatetimeMin == "2026-01-01")
        #expect(q.uploadDatetimeMax == "2026-03-31T23:59:59.999Z")
        #expect(q.projectIDs == ["p1"])
        #expect(q.dataType == "optical")
        // What the prompt opens with parses back to the same query.
        #expect(try SearchSyntax.parse(SearchSyntax.format(q)).get() == q)
    }

    @Test func syntaxRejectsBadValuesWithAReason() {
        #expect(throws: SearchSyntax.Problem.self) { try SearchSyntax.parse("status:bogus").get() }
        #expect(throws: SearchSyntax.Problem.self) { try SearchSyntax.parse("from:2026-13-01").get() }
        #expect(throws: SearchSyntax.Problem.self) { try SearchSyntax.parse("\"unclosed").get() }
        #expect((try? SearchSyntax.parse("").get()) == SearchQuery.opticalVideos)
        #expect((try? SearchSyntax.parse("10:30").get())?.keywords == ["10:30"])
    }

    @Test func enterRunsTheSearchOnTheServerAndTheTitleShowsIt() throws {
        var d = Driver(width: 140, height: 30)
        _ = d.loaded(Fixtures.videos(4))
        d.keys(.char("s"))
        #expect(d.state.prompt?.purpose == .search)
        d.type("GaN status:running")
        #expect(d.effects.filter { if case .loadVideos = $0 { return true }; return false }.count == 1,
                "typing must not query the server")
        let run = d.keys(.enter)
        let load = try #require(run.compactMap { e -> SearchQuery? in if case .loadVideos(_, let q, _) = e { return q }; return nil }.first)
        #expect(load.keywords == ["GaN"] && load.status == "running")
        #expect(d.state.prompt == nil)
        #expect(d.state.videosLoad.isLoading)
        let screen = Screen.render(d.state).lines()
        #expect(screen[1].contains("search: keywords=GaN status=running"))
    }

    @Test func badSearchKeepsThePromptOpenWithTheReason() {
        var d = Driver(width: 140, height: 30)
        _ = d.loaded(Fixtures.videos(4))
        d.keys(.char("s"))
        d.type("status:nope")
        let effects = d.keys(.enter)
        #expect(effects.isEmpty)
        #expect(d.state.prompt?.error?.contains("status must be one of") == true)
        #expect(Screen.render(d.state).lines()[29].contains("status must be one of"))
        d.keys(.escape)
        #expect(d.state.prompt == nil && d.state.query == .opticalVideos)
    }

    @Test func aSlowOldSearchAnswerIsIgnoredOnceANewOneIsAsked() throws {
        var d = Driver()
        let start = d.send(.start)
        guard case .loadVideos(let first, _, _) = start[0] else { Issue.record("no load"); return }
        d.keys(.char("s")); d.type("AlN")
        let run = d.keys(.enter)
        #expect(run.contains(.cancel(request: first)))
        d.send(.videosLoaded(request: first, .success(Fixtures.videos(9))))
        #expect(d.state.videos.count == 0 && d.state.videosLoad.isLoading)
    }
}
