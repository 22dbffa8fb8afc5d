/// ISO 8601 timestamps from Unix seconds, by hand: DateFormatter is slow enough to matter at
/// 300,000 timestamps (the large catalogue) and the demo never reads the clock anyway.
enum ISODate {
    /// 2025-01-01T00:00:00Z: the start of the span the demo's data claims to come from.
    static let start2025: Int64 = 1_735_689_600
    /// Seconds in 2025 and 2026 together.
    static let twoYears: Int64 = 730 * 86_400

    enum Style { case pythonMicros, zulu }

    /// `2025-03-11T14:22:05.123456+00:00` (what Python's isoformat emits) or `...05Z`.
    static func string(seconds: Int64, micros: Int = 0, style: Style = .pythonMicros) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rem = Int(seconds - days * 86_400)
        let (y, m, d) = civil(days: days)
        var s = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        s += "T" + pad(rem / 3600, 2) + ":" + pad(rem / 60 % 60, 2) + ":" + pad(rem % 60, 2)
        switch style {
        case .pythonMicros: s += "." + pad(micros, 6) + "+00:00"
        case .zulu: s += "Z"
        }
        return s
    }

    /// Howard Hinnant's days-from-epoch to proleptic Gregorian date.
    static func civil(days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
