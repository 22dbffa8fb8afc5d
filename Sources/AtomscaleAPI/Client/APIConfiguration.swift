import Foundation

/// Where the API is and how to authenticate: the resolved endpoint, the key (nil when none
/// is configured: calls then fail with `APIError.missingAPIKey`), and the per-request timeout.
public struct APIConfiguration: Sendable {
    public static let defaultEndpoint = URL(string: "https://api.atomscale.ai/")!

    /// The base URL, always ending in `/`.
    public let endpoint: URL
    public let apiKey: String?
    /// Seconds a request may wait for the server before it fails with `.timeout`.
    public let timeout: Double

    public init(endpoint: URL, apiKey: String?, timeout: Double = 30) {
        self.endpoint = Self.withTrailingSlash(endpoint)
        self.apiKey = apiKey
        self.timeout = timeout
    }

    static func withTrailingSlash(_ url: URL) -> URL {
        let text = url.absoluteString
        return text.hasSuffix("/") ? url : (URL(string: text + "/") ?? url)
    }
}

/// A configuration problem (bad endpoint, unreadable key file), phrased for the user and never
/// containing the key itself.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
