import Foundation

/// How GET requests are retried on faults a second try can cure: connection errors, timeouts,
/// 429 and 502/503/504. Other 4xx answers are final. Tests shrink the delays; the attempt
/// limit stays small so a dead server fails in seconds, not minutes.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in total, the first included (1 disables retrying).
    public var maxAttempts: Int
    /// Seconds before the first retry; doubles for each further one.
    public var baseDelay: Double
    /// Upper bound of the exponential backoff.
    public var maxDelay: Double
    /// Upper bound on a server's `Retry-After`, so a hostile proxy cannot park a request.
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 4, maxRetryAfter: Double = 10) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    public static let standard = RetryPolicy()
    public static let none = RetryPolicy(maxAttempts: 1)

    public static func isRetryable(status: Int) -> Bool { [429, 502, 503, 504].contains(status) }

    /// Delay before attempt `attempt` (2 for the first retry). Half of it is random ("equal
    /// jitter") so that many clients knocked over together do not come back in step.
    public func backoff(beforeAttempt attempt: Int, unitRandom: Double) -> Double {
        let exponent = Double(max(0, attempt - 2))
        let full = min(maxDelay, baseDelay * pow(2, exponent))
        return full / 2 + full / 2 * min(max(unitRandom, 0), 1)
    }

    /// The delay a `Retry-After` header asks for, capped; nil when absent or an HTTP date
    /// (dates are rare for 429/503 and the backoff is a fine substitute).
    public func retryAfterDelay(_ header: String?) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), let seconds = Double(text),
              seconds.isFinite else { return nil }
        return min(max(0, seconds), maxRetryAfter)
    }
}

/// Told to the client's observer before each retry, so a UI can show
/// "retrying (2/3) after HTTP 503".
public struct RetryNotice: Hashable, Sendable, CustomStringConvertible {
    /// The attempt about to be made (2 for the first retry).
    public let attempt: Int
    public let maxAttempts: Int
    /// Why: "HTTP 503", "timeout" or "connection error".
    public let reason: String
    /// Seconds waited before the attempt.
    public let delay: Double

    public init(attempt: Int, maxAttempts: Int, reason: String, delay: Double) {
        self.attempt = attempt; self.maxAttempts = maxAttempts; self.reason = reason; self.delay = delay
    }

    public var description: String { "retrying (\(attempt)/\(maxAttempts)) after \(reason)" }
}
