import Foundation

/// The user's config file: `$XDG_CONFIG_HOME/atomscale-tui/config`, else
/// `~/.config/atomscale-tui/config`. Every field is optional; nil means "not set here", so the
/// caller layers it under command-line flags and the SDK's environment variables.
///
/// Format: `key = value` lines, `#` comments on their own line or after whitespace, blank
/// lines, values optionally in double quotes (with `\"` and `\\`; quote a value to keep a
/// ` #` in it). Unknown keys and bad values are errors, not warnings: a typo in a key should
/// not silently leave a setting at its default.
public struct ConfigFile: Equatable, Sendable {
    public enum Colors: String, Sendable, CaseIterable {
        case auto, truecolor, palette256 = "256", palette16 = "16", none
    }

    public enum ImageMode: String, Sendable, CaseIterable {
        case auto, kitty, blocks, ascii, off
    }

    /// Where the file was read from, for messages.
    public var path: String
    /// API base URL (http or https).
    public var endpoint: URL?
    public var anomalyThreshold: Double?
    /// With `~` expanded.
    public var downloadDirectory: String?
    /// Seconds, > 0.
    public var refreshInterval: Double?
    public var colors: Colors?
    public var image: ImageMode?
    /// With `~` expanded. The key itself is read elsewhere, when needed.
    public var apiKeyFile: String?

    public init(path: String, endpoint: URL? = nil, anomalyThreshold: Double? = nil,
                downloadDirectory: String? = nil, refreshInterval: Double? = nil,
                colors: Colors? = nil, image: ImageMode? = nil, apiKeyFile: String? = nil) {
        self.path = path
        self.endpoint = endpoint
        self.anomalyThreshold = anomalyThreshold
        self.downloadDirectory = downloadDirectory
        self.refreshInterval = refreshInterval
        self.colors = colors
        self.image = image
        self.apiKeyFile = apiKeyFile
    }

    /// The path the config is looked for at. A relative XDG_CONFIG_HOME is ignored (XDG spec).
    public static func defaultPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/atomscale-tui/config"
        }
        return homeDirectory(environment: environment) + "/.config/atomscale-tui/config"
    }

    /// Reads and parses the config; nil when there is no file (having none is normal).
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigFileError) -> ConfigFile? {
        let path = defaultPath(environment: environment)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            throw ConfigFileError(path: path, line: nil, problem: "is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(path: path, line: nil, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(path: path, line: nil, problem: "is not valid UTF-8")
        }
        return try parse(text: text, path: path, homeDirectory: homeDirectory(environment: environment))
    }

    static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }
}

/// A config problem, already phrased for the user: `path:line: problem`.
public struct ConfigFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// 1-based; nil for problems with the file as a whole.
    public let line: Int?
    public let problem: String

    public init(path: String, line: Int?, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var message: String {
        if let line { return "\(path):\(line): \(problem)" }
        return "\(path): \(problem)"
    }

    public var description: String { message }
}
