import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct NavigationTests {
    static func ready(videos: Int = 30, frames: Int = 50, width: Int = 160, height: Int = 45) throws -> Driver {
        var d = Driver(width: width, height: height)
        let first = d.loaded(Fixtures.videos(videos))
        let (r, id) = try #require(Driver.framesRequest(in: first))
        d.send(.framesLoaded(request: r, videoID: id, .success(Fixtures.frames(id, count: frames))))
        return d
    }

    @Test func jkAndArrowsMoveAndClampAtTheEnds() throws {
        var d = try Self.ready(videos: 3)
        d.keys(.char("k"))
        #expect(d.state.videoList.selected == 0)
        d.keys(.down, .char("j"), .char("j"), .char("j"))
        #expect(d.state.videoList.selected == 2)
        d.keys(.up)
        #expect(d.state.videoList.selected == 1)
    }

    @Test func pagesAndJumpsUseTheVisibleRows() throws {
        var d = try Self.ready(videos: 200, height: 30)
        let rows = d.state.layout.contentRows(.videos)
        d.keys(.pageDown)
        #expect(d.state.videoList.selected == rows)
        d.keys(.ctrl("d"))
        #expect(d.state.videoList.selected == rows + rows / 2)
        d.keys(.ctrl("u"), .pageUp)
        #expect(d.state.videoList.selected == 0)
        d.keys(.char("G"))
        #expect(d.state.videoList.selected == 199)
        // The selection is always on screen.
        #expect(d.state.videoList.offset <= 199 && 199 < d.state.videoList.offset + rows)
        d.keys(.home)
        #expect(d.state.videoList.selected == 0 && d.state.videoList.offset == 0)
        d.keys(.end, .char("g"))
        #expect(d.state.videoList.selected == 0)
    }

    @Test func focusMovesWithTabDigitsAndHL() throws {
        var d = try Self.ready()
        #expect(d.state.focus == .videos)
        d.keys(.tab); #expect(d.state.focus == .frames)
        d.keys(.tab, .tab, .tab, .tab, .tab); #expect(d.state.focus == .videos)
        d.keys(.backTab); #expect(d.state.focus == .metrics)
        d.keys(.char("3")); #expect(d.state.focus == .videoMetadata)
        d.keys(.char("h"), .char("h"), .char("h")); #expect(d.state.focus == .videos)
        d.keys(.char("l")); #expect(d.state.focus == .frames)
        d.keys(.right, .right, .right, .right, .right, .right); #expect(d.state.focus == .metrics)
        d.keys(.char("5")); #expect(d.state.focus == .preview)
    }

    @Test func enterOpensFramesAndEscBacksOut() throws {
        var d = try Self.ready()
        d.keys(.enter)
        #expect(d.state.focus == .frames)
        d.keys(.char("j"), .char("j"))
        #expect(d.state.selectedFrame?.index == 2)
        // Enter on a frame opens the player (it used to focus the frame's metadata: now `4`).
        d.keys(.enter)
        #expect(d.state.player != nil)
        d.keys(.escape)
        #expect(d.state.player == nil)
        #expect(d.state.focus == .frames)
        d.keys(.char("4"))
        #expect(d.state.focus == .frameMetadata)
        d.keys(.escape)
        #expect(d.state.focus == .frames)
        d.keys(.escape)
        #expect(d.state.focus == .videos)
        d.keys(.escape)
        #expect(d.state.focus == .videos)
        #expect(d.state.notice == "press q to quit")
    }

    @Test func enterOnAVideoLoadsItsFramesWithoutWaitingForTheDebounce() throws {
        var d = try Self.ready()
        d.keys(.char("j"))
        #expect(d.state.framesLoad.isLoading)
        let opened = d.keys(.enter)
        #expect(opened.contains(.cancelTimer(.framesDebounce)))
        #expect(Driver.framesRequest(in: opened)?.1 == Fixtures.id(1))
    }

    @Test func metadataPanesScrollWhenFocused() throws {
        var d = try Self.ready(width: 160, height: 14)
        d.keys(.char("3"))
        let before = d.state.videoMetadataScroll.offset
        d.keys(.char("j"), .char("j"))
        let lines = MetadataLines.video(d.state.selectedVideo, width: d.state.layout.rect(.videoMetadata).width).count
        let rows = d.state.layout.contentRows(.videoMetadata)
        #expect(lines > rows, "fixture too short to scroll")
        #expect(d.state.videoMetadataScroll.offset == before + 2)
        d.keys(.char("G"))
        #expect(d.state.videoMetadataScroll.offset == lines - rows)
    }

    @Test func selectingAnotherFrameResetsItsMetadataScroll() throws {
        var d = try Self.ready(height: 14)
        d.keys(.char("4"), .char("j"))
        d.keys(.char("2"), .char("j"))
        #expect(d.state.frameMetadataScroll.offset == 0)
    }

    @Test func helpToggleSwallowsKeysAndQuitEndsTheProgram() throws {
        var d = try Self.ready()
        d.keys(.char("?"))
        #expect(d.state.helpVisible)
        d.keys(.char("j"), .char("1"))
        #expect(d.state.videoList.selected == 0, "keys leaked through the help overlay")
        d.keys(.escape)
        #expect(!d.state.helpVisible)
        let quit = d.keys(.char("q"))
        #expect(quit == [.quit])
        #expect(d.state.wantsQuit)
    }

    @Test func resizeKeepsTheSelectionVisible() throws {
        var d = try Self.ready(videos: 100)
        d.keys(.char("G"))
        d.send(.resize(width: 40, height: 12))
        let rows = d.state.layout.contentRows(.videos)
        #expect(d.state.videoList.offset <= 99 && 99 < d.state.videoList.offset + rows)
        d.send(.resize(width: 200, height: 60))
        #expect(d.state.videoList.selected == 99)
    }

    @Test func everyKeyInTheTableIsHandledAndListedOnce() {
        var seen = Set<Key>()
        for b in Keymap.bindings {
            for k in b.keys {
                #expect(!seen.contains(k), "\(k) bound twice")
                seen.insert(k)
                #expect(Keymap.action(for: k) == b.action)
            }
        }
        let md = Keymap.helpMarkdown()
        for b in Keymap.bindings { #expect(md.contains(b.action.summary)) }
        #expect(md.contains("`Ctrl-d`"))
    }
}
