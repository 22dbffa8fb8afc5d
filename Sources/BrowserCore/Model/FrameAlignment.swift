import AtomscaleAPI

/// How the samples of a video's timeseries line up with its saved frames.
///
/// The API does not say (see docs/metrics.md), so each metric gets the first of these rules
/// that applies to its samples and matches at least one frame:
///
/// 1. **Frame number**: the samples carry `frame_number`. It is matched to the frame's own
///    `frame_number` when the frames carry one (`.frameNumber`), else to the frame's
///    position in recording order, counted from 0 (`.frameNumberAsPosition`: the number the
///    frames list shows, minus one).
/// 2. **Time**: the samples carry `relative_time_seconds` and the frames `time_seconds` /
///    `timestamp_seconds` (both taken as seconds from the start of the video). A frame takes
///    the sample nearest in time, if it lies within half the sampling interval (the median
///    gap between the metric's sample times); a tie goes to the earlier sample.
/// 3. **Order**: sample *i* belongs to frame *i*.
///
/// A rule that applies but matches no frame at all (for example frame numbers that are all
/// out of range) gives way to the next one, so a wrong guess cannot blank the cursor.
/// Mismatched lengths: samples no frame takes are ignored (counted in `unmatchedSamples`);
/// frames without a sample have none (`nil`), which the panes show as "no sample". When two
/// samples claim one frame by number, the first wins.
///
/// Pure and O(frames + samples · log samples) per metric; the reducer runs it only when the
/// frames or the timeseries change, never per key or per render.
public struct FrameAlignment: Hashable, Sendable {
    public enum Rule: String, Hashable, Sendable, CaseIterable {
        case frameNumber
        case frameNumberAsPosition
        case time
        case order

        /// Words for the panes: "aligned by frame number".
        public var phrase: String {
            switch self {
            case .frameNumber: return "frame number"
            case .frameNumberAsPosition: return "frame number as position"
            case .time: return "time"
            case .order: return "order"
            }
        }
    }

    /// One metric's match: which rule applied and, per frame, its sample.
    public struct MetricMatch: Hashable, Sendable {
        public let rule: Rule
        /// Indexed by the frame's position in recording order: the index of its sample in
        /// the metric's `samples`, or nil when the frame has none.
        public let sampleForFrame: [Int?]
        /// Samples that no frame took (extra samples, duplicates, times between frames).
        public let unmatchedSamples: Int

        public var matchedFrames: Int { sampleForFrame.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    }

    public let frameCount: Int
    /// In the order of `Timeseries.metrics`.
    public let metrics: [MetricMatch]

    public init(_ timeseries: Timeseries, frames: [VideoFrame]) {
        frameCount = frames.count
        metrics = timeseries.metrics.map { Self.match($0.samples, frames: frames) }
    }

    /// "frame number", or "time ×2, order ×1" when metrics were matched differently.
    public var summary: String {
        var counts: [Rule: Int] = [:]
        for m in metrics { counts[m.rule, default: 0] += 1 }
        if counts.count <= 1 { return counts.keys.first?.phrase ?? "" }
        return Rule.allCases.compactMap { rule in counts[rule].map { "\(rule.phrase) ×\($0)" } }
            .joined(separator: ", ")
    }

    // MARK: - The rules

    /// Matches one metric's samples to the frames by the first rule that works (see above).
    public static func match(_ samples: [Timeseries.Sample], frames: [VideoFrame]) -> MetricMatch {
        var candidates: [MetricMatch] = []
        if samples.contains(where: { $0.frameNumber != nil }) {
            candidates.append(byFrameNumber(samples, frames: frames))
        }
        if samples.contains(where: { $0.relativeTime?.isFinite == true }),
           frames.contains(where: { $0.timeSeconds?.isFinite == true }) {
            candidates.append(byTime(samples, frames: frames))
        }
        candidates.append(byOrder(samples, frames: frames))
        // The first that matches anything; with no frames at all, the first that applies.
        return candidates.first { $0.matchedFrames > 0 } ?? candidates[0]
    }

    static func byFrameNumber(_ samples: [Timeseries.Sample], frames: [VideoFrame]) -> MetricMatch {
        let framesCarryNumbers = frames.contains { $0.frameNumber != nil }
        var frameFor: [Int: Int] = [:]
        for (position, frame) in frames.enumerated() {
            let key = framesCarryNumbers ? frame.frameNumber : position
            if let key, frameFor[key] == nil { frameFor[key] = position }
        }
        var sampleFor = [Int?](repeating: nil, count: frames.count)
        var unmatched = 0
        for (i, sample) in samples.enumerated() {
            if let n = sample.frameNumber, let f = frameFor[n], sampleFor[f] == nil {
                sampleFor[f] = i
            } else {
                unmatched += 1
            }
        }
        return MetricMatch(rule: framesCarryNumbers ? .frameNumber : .frameNumberAsPosition,
                           sampleForFrame: sampleFor, unmatchedSamples: unmatched)
    }

    static func byTime(_ samples: [Timeseries.Sample], frames: [VideoFrame]) -> MetricMatch {
        // Sample times in ascending order; a stable sort keeps the first of equal times first.
        let timed = samples.enumerated()
            .compactMap { i, s -> (t: Double, i: Int)? in s.relativeTime.flatMap { $0.isFinite ? ($0, i) : nil } }
            .sorted { $0.t < $1.t || ($0.t == $1.t && $0.i < $1.i) }
        let frameTimes = frames.compactMap { $0.timeSeconds.flatMap { $0.isFinite ? $0 : nil } }.sorted()
        // Half a sampling interval; with a single sample time, half a frame interval.
        let interval = medianGap(timed.map(\.t)) ?? medianGap(frameTimes) ?? 0
        let tolerance = interval / 2
        var sampleFor = [Int?](repeating: nil, count: frames.count)
        var used = Set<Int>()
        for (position, frame) in frames.enumerated() {
            guard let t = frame.timeSeconds, t.isFinite, !timed.isEmpty else { continue }
            // The candidates: the first sample at or after t, and the first of the equal
            // times just before t (so a tie, or duplicates, go to the earliest sample).
            let after = lowerBound(timed, t)
            var best: Int?
            if after > 0 { best = lowerBound(timed, timed[after - 1].t) }
            if after < timed.count, best.map({ timed[after].t - t < t - timed[$0].t }) ?? true { best = after }
            guard let best else { continue }
            let b = timed[best]
            let slack = 1e-9 * max(1, abs(t))
            if abs(b.t - t) <= tolerance + slack {
                sampleFor[position] = b.i
                used.insert(b.i)
            }
        }
        return MetricMatch(rule: .time, sampleForFrame: sampleFor, unmatchedSamples: samples.count - used.count)
    }

    static func byOrder(_ samples: [Timeseries.Sample], frames: [VideoFrame]) -> MetricMatch {
        let sampleFor = frames.indices.map { $0 < samples.count ? Optional($0) : nil }
        return MetricMatch(rule: .order, sampleForFrame: sampleFor,
                           unmatchedSamples: max(0, samples.count - frames.count))
    }

    /// The first index whose time is >= t.
    private static func lowerBound(_ timed: [(t: Double, i: Int)], _ t: Double) -> Int {
        var lo = 0, hi = timed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if timed[mid].t < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The (lower) median of the positive gaps between consecutive sorted values; nil without one.
    static func medianGap(_ sorted: [Double]) -> Double? {
        var gaps: [Double] = []
        gaps.reserveCapacity(max(0, sorted.count - 1))
        for i in sorted.indices.dropFirst() where sorted[i] > sorted[i - 1] { gaps.append(sorted[i] - sorted[i - 1]) }
        guard !gaps.isEmpty else { return nil }
        gaps.sort()
        return gaps[(gaps.count - 1) / 2]
    }
}
