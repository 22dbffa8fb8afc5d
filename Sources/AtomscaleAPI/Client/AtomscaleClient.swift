import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession implementation of `AtomscaleService`.
///
/// The key goes only to the configured endpoint's origin, and only on API calls: presigned
/// image URLs are fetched without it, and redirects off the origin drop it. GETs are retried
/// as `configuration.retry` says. Every method throws `APIError` only, and no error text
/// contains the key.
public final class AtomscaleClient: AtomscaleService, Sendable {
    public let configuration: APIConfiguration
    /// Called before each retry (on whatever thread the request runs on), e.g. to show
    /// "retrying (2/3) after HTTP 503".
    public let onRetry: (@Sendable (RetryNotice) -> Void)?
    /// Called while a response body arrives, at most every `TransferProgress.interval`
    /// seconds per request, and when it is complete (on URLSession's delegate thread).
    public let onProgress: (@Sendable (TransferProgress) -> Void)?

    /// Ample for a catalogue of tens of thousands of entries, yet bounded.
    static let maxJSONBytes = 256 << 20

    private let transport: HTTPTransport
    private let apiOrigin: URLOrigin?

    public init(configuration: APIConfiguration, onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                onProgress: (@Sendable (TransferProgress) -> Void)? = nil) {
        self.configuration = configuration
        self.onRetry = onRetry
        self.onProgress = onProgress
        transport = HTTPTransport(configuration: configuration)
        apiOrigin = URLOrigin(configuration.endpoint)
    }

    public var origin: String { configuration.origin }

    public func search(_ query: SearchQuery) async throws -> [CatalogueEntry] {
        try await guarded {
            let body = try await getAPI("data_entries/", query: query.queryItems, for: .catalogue)
            return try APIDecoding.catalogue(body)
        }
    }

    public func frames(videoID: String) async throws -> FrameList {
        try await guarded {
            let body = try await getAPI("optical/frame/video_single_frames/" + segment(videoID), for: .frames)
            return try APIDecoding.frames(body)
        }
    }

    /// A 404 means "no metrics for this video", as in the official SDK.
    public func timeseries(videoID: String) async throws -> Timeseries {
        try await guarded {
            let body: Data
            do {
                body = try await getAPI("optical/timeseries/" + segment(videoID) + "/", for: .timeseries)
            } catch let error as APIError where error.isNotFound {
                return .empty
            }
            return try APIDecoding.timeseries(body)
        }
    }

    public func imageLink(imageUUID: String) async throws -> ImageLink {
        try await guarded { try await link(imageUUID) }
    }

    public func imageData(imageUUID: String) async throws -> Data {
        try await guarded {
            let first = try await link(imageUUID)
            do {
                return try await download(first.url)
            } catch let error as APIError where error.httpStatus == 403 {
                // Presigned URLs expire: one fresh link, one more try.
                return try await download(try await link(imageUUID).url)
            }
        }
    }

    // MARK: - Requests

    private func link(_ uuid: String) async throws(APIError) -> ImageLink {
        let body = try await getAPI("data_entries/processed_data/" + segment(uuid),
                                    query: [URLQueryItem(name: "return_as", value: "url-download")], for: .imageLink)
        return try APIDecoding.imageLink(body)
    }

    /// Ids become one encoded path segment. An empty id names nothing; it is answered as the
    /// server answers an unknown id, without asking it (the bare prefix is another endpoint).
    private func segment(_ id: String) throws(APIError) -> String {
        guard !id.isEmpty else { throw .http(status: 404, message: "empty id") }
        return Endpoint.segment(id)
    }

    private func getAPI(_ path: String, query: [URLQueryItem] = [],
                        for resource: TransferProgress.Resource) async throws(APIError) -> Data {
        // Checked before anything touches the network.
        guard let key = configuration.apiKey else { throw .missingAPIKey }
        guard let url = Endpoint.url(base: configuration.endpoint, path: path, query: query) else {
            throw .transport("cannot build a request URL from the endpoint")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let apiOrigin, URLOrigin(url) == apiOrigin {
            request.setValue(key, forHTTPHeaderField: "X-API-KEY")
        }
        return try await fetch(request, maxBytes: Self.maxJSONBytes, resource: resource).body
    }

    /// The presigned URL carries its own authorisation: never the key, whatever its origin.
    private func download(_ url: URL) async throws(APIError) -> Data {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        let body = try await fetch(request, maxBytes: configuration.maxImageBytes, resource: .image).body
        if body.isEmpty { throw .decoding("image: empty response") }
        return body
    }

    /// One GET with retries; answers other than 2xx become `.http` errors.
    private func fetch(_ request: URLRequest, maxBytes: Int,
                       resource: TransferProgress.Resource) async throws(APIError) -> HTTPResult {
        let policy = configuration.retry
        let progress = onProgress.map { report in
            { @Sendable (received: Int, expected: Int?, complete: Bool) in
                report(TransferProgress(resource: resource, received: received, expected: expected, complete: complete))
            }
        }
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            let error: APIError
            let retryable: Bool
            var retryAfter: Double?
            switch await transport.send(request, maxBytes: maxBytes, progress: progress) {
            case .success(let result) where (200..<300).contains(result.status):
                return result
            case .success(let result):
                error = .http(status: result.status, message: ErrorBody.message(result.body))
                retryable = RetryPolicy.isRetryable(status: result.status)
                retryAfter = policy.retryAfterDelay(result.headers["retry-after"])
            case .failure(let failure):
                error = failure.error
                retryable = failure.retryable
            }
            guard retryable, attempt < policy.maxAttempts, !Task.isCancelled else { throw error }
            attempt += 1
            let delay = retryAfter ?? policy.backoff(beforeAttempt: attempt, unitRandom: Double.random(in: 0..<1))
            onRetry?(RetryNotice(attempt: attempt, maxAttempts: policy.maxAttempts, reason: Self.reason(error), delay: delay))
            do {
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            } catch {
                throw .cancelled
            }
        }
    }

    private static func reason(_ error: APIError) -> String {
        switch error {
        case .http(let status, _): return "HTTP \(status)"
        case .timeout: return "timeout"
        default: return "connection error"
        }
    }

    /// Every public call ends here: errors become `APIError`, and a server that echoes the key
    /// back (some proxies print request headers on error pages) does not get it displayed.
    private func guarded<T>(_ body: () async throws -> T) async throws(APIError) -> T {
        do {
            return try await body()
        } catch let error as APIError {
            throw Self.redacting(error, key: configuration.apiKey)
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport("unexpected failure")
        }
    }

    static func redacting(_ error: APIError, key: String?) -> APIError {
        guard let key, !key.isEmpty else { return error }
        func clean(_ s: String) -> String { s.replacingOccurrences(of: key, with: "[redacted]") }
        switch error {
        case .transport(let m): return .transport(clean(m))
        case .http(let status, let m): return .http(status: status, message: clean(m))
        case .decoding(let m): return .decoding(clean(m))
        default: return error
        }
    }
}
