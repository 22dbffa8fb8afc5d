import Foundation

/// Every failure of the API layer. Messages are short, user-facing, and never contain the
/// API key (request headers are never copied into an error).
public enum APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No API key configured for a call that needs one.
    case missingAPIKey
    /// Could not connect, DNS failure, connection reset, ...
    case transport(String)
    case timeout(seconds: Double)
    /// Non-2xx answer; `message` is the server's `detail` (or a short excerpt of the body).
    case http(status: Int, message: String)
    /// 2xx answer whose body is not what the endpoint promises.
    case decoding(String)
    case cancelled

    public var description: String { message }

    public var message: String {
        switch self {
        case .missingAPIKey: return "no API key: set AS_API_KEY or pass --api-key-file PATH"
        case .transport(let m): return "network error: \(m)"
        case .timeout(let s): return "timed out after \(s.formatted0)s"
        case .http(let status, let m):
            let name = HTTPStatusName.name(status)
            let head = name.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(name)"
            return m.isEmpty ? head : "\(head): \(m)"
        case .decoding(let m): return "unexpected response: \(m)"
        case .cancelled: return "cancelled"
        }
    }

    public var httpStatus: Int? {
        if case .http(let s, _) = self { return s }
        return nil
    }

    public var isNotFound: Bool { httpStatus == 404 }
}

enum HTTPStatusName {
    static func name(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}

extension Double {
    var formatted0: String { self == rounded() ? String(Int(self)) : String(format: "%.1f", self) }
}
