import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

/// Random keys, resizes, timers and (stale, failing, mismatched) frames and timeseries
/// answers; the metrics invariants must hold after every step.
@Suite struct MetricsMonkeyTests {
    static let keys: [Key] = Keymap.bindings.flatMap(\.keys).filter { $0 != .char("q") && $0 != .char("/") && $0 != .char("s") }
        + [.char("]"), .char("["), .char("]"), .char("6"), .char("j"), .char("k")]

    static func randomSeries(_ rng: inout MonkeyTests.SplitMix) -> Timeseries {
        let metrics = (0..<Int.random(in: 0...6, using: &rng)).map { m in
            let count = Int.random(in: 0...300, using: &rng)
            let withNumbers = Bool.random(using: &rng), withTimes = Bool.random(using: &rng)
            return Timeseries.Metric(name: m == 3 ? "窒化\u{1B}[2J\(m)" : "metric_\(m)", units: m == 1 ? "px" : nil,
                                     samples: (0..<count).map { i in
                Timeseries.Sample(frameNumber: withNumbers ? i * Int.random(in: 1...2, using: &rng) : nil,
                                  relativeTime: withTimes ? Double(i) * 0.5 : nil, unixTimeMs: nil,
                                  value: Int.random(in: 0..<20, using: &rng) == 0 ? nil : Double.random(in: -5...5, using: &rng),
                                  anomalyProbability: Double.random(in: 0...1, using: &rng))
            })
        }
        return Timeseries(shape: .properties, metrics: metrics)
    }

    @Test(arguments: [7, 8, 9])
    func randomInputKeepsTheMetricsConsistent(seed: UInt64) {
        var rng = MonkeyTests.SplitMix(state: seed)
        var d = Driver(width: 120, height: 40)
        var pending = d.send(.start)
        let catalogue = Fixtures.videos(Int.random(in: 1...30, using: &rng))
        for _ in 0..<1_500 {
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<70:
                pending += d.send(.key(Self.keys.randomElement(using: &rng)!))
            case 70..<74:
                d.send(.resize(width: Int.random(in: 0...220, using: &rng), height: Int.random(in: 0...70, using: &rng)))
            case 74..<82:
                pending += d.send(.timerFired(Bool.random(using: &rng) ? .framesDebounce : .timeseriesDebounce))
            default:
                guard !pending.isEmpty else { continue }
                let effect = pending.remove(at: Int.random(in: 0..<pending.count, using: &rng))
                let fail = Int.random(in: 0..<5, using: &rng) == 0
                switch effect {
                case .loadVideos(let r, _, _):
                    pending += d.send(.videosLoaded(request: r, .success(catalogue)))
                case .loadFrames(let r, let id, _):
                    let count = Int.random(in: 0...300, using: &rng)
                    pending += d.send(.framesLoaded(request: r, videoID: id, fail ? .failure(.timeout(seconds: 3)) : .success(Fixtures.frames(id, count: count))))
                case .loadTimeseries(let r, let id, _):
                    pending += d.send(.timeseriesLoaded(request: r, videoID: id, fail ? .failure(.http(status: 500, message: "x")) : .success(Self.randomSeries(&rng))))
                default: break
                }
            }
            check(d.state)
        }
    }

    func check(_ s: AppState) {
        let m = s.metrics
        #expect(m.videoID == s.selectedVideo?.dataID)
        if let alignment = m.alignment {
            #expect(s.framesVideoID == m.videoID)
            #expect(alignment.frameCount == s.frames.items.count)
            #expect(m.anomalousFlags.count == s.frames.items.count)
            #expect(m.anomalousFrames == m.anomalousFlags.indices.filter { m.anomalousFlags[$0] })
            #expect(m.anomalyCounts[m.videoID!] == m.anomalousFrames.count)
            for match in alignment.metrics { #expect(match.sampleForFrame.count == alignment.frameCount) }
        } else {
            #expect(m.anomalousFrames.isEmpty && m.anomalousFlags.isEmpty)
        }
        let count = m.series?.metrics.count ?? 0
        #expect(m.scroll >= 0 && m.scroll <= max(0, count - 1))
        #expect(s.frameList.selected >= 0 && (s.frames.count == 0 ? s.frameList.selected == 0 : s.frameList.selected < s.frames.count))
        let buffer = Screen.render(s)
        let misfits = buffer.lines().filter { DisplayWidth.of($0) != s.width }
        #expect(misfits.isEmpty, "rows not \(s.width) wide: \(misfits.prefix(2))")
    }
}
