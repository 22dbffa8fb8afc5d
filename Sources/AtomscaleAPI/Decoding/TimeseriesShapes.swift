import Foundation

// The two payload shapes of the timeseries endpoint, reduced to `Timeseries`.
extension TimeseriesDecoder {
    /// One entry of a property's arrays, before statistics are folded in.
    struct Point {
        let index: Int
        let frame: Int?
        let relative: Double?
        let unixMs: Double?
        let value: Double?
    }

    /// A property's samples. Entries without any timestamp are dropped when the property has
    /// a time axis at all (the API documents null timestamps as "skip").
    struct Series {
        let points: [Point]
        let hasTimeAxis: Bool
        let units: String?

        init?(_ json: JSONValue) {
            let values: [JSONValue]
            var rel: [JSONValue]?, unix: [JSONValue]?, frames: [JSONValue]?
            switch json {
            case .object(let o):
                values = o["values"]?.arrayValue ?? []
                rel = o["relative_time_seconds"]?.arrayValue
                unix = o["unix_timestamp_ms"]?.arrayValue
                frames = (o["frame_number"] ?? o["frame_numbers"])?.arrayValue
                units = o["units"]?.stringValue ?? o["unit"]?.stringValue
            case .array(let a):
                values = a
                units = nil
            default:
                return nil
            }
            func at(_ list: [JSONValue]?, _ i: Int) -> JSONValue? { list.flatMap { i < $0.count ? $0[i] : nil } }
            hasTimeAxis = [rel, unix, frames].contains { $0?.contains { number($0) != nil } ?? false }
            var points: [Point] = []
            points.reserveCapacity(values.count)
            for i in values.indices {
                let p = Point(index: i, frame: integer(at(frames, i)), relative: number(at(rel, i)),
                              unixMs: number(at(unix, i)), value: number(values[i]))
                if hasTimeAxis, p.frame == nil, p.relative == nil, p.unixMs == nil { continue }
                points.append(p)
            }
            self.points = points
        }

        /// Finds this statistic series' value for a base point: by time when this series has
        /// timestamps (sample rates may differ), else by position.
        func lookup() -> (Point) -> Double? {
            if hasTimeAxis {
                var byUnix: [Double: Double] = [:], byRel: [Double: Double] = [:], byFrame: [Int: Double] = [:]
                for p in points {
                    guard let v = p.value else { continue }
                    if let u = p.unixMs, byUnix[u] == nil { byUnix[u] = v }
                    if let r = p.relative, byRel[r] == nil { byRel[r] = v }
                    if let f = p.frame, byFrame[f] == nil { byFrame[f] = v }
                }
                return { p in
                    p.unixMs.flatMap { byUnix[$0] } ?? p.relative.flatMap { byRel[$0] } ?? p.frame.flatMap { byFrame[$0] }
                }
            }
            var byIndex: [Int: Double] = [:]
            for p in points { if let v = p.value { byIndex[p.index] = v } }
            return { p in byIndex[p.index] }
        }
    }

    static func properties(_ props: [String: JSONValue], order: [String]?) -> Timeseries {
        let names = JSONKeyOrder.ordered(props.keys, scanned: order)
        let (bases, folded) = classify(names)
        var metrics: [Timeseries.Metric] = []
        for name in bases {
            guard let json = props[name], let series = Series(json) else { continue }
            let stats = folded[name] ?? [:]
            func finder(_ s: Statistic) -> (Point) -> Double? {
                guard let n = stats[s], let j = props[n], let other = Series(j) else { return { _ in nil } }
                return other.lookup()
            }
            let z = finder(.zScore), ema = finder(.emaZScore), anomaly = finder(.anomalyProbability)
            let samples = series.points.map { p in
                Timeseries.Sample(frameNumber: p.frame, relativeTime: p.relative, unixTimeMs: p.unixMs, value: p.value,
                                  zScore: z(p), emaZScore: ema(p), anomalyProbability: anomaly(p))
            }
            metrics.append(Timeseries.Metric(name: name, units: series.units, samples: samples))
        }
        return Timeseries(shape: .properties, metrics: metrics)
    }

    static let axisKeys: Set<String> = ["frame_number", "relative_time_seconds", "unix_timestamp_ms",
                                        "time_seconds", "timestamp_seconds"]

    /// Rows with `frame_number`, `relative_time_seconds`, `unix_timestamp_ms` and one key per
    /// metric. A key is a metric when some row holds a number (or numeric string) under it.
    /// `order(i)` scans the keys of raw element `i` (the first object row) for payload order.
    static func rows(_ items: [JSONValue], order: (Int) -> [String]?) -> Timeseries {
        guard let firstRow = items.firstIndex(where: { $0.objectValue != nil }) else { return .empty }
        let rows = items.compactMap(\.objectValue)
        var candidates = Set<String>()
        for row in rows {
            for (key, value) in row where !axisKeys.contains(key) && !candidates.contains(key) && number(value) != nil {
                candidates.insert(key)
            }
        }
        let names = JSONKeyOrder.ordered(candidates, scanned: order(firstRow))
        let (bases, folded) = classify(names)

        func axis(_ row: [String: JSONValue]) -> (Int?, Double?, Double?) {
            (integer(row["frame_number"]),
             number(row["relative_time_seconds"]) ?? number(row["time_seconds"]) ?? number(row["timestamp_seconds"]),
             number(row["unix_timestamp_ms"]))
        }
        let hasTimeAxis = rows.contains { let a = axis($0); return a.0 != nil || a.1 != nil || a.2 != nil }
        let kept = rows.filter { let a = axis($0); return !hasTimeAxis || a.0 != nil || a.1 != nil || a.2 != nil }

        var metrics: [Timeseries.Metric] = []
        for name in bases {
            let stats = folded[name] ?? [:]
            let samples = kept.compactMap { row -> Timeseries.Sample? in
                guard let raw = row[name] else { return nil }
                let (frame, rel, unix) = axis(row)
                return Timeseries.Sample(frameNumber: frame, relativeTime: rel, unixTimeMs: unix, value: number(raw),
                                         zScore: stats[.zScore].flatMap { number(row[$0]) },
                                         emaZScore: stats[.emaZScore].flatMap { number(row[$0]) },
                                         anomalyProbability: stats[.anomalyProbability].flatMap { number(row[$0]) })
            }
            metrics.append(Timeseries.Metric(name: name, units: nil, samples: samples))
        }
        return Timeseries(shape: .rows, metrics: metrics)
    }
}
