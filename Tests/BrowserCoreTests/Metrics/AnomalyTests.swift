import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct AnomalyTests {
    typealias F = MetricsFixtures

    @Test func theThresholdItselfCountsAndJustBelowDoesNot() {
        let at = F.sample(value: 1, p: 0.5), below = F.sample(value: 1, p: 0.4999)
        #expect(Anomalies.isAnomalous(at, threshold: 0.5))
        #expect(!Anomalies.isAnomalous(below, threshold: 0.5))
        #expect(!Anomalies.isAnomalous(F.sample(value: 1), threshold: 0.5))
        #expect(!Anomalies.isAnomalous(F.sample(value: 1, p: .nan), threshold: 0.5))
        #expect(!Anomalies.isAnomalous(F.sample(value: 1, p: 0.79), threshold: 0.8))
        #expect(Anomalies.isAnomalous(F.sample(value: 1, p: 0.8), threshold: 0.8))
        #expect(Anomalies.isAnomalous(F.sample(value: 1, p: 0), threshold: 0))
        #expect(Anomalies.isAnomalous(F.sample(value: 1, p: 1), threshold: 1))
    }

    @Test func aFrameIsAnomalousWhenAnyMetricIs() {
        let a = Timeseries.Metric(name: "a", units: nil, samples: [0.1, 0.5, 0.2, 0.1].map { F.sample(value: 1, p: $0) })
        let b = Timeseries.Metric(name: "b", units: nil, samples: [0.1, 0.1, 0.1, 0.7].map { F.sample(value: 1, p: $0) })
        let series = Timeseries(shape: .properties, metrics: [a, b])
        // Six frames, four samples each: frames 4 and 5 have none.
        let alignment = FrameAlignment(series, frames: F.frames(6))
        #expect(Anomalies.frames(series, alignment, threshold: 0.5) == [1, 3])
        #expect(Anomalies.frames(series, alignment, threshold: 0.6) == [3])
        #expect(Anomalies.frames(series, alignment, threshold: 0.05) == [0, 1, 2, 3])
    }

    @Test func jumpsGoInOrderAndWrapAtTheEnds() {
        let list = [2, 5, 9]
        #expect(Anomalies.jump(from: 0, in: list, .next) == .init(target: 2, rank: 0, wrapped: false))
        #expect(Anomalies.jump(from: 2, in: list, .next)?.target == 5)
        #expect(Anomalies.jump(from: 6, in: list, .next)?.target == 9)
        #expect(Anomalies.jump(from: 9, in: list, .next) == .init(target: 2, rank: 0, wrapped: true))
        #expect(Anomalies.jump(from: 9, in: list, .previous) == .init(target: 5, rank: 1, wrapped: false))
        #expect(Anomalies.jump(from: 3, in: list, .previous)?.target == 2)
        #expect(Anomalies.jump(from: 2, in: list, .previous) == .init(target: 9, rank: 2, wrapped: true))
        #expect(Anomalies.jump(from: 0, in: list, .previous) == .init(target: 9, rank: 2, wrapped: true))
        #expect(Anomalies.jump(from: nil, in: list, .next) == .init(target: 2, rank: 0, wrapped: false))
        #expect(Anomalies.jump(from: nil, in: list, .previous) == .init(target: 9, rank: 2, wrapped: false))
        #expect(Anomalies.jump(from: 4, in: [], .next) == nil)
        #expect(Anomalies.jump(from: 4, in: [4], .next) == .init(target: 4, rank: 0, wrapped: true))
    }

    // MARK: - The keys

    @Test func bracketsWalkTheAnomalousFramesAndSayWhenTheyWrap() throws {
        var d = try Driver.withMetrics(frames: 20, series: F.rows(count: 20, anomalies: [3, 7, 12]))
        d.keys(.char("2"))
        d.keys(.char("]"))
        #expect(d.state.selectedFramePosition == 3)
        #expect(d.state.notice == "anomaly 1 of 3")
        d.keys(.char("]"), .char("]"))
        #expect(d.state.selectedFramePosition == 12)
        d.keys(.char("]"))
        #expect(d.state.selectedFramePosition == 3)
        #expect(d.state.notice == "wrapped to first anomaly (1 of 3)")
        d.keys(.char("["))
        #expect(d.state.selectedFramePosition == 12)
        #expect(d.state.notice == "wrapped to last anomaly (3 of 3)")
        d.keys(.char("["))
        #expect(d.state.selectedFramePosition == 7)
        #expect(d.state.notice == "anomaly 2 of 3")
        // From between two anomalies.
        d.keys(.char("j"))
        d.keys(.char("["))
        #expect(d.state.selectedFramePosition == 7)
        #expect(d.state.focus == .frames)
    }

    @Test func bracketsWorkFromTheDetailPanesAndKeepTheFocus() throws {
        for panel in ["4", "5", "6"] {
            var d = try Driver.withMetrics(frames: 20, series: F.rows(count: 20, anomalies: [5]))
            d.keys(.char(Character(panel)))
            let focus = d.state.focus
            d.keys(.char("]"))
            #expect(d.state.selectedFramePosition == 5, "from panel \(panel)")
            #expect(d.state.focus == focus)
            d.keys(.char("]"))
            #expect(d.state.notice == "the only anomaly (1 of 1)")
        }
    }

    @Test func noAnomaliesOrNoMetricsSaySoAndMoveNothing() throws {
        var d = try Driver.withMetrics(frames: 10, series: F.rows(count: 10))
        d.keys(.char("2"), .char("j"), .char("]"))
        #expect(d.state.notice == "no anomalies (anomaly probability ≥ 0.5)")
        #expect(d.state.selectedFramePosition == 1)
        var empty = try Driver.withMetrics(frames: 10, series: .empty)
        empty.keys(.char("["))
        #expect(empty.state.notice == "no metrics for this video yet")
        var loading = Driver()
        _ = loading.loaded(Fixtures.videos(2))
        loading.keys(.char("]"))
        #expect(loading.state.notice == "metrics still loading")
        var nothing = Driver()
        nothing.keys(.char("]"))
        #expect(nothing.state.notice == "no video selected")
    }

    @Test func aCustomThresholdChangesWhatIsAnomalous() throws {
        var series = F.rows(count: 10, anomalies: [2])  // 0.9 at frame 2, 0.1 elsewhere
        var d = try Driver.withMetrics(frames: 10, series: series, threshold: 0.95)
        #expect(d.state.metrics.anomalousFrames.isEmpty)
        d = try Driver.withMetrics(frames: 10, series: series, threshold: 0.1)
        #expect(d.state.metrics.anomalousFrames.count == 10)
        series = F.rows(count: 10, anomalies: [2, 4])
        d = try Driver.withMetrics(frames: 10, series: series, threshold: 0.9)
        #expect(d.state.metrics.anomalousFrames == [2, 4])
    }

    @Test func aFilteredFramesListJumpsOnlyAmongTheRowsShown() throws {
        var d = try Driver.withMetrics(frames: 30, series: F.rows(count: 30, anomalies: [4, 11, 14, 25]))
        d.keys(.char("2"), .char("/"))
        d.type("f01")  // frame ids f010...f019: positions 10...19
        d.keys(.enter)
        d.keys(.char("]"))
        #expect(d.state.selectedFramePosition == 11)
        d.keys(.char("]"))
        #expect(d.state.selectedFramePosition == 14)
        #expect(d.state.notice == "anomaly 2 of 2")
        d.keys(.char("/"), .ctrl("u"))
        d.type("f02")
        d.keys(.enter)
        d.keys(.char("]"))
        #expect(d.state.selectedFramePosition == 25)
        d.keys(.char("/"), .ctrl("u"))
        d.type("f003")
        d.keys(.enter)
        d.keys(.char("]"))
        #expect(d.state.notice == "no anomalies among the filtered frames")
    }
}
