import AtomscaleAPI
@testable import BrowserCore
import ScreenKit

/// Timeseries and frames for the metrics tests, built as the decoder builds them.
enum MetricsFixtures {
    static func sample(frame: Int? = nil, time: Double? = nil, value: Double?, z: Double? = nil,
                       ema: Double? = nil, p: Double? = nil) -> Timeseries.Sample {
        Timeseries.Sample(frameNumber: frame, relativeTime: time, unixTimeMs: nil, value: value,
                          zScore: z, emaZScore: ema, anomalyProbability: p)
    }

    /// Row-shaped series: one sample per frame number 0..<count (time = 0.5 s per frame, as
    /// `Fixtures.frames`), probability 0.9 at `anomalies` and 0.1 elsewhere.
    static func rows(count: Int, anomalies: Set<Int> = [], names: [String] = ["perimeter_px", "circularity"],
                     units: [String?] = ["px", nil]) -> Timeseries {
        let metrics = names.enumerated().map { m, name in
            Timeseries.Metric(name: name, units: m < units.count ? units[m] : nil, samples: (0..<count).map { i in
                sample(frame: i, time: Double(i) * 0.5, value: Double(i % 10) + Double(m), z: Double(i % 3) - 1,
                       ema: 0.25, p: anomalies.contains(i) ? 0.9 : 0.1)
            })
        }
        return Timeseries(shape: .rows, metrics: metrics)
    }

    /// Frames with optional `frame_number` and `time_seconds`.
    static func frames(_ count: Int, numbers: [Int]? = nil, times: [Double?]? = nil) -> [VideoFrame] {
        (0..<count).compactMap { i in
            var json: [String: JSONValue] = ["image_uuid": .string("img-\(i)")]
            if let numbers { json["frame_number"] = .number(Double(numbers[i])) }
            if let times, let t = times[i] { json["time_seconds"] = .number(t) }
            return VideoFrame(index: i, json: json)
        }
    }
}
