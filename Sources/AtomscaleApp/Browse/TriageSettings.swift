import Foundation
import ScreenKit
import TriageStore

/// The browser's issue-4 settings, resolved once at start from flags, the config file and the
/// environment (flags win).
struct TriageSettings: Sendable {
    /// The SQLite file of marks and notes.
    var databasePath: String
    /// What marks are stored under: the API origin, or "demo" for the built-in catalogue
    /// (whose port changes every run), so demo marks never mix with real ones.
    var origin: String
    /// Where `d`/`D` put the per-video folders.
    var downloadDirectory: String
    /// Seconds between refreshes of a live video.
    var refreshInterval: Double
    /// Wrap OSC 52 for tmux's passthrough.
    var insideTmux: Bool

    static let defaultRefreshInterval = 5.0

    static func resolve(_ args: Arguments, config: ConfigFile?, environment: [String: String],
                        origin: String) throws(UsageError) -> TriageSettings {
        TriageSettings(
            databasePath: TriagePaths.defaultDatabasePath(environment: environment),
            origin: origin,
            downloadDirectory: try downloadDirectory(flag: args.value("--download-dir"), config: config),
            refreshInterval: try refreshInterval(args.value("--refresh-interval"), config: config),
            insideTmux: OSC52.insideTmux(environment: environment))
    }

    /// `--download-dir` (or `--dir` for `download`), else `download_dir`, else the current
    /// directory. Made absolute so messages say exactly where files went.
    static func downloadDirectory(flag: String?, config: ConfigFile?) throws(UsageError) -> String {
        if let flag, flag.isEmpty { throw UsageError("the download directory must not be empty") }
        let chosen = flag ?? config?.downloadDirectory ?? FileManager.default.currentDirectoryPath
        if chosen.hasPrefix("/") { return chosen }
        let cwd = FileManager.default.currentDirectoryPath
        return chosen == "." ? cwd : (cwd == "/" ? "" : cwd) + "/" + chosen
    }

    /// Seconds, from 0.5 (gentle on the API) to a day.
    static func refreshInterval(_ flag: String?, config: ConfigFile?) throws(UsageError) -> Double {
        // The config parser accepts any positive number; very short periods are raised to 0.5 s.
        guard let flag else { return max(0.5, config?.refreshInterval ?? defaultRefreshInterval) }
        guard let seconds = Double(flag), seconds.isFinite, seconds >= 0.5, seconds <= 86_400 else {
            throw UsageError("--refresh-interval must be a number of seconds from 0.5 to 86400")
        }
        return seconds
    }
}

extension ServiceSetup {
    /// The origin marks are stored under: "demo" for the built-in catalogue (its port
    /// changes every run, its marks should not), else the API origin the client reports,
    /// else scheme://host[:port] of the endpoint.
    var triageOrigin: String {
        if isDemo { return "demo" }
        if !service.origin.isEmpty { return service.origin }
        guard let url = configuration?.endpoint, let scheme = url.scheme, let host = url.host else { return "unknown" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
