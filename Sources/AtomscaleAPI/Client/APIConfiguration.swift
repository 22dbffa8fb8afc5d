import Foundation

/// Where the API is and how to authenticate: the resolved endpoint, the key (nil when none
/// is configured: calls then fail with `APIError.missingAPIKey`), and the per-request timeout.
public struct APIConfiguration: Sendable {
    public static let defaultEndpoint = URL(string: "https://api.atomscale.ai/")!
    public static let defaultMaxImageBytes = 64 << 20

    /// The base URL, always ending in `/`.
    public let endpoint: URL
    public let apiKey: String?
    /// Seconds a request may wait for the server before it fails with `.timeout`.
    public let timeout: Double
    /// Seconds one attempt may take in all (connect, headers, body). A server that trickles
    /// bytes keeps an idle timer happy forever; this bounds it.
    public let deadline: Double
    public let retry: RetryPolicy
    /// Image downloads larger than this fail instead of filling memory.
    public let maxImageBytes: Int

    /// `deadline` defaults to four times `timeout`.
    public init(endpoint: URL, apiKey: String?, timeout: Double = 30, retry: RetryPolicy = .standard,
                deadline: Double? = nil, maxImageBytes: Int = APIConfiguration.defaultMaxImageBytes) {
        self.endpoint = Self.withTrailingSlash(endpoint)
        self.apiKey = apiKey
        let t = timeout.isFinite && timeout > 0 ? timeout : 30
        self.timeout = t
        let d = deadline ?? t * 4
        self.deadline = d.isFinite && d > 0 ? d : t * 4
        self.retry = retry
        self.maxImageBytes = max(1, maxImageBytes)
    }

    /// `scheme://host[:port]` of the endpoint: the only origin that ever sees the key.
    public var origin: String { URLOrigin(endpoint)?.text ?? "" }

    static func withTrailingSlash(_ url: URL) -> URL {
        let text = url.absoluteString
        return text.hasSuffix("/") ? url : (URL(string: text + "/") ?? url)
    }
}

// Printing or dumping a configuration (logs, test failures) must not reveal the key.
extension APIConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "APIConfiguration(endpoint: \(endpoint.absoluteString), apiKey: \(apiKey == nil ? "none" : "set"), timeout: \(timeout.formatted0)s)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": endpoint, "apiKey": apiKey == nil ? "none" : "<redacted>",
                                "timeout": timeout, "deadline": deadline, "retry": retry,
                                "maxImageBytes": maxImageBytes])
    }
}

/// A configuration problem (bad endpoint, unreadable key file), phrased for the user and never
/// containing the key itself.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
