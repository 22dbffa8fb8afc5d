import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

/// Thousands of random keys, resizes and (possibly stale, possibly failing) load results fed
/// to the reducer and renderer; after every step the invariants must hold.
@Suite struct MonkeyTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = (Keymap.bindings + Keymap.playerBindings).flatMap(\.keys) + [
        .char("a"), .char("x"), .char(" "), .char("窒"), .char("\u{1B}"), .backspace, .delete, .ctrl("w"),
        .function(5), .enter, .escape, .escape,
    ]

    @Test(arguments: [1, 2, 3, 4])
    func randomInputNeverBreaksTheInvariants(seed: UInt64) {
        var rng = SplitMix(state: seed)
        var d = Driver(width: 120, height: 40)
        var pending: [Effect] = d.send(.start)
        let catalogue = Fixtures.videos(Int.random(in: 0...80, using: &rng))
        for _ in 0..<2_500 {
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<80:
                let key = Self.keys.randomElement(using: &rng)!
                if key == .char("q") { continue }
                pending += d.send(.key(key))
            case 80..<83:
                d.send(.resize(width: Int.random(in: 0...220, using: &rng), height: Int.random(in: 0...70, using: &rng)))
            case 83..<84:
                // A storm: a window dragged about, through sizes too small to draw.
                for _ in 0..<Int.random(in: 5...40, using: &rng) {
                    d.send(.resize(width: Int.random(in: 0...240, using: &rng), height: Int.random(in: 0...80, using: &rng)))
                    check(d.state)
                }
            case 84..<85:
                // The server-side search prompt with text that parses, and text that does not.
                pending += d.keys(.escape, .escape)
                pending += d.keys(.char("s"), .ctrl("u"))
                pending += d.type(Self.searches.randomElement(using: &rng)!)
                check(d.state)
                pending += d.keys(Bool.random(using: &rng) ? .enter : .escape)
            case 85..<90:
                let timer = [TimerID.framesDebounce, .previewDebounce, .playerTick].randomElement(using: &rng)!
                pending += d.send(.timerFired(timer))
            default:
                // Answer a random outstanding load, sometimes with an error, sometimes twice.
                guard !pending.isEmpty else { continue }
                let effect = pending.remove(at: Int.random(in: 0..<pending.count, using: &rng))
                let fail = Int.random(in: 0..<5, using: &rng) == 0
                switch effect {
                case .loadVideos(let r, _, _):
                    pending += d.send(.videosLoaded(request: r, fail ? .failure(.http(status: 502, message: "<html>bad gateway</html>")) : .success(catalogue)))
                case .loadFrames(let r, let id, _):
                    let count = Int.random(in: 0...400, using: &rng)
                    pending += d.send(.framesLoaded(request: r, videoID: id, fail ? .failure(.timeout(seconds: 3)) : .success(Fixtures.frames(id, count: count))))
                case .loadPreview(let r, let id, let c, let rows, _):
                    let key = PreviewKey(imageUUID: id, columns: c, rows: rows)
                    pending += d.send(.previewLoaded(request: r, imageUUID: id, fail ? .failure(.image(.notPNG))
                        : .success(PreviewFixtures.solid(key, colour: .init(1, 2, 3)))))
                default: break
                }
            }
            check(d.state)
        }
    }

    static let searches = ["GaN", "status:running", "\"GaN run\" status:success from:2025-01-01 to:2026-12-31", "status:bogus",
                           "from:yesterday", "\"unclosed", "", "project:p1 sample:s7 窒化", "to:2026-02-30"]

    func check(_ s: AppState) {
        #expect(s.videoList.selected >= 0 && (s.videos.count == 0 ? s.videoList.selected == 0 : s.videoList.selected < s.videos.count))
        #expect(s.frameList.selected >= 0 && (s.frames.count == 0 ? s.frameList.selected == 0 : s.frameList.selected < s.frames.count))
        #expect(s.videoList.offset >= 0 && s.videoList.offset <= max(0, s.videos.count - 1))
        #expect(s.frameList.offset >= 0)
        #expect(s.selectedFrame == nil || s.framesVideoID == s.selectedVideo?.dataID)
        // Preview loads: the main one is among those in flight; prefetches stay bounded.
        if let main = s.preview.mainRequest { #expect(s.preview.requests[main] != nil) }
        #expect(s.preview.prefetchRequests.count <= previewPrefetchLimit)
        #expect(s.player == nil || s.selectedFrame != nil)
        let buffer = Screen.render(s)
        #expect(buffer.width == s.width && buffer.height == s.height && buffer.cells.count == s.width * s.height)
        let misfits = buffer.lines().filter { DisplayWidth.of($0) != s.width }
        #expect(misfits.isEmpty, "rows not \(s.width) wide: \(misfits.prefix(2))")
        // Nothing of the layout lies outside the window.
        let layout = s.layout
        if !layout.isTooSmall {
            let window = Rect(x: 0, y: 0, width: s.width, height: s.height)
            for panel in PanelID.allCases {
                let r = layout.rect(panel)
                #expect(r.isEmpty || (r.x >= 0 && r.y >= 0 && r.maxX <= window.maxX && r.maxY <= window.maxY), "\(panel) at \(r) in \(window)")
            }
            #expect(layout.status.maxY <= s.height && layout.status.maxX <= s.width)
        }
        // A prompt's text is never longer than the prompt accepts.
        #expect((s.prompt?.text.count ?? 0) <= 256)
    }
}
