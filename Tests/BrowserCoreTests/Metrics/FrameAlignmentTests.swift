import AtomscaleAPI
@testable import BrowserCore
import Testing

@Suite struct FrameAlignmentTests {
    typealias F = MetricsFixtures

    @Test func frameNumbersMatchTheFramesOwnFrameNumbers() {
        let frames = F.frames(3, numbers: [10, 20, 30], times: [0, 1, 2])
        let samples = [30, 10, 20, 40].map { F.sample(frame: $0, time: 99, value: 1) }
        let match = FrameAlignment.match(samples, frames: frames)
        #expect(match.rule == .frameNumber)
        #expect(match.sampleForFrame == [1, 2, 0])
        #expect(match.unmatchedSamples == 1)
    }

    @Test func frameNumbersMatchThePositionWhenFramesCarryNone() {
        let frames = F.frames(5, times: [0, 0.5, 1, 1.5, 2])
        // Times that would match differently: frame numbers win.
        let samples = (0..<3).map { F.sample(frame: $0, time: Double(4 - $0) * 0.5, value: 1) }
        let match = FrameAlignment.match(samples, frames: frames)
        #expect(match.rule == .frameNumberAsPosition)
        #expect(match.sampleForFrame == [0, 1, 2, nil, nil])
        #expect(match.unmatchedSamples == 0)
    }

    @Test func duplicateFrameNumbersKeepTheFirstSample() {
        let samples = [F.sample(frame: 1, value: 1), F.sample(frame: 1, value: 2), F.sample(frame: 0, value: 3)]
        let match = FrameAlignment.match(samples, frames: F.frames(2))
        #expect(match.sampleForFrame == [2, 0])
        #expect(match.unmatchedSamples == 1)
    }

    @Test func timeMatchesTheNearestSampleWithinHalfAnInterval() {
        let frames = F.frames(5, times: [0, 0.5, 1.0, 1.5, 3.0])
        // Sampled every 0.5 s from 0.02 s, with none near 3.0 s.
        let samples = [0.02, 0.52, 1.02, 1.52, 2.02].map { F.sample(time: $0, value: $0) }
        let match = FrameAlignment.match(samples, frames: frames)
        #expect(match.rule == .time)
        #expect(match.sampleForFrame == [0, 1, 2, 3, nil])
        #expect(match.unmatchedSamples == 1)
    }

    @Test func timeTiesGoToTheEarlierSampleAndOrderDoesNotMatter() {
        let frames = F.frames(2, times: [0.25, 0.8])
        // Listed out of order: 0.5 s, 0 s, 1 s.
        let samples = [0.5, 0, 1].map { F.sample(time: $0, value: $0) }
        let match = FrameAlignment.match(samples, frames: frames)
        #expect(match.rule == .time)
        #expect(match.sampleForFrame == [1, 2])
    }

    @Test func timeAcceptsExactlyHalfAnIntervalButNotMore() {
        let samples = [0, 1, 2].map { F.sample(time: Double($0), value: 1) }
        #expect(FrameAlignment.match(samples, frames: F.frames(1, times: [2.5])).sampleForFrame == [2])
        let beyond = FrameAlignment.match(samples, frames: F.frames(2, times: [2.51, 0]))
        #expect(beyond.rule == .time)
        #expect(beyond.sampleForFrame == [nil, 0])
    }

    @Test func orderIsTheLastResortBothWaysOfMismatch() {
        let fewer = FrameAlignment.match((0..<3).map { F.sample(value: Double($0)) }, frames: F.frames(5))
        #expect(fewer.rule == .order)
        #expect(fewer.sampleForFrame == [0, 1, 2, nil, nil])
        #expect(fewer.unmatchedSamples == 0)
        let more = FrameAlignment.match((0..<7).map { F.sample(value: Double($0)) }, frames: F.frames(5))
        #expect(more.sampleForFrame == [0, 1, 2, 3, 4])
        #expect(more.unmatchedSamples == 2)
        // Samples carry times, frames do not: order.
        let untimedFrames = FrameAlignment.match([F.sample(time: 0, value: 1)], frames: F.frames(2))
        #expect(untimedFrames.rule == .order)
    }

    @Test func aRuleThatMatchesNoFrameGivesWayToTheNext() {
        // Frame numbers far out of range, times that fit: time.
        let samples = (0..<3).map { F.sample(frame: 1000 + $0, time: Double($0), value: 1) }
        let byTime = FrameAlignment.match(samples, frames: F.frames(3, times: [0, 1, 2]))
        #expect(byTime.rule == .time)
        #expect(byTime.sampleForFrame == [0, 1, 2])
        // No times either: order.
        let byOrder = FrameAlignment.match(samples, frames: F.frames(3))
        #expect(byOrder.rule == .order)
        // No frames at all: the first rule that applies is reported, nothing is matched.
        let none = FrameAlignment.match(samples, frames: [])
        #expect(none.rule == .frameNumberAsPosition)
        #expect(none.sampleForFrame.isEmpty)
    }

    @Test func theSummaryNamesTheRuleOrTheMix() {
        let frames = F.frames(4, times: [0, 1, 2, 3])
        let rows = MetricsFixtures.rows(count: 4)
        #expect(FrameAlignment(rows, frames: frames).summary == "frame number as position")
        let mixed = Timeseries(shape: .properties, metrics: [
            .init(name: "a", units: nil, samples: (0..<4).map { F.sample(frame: $0, value: 1) }),
            .init(name: "b", units: nil, samples: (0..<4).map { F.sample(time: Double($0), value: 1) }),
            .init(name: "c", units: nil, samples: (0..<4).map { F.sample(time: Double($0), value: 1) }),
        ])
        let alignment = FrameAlignment(mixed, frames: frames)
        #expect(alignment.metrics.map(\.rule) == [.frameNumberAsPosition, .time, .time])
        #expect(alignment.summary == "frame number as position ×1, time ×2")
        #expect(FrameAlignment(.empty, frames: frames).summary == "")
        #expect(FrameAlignment(rows, frames: F.frames(4, numbers: [0, 1, 2, 3])).summary == "frame number")
    }
}
