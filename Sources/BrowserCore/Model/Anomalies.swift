import AtomscaleAPI

/// Which samples and frames are anomalous, and where `]` / `[` go. Pure.
///
/// A sample is anomalous when its `anomaly_probability` is finite and at least the
/// threshold (default 0.5, so 0.5 counts and 0.4999 does not); a frame is anomalous when
/// any metric's sample aligned to it is.
public enum Anomalies {
    public static let defaultThreshold = 0.5

    public static func isAnomalous(_ sample: Timeseries.Sample, threshold: Double) -> Bool {
        guard let p = sample.anomalyProbability, p.isFinite else { return false }
        return p >= threshold
    }

    /// Positions (recording order) of the anomalous frames, ascending.
    public static func frames(_ timeseries: Timeseries, _ alignment: FrameAlignment, threshold: Double) -> [Int] {
        var flagged = [Bool](repeating: false, count: alignment.frameCount)
        for (metric, match) in zip(timeseries.metrics, alignment.metrics) {
            for (frame, sample) in match.sampleForFrame.enumerated() {
                guard let sample, !flagged[frame], sample < metric.samples.count else { continue }
                if isAnomalous(metric.samples[sample], threshold: threshold) { flagged[frame] = true }
            }
        }
        return flagged.indices.filter { flagged[$0] }
    }

    public enum Direction: Sendable { case next, previous }

    public struct Jump: Hashable, Sendable {
        /// The anomaly to select (an element of the list searched).
        public let target: Int
        /// Its 0-based rank among the anomalies.
        public let rank: Int
        /// True when the search went past the end (or the start) and came round.
        public let wrapped: Bool
    }

    /// The next (or previous) anomaly after `current` in the ascending list `anomalies`,
    /// wrapping round at the ends; nil when there is none. With no current position the
    /// first (or last) is taken, which is not a wrap.
    public static func jump(from current: Int?, in anomalies: [Int], _ direction: Direction) -> Jump? {
        guard let first = anomalies.first, let last = anomalies.last else { return nil }
        guard let current else {
            return direction == .next ? Jump(target: first, rank: 0, wrapped: false)
                : Jump(target: last, rank: anomalies.count - 1, wrapped: false)
        }
        switch direction {
        case .next:
            if let rank = anomalies.firstIndex(where: { $0 > current }) {
                return Jump(target: anomalies[rank], rank: rank, wrapped: false)
            }
            return Jump(target: first, rank: 0, wrapped: true)
        case .previous:
            if let rank = anomalies.lastIndex(where: { $0 < current }) {
                return Jump(target: anomalies[rank], rank: rank, wrapped: false)
            }
            return Jump(target: last, rank: anomalies.count - 1, wrapped: true)
        }
    }
}
