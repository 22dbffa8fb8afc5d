import Foundation

/// Per-frame metrics of a video, normalised from either payload shape (rules in docs/api-client.md).
/// Each metric keeps its own sample axis because sample rates may differ.
public struct Timeseries: Hashable, Sendable {
    public enum Shape: String, Sendable { case properties, rows, empty }

    public let shape: Shape
    /// Metrics in a stable order (the order the payload listed them, else by name).
    public let metrics: [Metric]

    public init(shape: Shape, metrics: [Metric]) { self.shape = shape; self.metrics = metrics }

    public static let empty = Timeseries(shape: .empty, metrics: [])

    public struct Sample: Hashable, Sendable {
        public let frameNumber: Int?
        public let relativeTime: Double?
        public let unixTimeMs: Double?
        public let value: Double?
        public let zScore: Double?
        public let emaZScore: Double?
        public let anomalyProbability: Double?
        public init(frameNumber: Int?, relativeTime: Double?, unixTimeMs: Double?, value: Double?,
                    zScore: Double? = nil, emaZScore: Double? = nil, anomalyProbability: Double? = nil) {
            self.frameNumber = frameNumber; self.relativeTime = relativeTime; self.unixTimeMs = unixTimeMs
            self.value = value; self.zScore = zScore; self.emaZScore = emaZScore
            self.anomalyProbability = anomalyProbability
        }
    }

    public struct Metric: Hashable, Sendable {
        /// Base name, e.g. `perimeter_px`; statistics series are folded into its samples.
        public let name: String
        public let units: String?
        public let samples: [Sample]
        public init(name: String, units: String?, samples: [Sample]) {
            self.name = name; self.units = units; self.samples = samples
        }
    }
}
