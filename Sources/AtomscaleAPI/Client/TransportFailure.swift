import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A failed attempt: the error to report and whether another attempt could help.
struct AttemptFailure: Error, Sendable {
    let error: APIError
    let retryable: Bool

    static let cancelled = AttemptFailure(error: .cancelled, retryable: false)

    /// Maps URLSession's errors to short texts that name at most `host:port`; the URL's path
    /// and query (ids, presigned signatures) never appear, nor do any headers.
    static func from(_ error: Error, target: String, timeout: Double) -> AttemptFailure {
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else {
            return AttemptFailure(error: .transport("request to \(target) failed"), retryable: true)
        }
        func transport(_ text: String, retry: Bool = true) -> AttemptFailure {
            AttemptFailure(error: .transport(text), retryable: retry)
        }
        let host = target.split(separator: ":").dropLast().joined(separator: ":")
        switch URLError.Code(rawValue: ns.code) {
        case .timedOut: return AttemptFailure(error: .timeout(seconds: timeout), retryable: true)
        case .cancelled: return .cancelled
        case .cannotConnectToHost: return transport("cannot connect to \(target)")
        case .cannotFindHost, .dnsLookupFailed: return transport("cannot resolve host \(host.isEmpty ? target : host)")
        case .networkConnectionLost: return transport("connection to \(target) was lost")
        case .notConnectedToInternet: return transport("no network connection")
        case .badServerResponse, .cannotParseResponse: return transport("invalid HTTP response from \(target)")
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return transport("too many or broken redirects from \(target)", retry: false)
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return transport("secure (TLS) connection to \(target) failed", retry: false)
        case .badURL, .unsupportedURL: return transport("cannot request \(target): unsupported URL", retry: false)
        default: return transport("request to \(target) failed (URL error \(ns.code))")
        }
    }

    static func tooLarge(limit: Int) -> AttemptFailure {
        let mib = Double(limit) / 1_048_576
        return AttemptFailure(error: .transport("response larger than the \(mib.formatted0) MiB limit"), retryable: false)
    }
}
