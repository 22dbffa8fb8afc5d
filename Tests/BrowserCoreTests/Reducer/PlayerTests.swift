import AtomscaleAPI
@testable import BrowserCore
import ImageKit
import ScreenKit
import Testing

@Suite struct PlayerTests {
    static func playing(frames: Int) throws -> Driver {
        var d = try PreviewFixtures.ready(frames: frames)
        d.keys(.enter)
        return d
    }

    @Test func enterOrVOnAFrameOpensThePlayerInTheWholeWindow() throws {
        var d = try PreviewFixtures.ready(frames: 5)
        d.keys(.char("j"), .enter)
        #expect(d.state.player != nil)
        #expect(d.state.frameList.selected == 1)
        // The picture is loaded again in the player's larger box.
        let load = try #require(d.openPreviewLoads.last)
        #expect(load.key.columns == 160 && load.key.rows == 45 - 3)
        #expect(load.key.imageUUID == d.state.frames[1]!.imageUUID)
        d.keys(.escape)
        #expect(d.state.player == nil)
        d.keys(.char("v"))
        #expect(d.state.player != nil)
    }

    @Test func qAndEscCloseThePlayerWithoutQuitting() throws {
        var d = try Self.playing(frames: 5)
        let closed = d.keys(.char("q"))
        #expect(d.state.player == nil)
        #expect(!d.state.wantsQuit)
        #expect(!closed.contains(.quit))
        #expect(closed.contains(.cancelTimer(.playerTick)))
        d.keys(.char("q"))
        #expect(d.state.wantsQuit, "q outside the player still quits")
    }

    @Test func stepsFirstLastAndRate() throws {
        var d = try Self.playing(frames: 10)
        d.keys(.right, .char("l"), .down)
        #expect(d.state.frameList.selected == 3)
        d.keys(.left, .char("h"))
        #expect(d.state.frameList.selected == 1)
        d.keys(.end)
        #expect(d.state.frameList.selected == 9)
        d.keys(.right)
        #expect(d.state.frameList.selected == 9, "stays on the last frame")
        d.keys(.home)
        #expect(d.state.frameList.selected == 0)
        #expect(d.state.player?.fps == 10)
        d.keys(.char("+"), .char("+"), .char("+"))
        #expect(d.state.player?.fps == 24)
        for _ in 0..<8 { d.keys(.char("-")) }
        #expect(d.state.player?.fps == 1)
        // Keys meant for the panels do nothing here (Tab would change focus unseen).
        d.keys(.tab, .char("/"))
        #expect(d.state.focus == .frames && d.state.prompt == nil)
    }

    @Test func spacePlaysWithTheTimerAndPauses() throws {
        var d = try Self.playing(frames: 10)
        let played = d.keys(.char(" "))
        #expect(d.state.player?.playing == true)
        #expect(played.contains(.schedule(.playerTick, after: 0.1)))
        let paused = d.keys(.char(" "))
        #expect(d.state.player?.playing == false)
        #expect(paused.contains(.cancelTimer(.playerTick)))
        // A tick after pausing does nothing.
        let before = d.state.frameList.selected
        #expect(d.send(.timerFired(.playerTick)).isEmpty)
        #expect(d.state.frameList.selected == before)
    }

    @Test func ticksAdvanceOnlyWhenTheNextFrameIsReady() throws {
        var d = try Self.playing(frames: 10)
        d.answerAll(rounds: 1)          // the current frame only; its neighbours are now asked for
        d.keys(.char(" "))
        let next = try #require(d.openPreviewLoads.first { $0.key == d.key(forRow: 1) })
        #expect(next.prefetch)
        // The tick comes before frame 2 is decoded: wait, do not skip into a blank frame.
        let waited = d.send(.timerFired(.playerTick))
        #expect(d.state.frameList.selected == 0)
        #expect(d.state.player?.waiting == true)
        #expect(!waited.contains { if case .schedule(.playerTick, _) = $0 { return true }; return false },
                "no tick while waiting: the frame's arrival resumes playback")
        #expect(Screen.render(d.state).lines().joined().contains("waiting"))
        // It arrives: playback moves on at once and schedules the next tick.
        let resumed = d.answer(next)
        #expect(d.state.frameList.selected == 1)
        #expect(d.state.player?.waiting == false)
        #expect(resumed.contains(.schedule(.playerTick, after: 0.1)))
        // Ready frames advance on each tick, and playback keeps prefetching ahead.
        d.answerAll()
        d.send(.timerFired(.playerTick))
        #expect(d.state.frameList.selected == 2)
    }

    @Test func playbackStopsAtTheEndAndSpaceStartsOver() throws {
        var d = try Self.playing(frames: 3)
        d.answerAll()
        d.keys(.char(" "))
        for _ in 0..<5 {
            d.answerAll()
            d.send(.timerFired(.playerTick))
        }
        #expect(d.state.frameList.selected == 2)
        #expect(d.state.player?.playing == false)
        d.keys(.char(" "))
        #expect(d.state.frameList.selected == 0)
        #expect(d.state.player?.playing == true)
    }

    @Test func aBrokenFrameDoesNotStallPlayback() throws {
        var d = try Self.playing(frames: 4)
        d.answerAll(rounds: 1)
        d.keys(.char(" "))
        let next = try #require(d.openPreviewLoads.first { $0.key == d.key(forRow: 1) })
        d.send(.previewLoaded(request: next.request, imageUUID: next.key.imageUUID, .failure(.image(.notPNG))))
        d.send(.timerFired(.playerTick))
        #expect(d.state.frameList.selected == 1)
        #expect(Screen.render(d.state).lines().joined().contains("not a PNG"))
    }

    @Test func helpInThePlayerListsItsKeysAndQClosesOnlyTheHelp() throws {
        var d = try Self.playing(frames: 3)
        d.keys(.char("?"))
        #expect(d.state.helpVisible)
        let text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("In the frame player"), "\(text)")
        d.keys(.char("q"))
        #expect(!d.state.helpVisible && d.state.player != nil && !d.state.wantsQuit)
    }

    @Test func statusRowsShowPositionTimeSizeRateStateAndTheFullId() throws {
        var d = try Self.playing(frames: 12)
        d.answerAll()
        d.keys(.right, .right, .char("+"))
        let lines = Screen.render(d.state).lines()
        let frame = try #require(d.state.selectedFrame)
        let status = lines[lines.count - 2]
        #expect(status.contains("frame 3/12"), "\(status)")
        #expect(status.contains("1.00 s"))
        #expect(status.contains("640x480 px"))
        #expect(status.contains("15 fps"))
        #expect(status.contains("paused"))
        #expect(lines[lines.count - 1].contains(frame.imageUUID))
        #expect(lines[0].contains("Frame player"))
    }

    @Test func playerInTinyWindowsNeverCrashes() throws {
        var d = try Self.playing(frames: 3)
        for (w, h) in [(20, 5), (20, 4), (1, 1), (0, 0), (30, 6)] {
            d.send(.resize(width: w, height: h))
            let buffer = Screen.render(d.state)
            #expect(buffer.width == w && buffer.height == h)
            d.keys(.char(" "), .right)
            d.send(.timerFired(.playerTick))
        }
    }
}
