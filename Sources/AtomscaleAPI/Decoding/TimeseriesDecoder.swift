import Foundation

extension APIDecoding {
    /// `GET optical/timeseries/{id}/` in either shape (rules in docs/api-client.md):
    /// - property-centric `{"properties": {name: {relative_time_seconds, unix_timestamp_ms,
    ///   values, units}}}`, each property on its own time axis;
    /// - row-oriented `{"series": [row, ...]}` or a bare array of rows, one key per metric.
    /// Series named `m_z_score`, `m_ema_z_score`, `m_anomaly_probability` are folded into
    /// metric `m` when `m` exists. Metrics keep the payload's order. An empty body, `{}`,
    /// `null` or an empty list is `Timeseries.empty`.
    public static func timeseries(_ data: Data) throws(APIError) -> Timeseries {
        if JSONBody.isBlank(data) { return .empty }
        let value = try JSONBody.parse(data, what: "timeseries")
        let result: Timeseries
        switch value {
        case .null:
            return .empty
        case .array(let rows):
            result = TimeseriesDecoder.rows(rows) { JSONKeyOrder.keys(data, at: [.index($0)]) }
        case .object(let object):
            if object.isEmpty { return .empty }
            // An empty or null "properties" next to a "series" means the rows hold the data.
            let props = object["properties"]
            let propsHaveData = props.map { !$0.isNull && $0.objectValue?.isEmpty != true } ?? false
            if let props, propsHaveData || object["series"] == nil {
                switch props {
                case .null: return .empty
                case .object(let p):
                    result = TimeseriesDecoder.properties(p, order: JSONKeyOrder.keys(data, at: [.key("properties")]))
                default: throw .decoding("timeseries: expected \"properties\" to be an object, got \(props.kindDescription)")
                }
            } else if let series = object["series"] {
                switch series {
                case .null: return .empty
                case .array(let rows):
                    result = TimeseriesDecoder.rows(rows) { JSONKeyOrder.keys(data, at: [.key("series"), .index($0)]) }
                default: throw .decoding("timeseries: expected \"series\" to be an array, got \(series.kindDescription)")
                }
            } else {
                let keys = object.keys.sorted().prefix(5).map { TextExcerpt.clean($0, limit: 40) }.joined(separator: ", ")
                throw .decoding("timeseries: expected \"properties\" or \"series\", got an object with \(keys)")
            }
        default:
            throw .decoding("timeseries: expected a JSON object or array, got \(value.kindDescription)")
        }
        return result.metrics.isEmpty ? .empty : result
    }
}

enum TimeseriesDecoder {
    enum Statistic: CaseIterable { case emaZScore, anomalyProbability, zScore }

    // `_ema_z_score` is tested before `_z_score`, which it also ends with.
    static let suffixes: [(String, Statistic)] = [("_ema_z_score", .emaZScore),
                                                   ("_anomaly_probability", .anomalyProbability),
                                                   ("_z_score", .zScore)]

    /// Numbers and numeric strings; not booleans, not NaN or infinities.
    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .number(let d)?: return d.isFinite ? d : nil
        case .string(let s)?:
            guard let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite else { return nil }
            return d
        default: return nil
        }
    }

    static func integer(_ v: JSONValue?) -> Int? {
        guard let d = number(v), d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    /// Base metric names in order, and for each base the series folded into it.
    static func classify(_ names: [String]) -> (bases: [String], folded: [String: [Statistic: String]]) {
        let all = Set(names)
        var bases: [String] = []
        var folded: [String: [Statistic: String]] = [:]
        for name in names {
            let match = suffixes.lazy.compactMap { suffix, stat -> (String, Statistic)? in
                guard name.hasSuffix(suffix) else { return nil }
                let base = String(name.dropLast(suffix.count))
                return !base.isEmpty && all.contains(base) ? (base, stat) : nil
            }.first
            if let (base, stat) = match, folded[base]?[stat] == nil {
                folded[base, default: [:]][stat] = name
            } else {
                bases.append(name)
            }
        }
        return (bases, folded)
    }
}
