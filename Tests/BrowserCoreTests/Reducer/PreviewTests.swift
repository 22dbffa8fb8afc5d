import AtomscaleAPI
@testable import BrowserCore
import ImageKit
import ScreenKit
import Testing

@Suite struct PreviewTests {
    @Test func framesArrivingLoadTheFirstFrameInThePanesSize() throws {
        let d = try PreviewFixtures.ready(frames: 10)
        let loads = Driver.previewLoads(in: d.effects)
        let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
        #expect(pane.width > 10 && pane.height > 5)
        #expect(loads == [PreviewLoad(request: loads[0].request,
                                      key: PreviewKey(imageUUID: d.state.frames[0]!.imageUUID,
                                                      columns: pane.width, rows: pane.height),
                                      prefetch: false)])
        #expect(d.state.preview.mainRequest == loads[0].request)
        #expect(Screen.render(d.state).lines().joined().contains("loading…"))
    }

    @Test func anAnsweredFrameIsShownAndItsNeighboursArePrefetched() throws {
        var d = try PreviewFixtures.ready(frames: 10)
        let first = try #require(d.openPreviewLoads.first)
        let after = d.answer(first)
        #expect(d.state.preview.image(first.key) != nil)
        #expect(d.state.preview.mainRequest == nil)
        // The next three, nearest first, in the same box, without a loading state.
        let prefetches = Driver.previewLoads(in: after)
        #expect(prefetches.map(\.key) == [d.key(forRow: 1), d.key(forRow: 2), d.key(forRow: 3)])
        #expect(prefetches.allSatisfy { $0.prefetch })
        #expect(!Screen.render(d.state).lines()[1].contains("loading"))
    }

    @Test func steppingOntoAPrefetchedFrameWaitsForItInsteadOfAskingAgain() throws {
        var d = try PreviewFixtures.ready(frames: 10)
        d.answer(try #require(d.openPreviewLoads.first))
        let prefetchOfRow1 = try #require(d.openPreviewLoads.first { $0.key == d.key(forRow: 1) })
        let moved = d.keys(.char("j"))
        #expect(Driver.previewLoads(in: moved).filter { !$0.prefetch }.isEmpty)
        #expect(d.state.preview.mainRequest == prefetchOfRow1.request)
        d.answer(prefetchOfRow1)
        #expect(d.state.preview.image(d.key(forRow: 1)) != nil)
    }

    @Test func cachedFramesAreShownWithoutAnyEffect() throws {
        var d = try PreviewFixtures.ready(frames: 3)
        d.answerAll()
        #expect(d.state.preview.cachedCount == 3)
        for key: Key in [.char("j"), .char("j"), .char("k"), .char("g"), .char("G")] {
            let effects = d.keys(key)
            #expect(effects.isEmpty, "\(key): \(effects)")
            let wanted = try #require(d.state.preview.wanted)
            #expect(d.state.preview.image(wanted) != nil)
        }
    }

    @Test func resultsForAFrameNoLongerSelectedAreNotShownAndUnknownOnesAreDropped() throws {
        var d = try PreviewFixtures.ready(frames: 50)
        let first = try #require(d.openPreviewLoads.first)
        // Far away: the first frame's load keeps running; after the rest it is abandoned.
        d.keys(.char("G"))
        #expect(d.effects.contains(.schedule(.previewDebounce, after: previewDebounceSeconds)))
        let fired = d.send(.timerFired(.previewDebounce))
        #expect(fired.contains(.cancel(request: first.request)))
        let last = try #require(Driver.previewLoads(in: fired).first)
        #expect(last.key == d.key(forRow: 49) && !last.prefetch)
        // The abandoned load's late answer, and one nobody asked for, change nothing.
        d.answer(first)
        d.send(.previewLoaded(request: RequestID(9_999), imageUUID: last.key.imageUUID,
                              .success(PreviewFixtures.solid(last.key, colour: .white))))
        #expect(d.state.preview.cachedCount == 0)
        #expect(d.state.preview.image(first.key) == nil)
        d.answer(last)
        #expect(d.state.preview.image(last.key) != nil)
    }

    @Test func holdingDownThroughThreeHundredFramesIssuesAHandfulOfLoads() throws {
        var d = try PreviewFixtures.ready(frames: 300)
        d.effects = []
        for _ in 0..<299 { d.keys(.down) }
        #expect(d.state.frameList.selected == 299)
        #expect(Driver.previewLoads(in: d.effects).isEmpty, "the first frame's load is still running")
        d.send(.timerFired(.previewDebounce))
        let loads = Driver.previewLoads(in: d.effects)
        #expect(loads.map(\.key) == [d.key(forRow: 299)])
    }

    @Test func whileHoldingDownEachFinishedLoadIsFollowedByOneForTheCurrentFrame() throws {
        // Loads are paced by how fast frames arrive: one in flight, the next for wherever the
        // selection is when it finishes.
        var d = try PreviewFixtures.ready(frames: 300)
        var answered = 0
        for step in 1...60 {
            d.keys(.down)
            if step % 10 == 0, let main = d.state.preview.mainRequest,
               let load = d.openPreviewLoads.first(where: { $0.request == main }) {
                d.answer(load)
                answered += 1
            }
        }
        let mains = Driver.previewLoads(in: d.effects).filter { !$0.prefetch }
        #expect(mains.count <= answered + 1)
        #expect(d.state.preview.wanted == d.key(forRow: 60))
    }

    @Test func whileAFrameLoadsTheLastShownOneStaysOnScreen() throws {
        var d = try PreviewFixtures.ready(frames: 50)
        d.answer(try #require(d.openPreviewLoads.first))
        d.keys(.char("G"))
        let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
        let buffer = Screen.render(d.state)
        #expect(buffer[pane.x + pane.width / 2, pane.y + pane.height / 2].text == "▀")
        #expect(buffer.lines()[pane.y - 1].contains("loading…"))
    }

    @Test func failuresAreShownAndRetriedByReload() throws {
        var d = try PreviewFixtures.ready(frames: 2)
        let first = try #require(d.openPreviewLoads.first)
        d.send(.previewLoaded(request: first.request, imageUUID: first.key.imageUUID,
                              .failure(.image(.tooLarge(width: 60000, height: 60000, limit: 64_000_000)))))
        let text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("image too large (60000x60000 exceeds 64 MP)"), "\(text)")
        // A failure is settled: no load loop. `r` forgets it and asks again.
        #expect(d.state.preview.failure(first.key) != nil)
        let reloaded = d.keys(.char("r"))
        #expect(Driver.previewLoads(in: reloaded).contains { $0.key == first.key && !$0.prefetch })
    }

    @Test func hiddenPaneLoadsNothingAndPreviewOffNeverLoads() throws {
        // 80 columns: the preview shares the window only when focused.
        var d = try PreviewFixtures.ready(frames: 5, width: 80, height: 30)
        let open = d.openPreviewLoads
        #expect(open.isEmpty, "\(open)")
        d.keys(.char("5"))
        #expect(d.openPreviewLoads.count == 1)
        // Leaving the pane cancels its load.
        let left = d.keys(.char("2"))
        #expect(left.contains { if case .cancel = $0 { return true }; return false })
        #expect(d.state.preview.requests.isEmpty)

        var off = try NavigationTests.ready(videos: 2, frames: 5)
        off.state.previewMode = .off
        off.keys(.char("2"), .char("j"), .char("j"))
        #expect(Driver.previewLoads(in: off.effects).filter { $0.key.imageUUID != off.state.frames[0]!.imageUUID }.isEmpty)
        #expect(Screen.render(off.state).lines().joined().contains("image preview is off"))
    }

    @Test func jkInThePreviewPaneFlipTheFrames() throws {
        var d = try PreviewFixtures.ready(frames: 5)
        d.keys(.char("5"), .char("j"), .char("j"))
        #expect(d.state.focus == .preview)
        #expect(d.state.frameList.selected == 2)
    }

    @Test func theCacheStaysWithinItsBudget() throws {
        var d = try PreviewFixtures.ready(frames: 40)
        let box = d.previewBox
        let perImage = box.columns * box.rows * MemoryLayout<CellPixel>.stride + 64
        d.state.preview = PreviewState(budget: perImage * 5)
        for _ in 0..<39 {
            d.answerAll()
            d.keys(.down)
        }
        #expect(d.state.preview.cachedCount <= 5)
        #expect(d.state.preview.cachedBytes <= perImage * 5)
    }
}
