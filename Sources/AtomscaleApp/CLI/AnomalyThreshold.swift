import Foundation
import BrowserCore

/// The anomaly threshold of the browser: `--anomaly-threshold X`, else `anomaly_threshold`
/// in the config file, else 0.5. A frame is anomalous when any metric's anomaly probability
/// at it is at least the threshold.
enum AnomalyThreshold {
    static let flag = "--anomaly-threshold"

    /// The flag's value, checked: a number from 0 to 1 (a usage error otherwise).
    static func flagValue(_ args: Arguments) throws(UsageError) -> Double? {
        guard let raw = args.value(flag) else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite, (0.0...1.0).contains(value) else {
            throw UsageError("\(flag) must be a number from 0 to 1, not '\(raw)'")
        }
        return value
    }

    /// Flags override the config file.
    static func resolve(flag: Double?, config: ConfigFile?) -> Double {
        flag ?? config?.anomalyThreshold ?? Anomalies.defaultThreshold
    }
}
