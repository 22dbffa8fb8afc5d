import AtomscaleAPI

/// Everything the metrics pane, the anomaly marks and `]` / `[` need: the selected video's
/// timeseries and its load, a small cache of recent ones, the alignment of samples to the
/// shown frames and the anomalies it gives. One field of `AppState` (`metrics`); only the
/// reducer (Reducer+Metrics.swift) changes it.
public struct MetricsState: Sendable {
    /// Anomaly probability from which a sample counts as anomalous (0...1).
    public var threshold = Anomalies.defaultThreshold

    /// The video whose timeseries `load` is about (the selected one, or nil).
    public internal(set) var videoID: String?
    public internal(set) var load: Loadable<Timeseries> = .idle
    public internal(set) var request: RequestID?
    /// A failed reload while older data is still shown (the pane says so; nothing else does).
    public internal(set) var reloadError: String?
    /// Recently seen timeseries, so going back to a video shows its plots without a load.
    public internal(set) var recent = RecentCache<String, Timeseries>(capacity: 24)
    /// Anomalous frames per video, once both its timeseries and its frames were known.
    /// Kept for every video seen (a few bytes each), so the videos list keeps showing them.
    public internal(set) var anomalyCounts: [String: Int] = [:]

    /// First metric shown in the pane.
    public internal(set) var scroll = 0

    /// The match of the current timeseries to the frames shown, when both are there.
    public internal(set) var alignment: FrameAlignment?
    /// Positions (recording order) of the anomalous frames, ascending.
    public internal(set) var anomalousFrames: [Int] = []
    /// Indexed by frame position, for the frames list.
    public internal(set) var anomalousFlags: [Bool] = []

    // What `alignment` was computed from. Arrays compare in O(1) when they share storage,
    // so checking these after every event costs nothing while the data stays the same.
    var alignedFrames: [VideoFrame] = []
    var alignedSeries: Timeseries?
    var alignedThreshold = Anomalies.defaultThreshold

    public init(threshold: Double = Anomalies.defaultThreshold) {
        self.threshold = threshold
    }

    /// The timeseries shown, if loaded.
    public var series: Timeseries? { load.value }

    public func isAnomalous(framePosition: Int) -> Bool {
        framePosition >= 0 && framePosition < anomalousFlags.count && anomalousFlags[framePosition]
    }
}

/// One metric at the selected frame, for the frame metadata pane and the plot titles.
public struct MetricReading: Hashable, Sendable {
    public let name: String
    public let units: String?
    /// nil: the frame has no sample of this metric.
    public let sample: Timeseries.Sample?
    public let rule: FrameAlignment.Rule
    public let anomalous: Bool

    public init(name: String, units: String?, sample: Timeseries.Sample?, rule: FrameAlignment.Rule, anomalous: Bool) {
        self.name = name; self.units = units; self.sample = sample; self.rule = rule; self.anomalous = anomalous
    }
}

extension AppState {
    /// The selected frame's position in recording order (its index among all frames).
    public var selectedFramePosition: Int? {
        guard selectedFrame != nil, frameList.selected < frames.visible.count else { return nil }
        return frames.visible[frameList.selected]
    }

    /// Every metric's sample at the selected frame; empty until both are loaded.
    public var selectedFrameReadings: [MetricReading] {
        guard let position = selectedFramePosition, let series = metrics.series,
              let alignment = metrics.alignment, position < alignment.frameCount else { return [] }
        return zip(series.metrics, alignment.metrics).map { metric, match in
            let sample = match.sampleForFrame[position].flatMap { $0 < metric.samples.count ? metric.samples[$0] : nil }
            return MetricReading(name: metric.name, units: metric.units, sample: sample, rule: match.rule,
                                 anomalous: sample.map { Anomalies.isAnomalous($0, threshold: metrics.threshold) } ?? false)
        }
    }
}
