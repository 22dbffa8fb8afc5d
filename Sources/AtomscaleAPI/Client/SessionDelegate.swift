import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Receives every callback of the client's session: collects bodies under a size cap,
/// resolves each request's continuation once, and keeps the API key on its own origin when a
/// server redirects.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// (body bytes so far, announced length, complete).
    typealias Progress = @Sendable (Int, Int?, Bool) -> Void

    final class Exchange {
        let continuation: CheckedContinuation<Result<HTTPResult, AttemptFailure>, Never>
        let maxBytes: Int
        /// `host:port`, for messages.
        let target: String
        let timeout: Double
        let progress: Progress?
        var response: HTTPURLResponse?
        var body = Data()
        /// When progress was last reported (monotonic seconds).
        var reported = 0.0

        init(continuation: CheckedContinuation<Result<HTTPResult, AttemptFailure>, Never>, maxBytes: Int,
             target: String, timeout: Double, progress: Progress? = nil) {
            self.continuation = continuation; self.maxBytes = maxBytes; self.target = target; self.timeout = timeout
            self.progress = progress
        }

        var expectedLength: Int? {
            guard let length = response?.expectedContentLength, length >= 0 else { return nil }
            return Int(length)
        }
    }

    let apiOrigin: URLOrigin?
    private let exchanges = LockedValue<[Int: Exchange]>([:])

    init(apiOrigin: URLOrigin?) { self.apiOrigin = apiOrigin }

    func register(_ id: Int, _ exchange: Exchange) {
        exchanges.withLock { $0[id] = exchange }
    }

    /// Finishes a request early (cancelled, deadline, too large); a no-op when it has already
    /// finished, so the continuation is resumed exactly once.
    func end(_ id: Int, with failure: AttemptFailure, cancelling task: URLSessionTask?) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: id) }) else { return }
        task?.cancel()
        exchange.continuation.resume(returning: .failure(failure))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @Sendable @escaping (URLSession.ResponseDisposition) -> Void) {
        let id = dataTask.taskIdentifier
        let limit: Int? = exchanges.withLock { all in
            guard let exchange = all[id] else { return nil }
            // Bodies of followed redirects are never delivered, so nothing needs discarding.
            exchange.response = response as? HTTPURLResponse
            return response.expectedContentLength > Int64(exchange.maxBytes) ? exchange.maxBytes : nil
        }
        completionHandler(limit == nil ? .allow : .cancel)
        // Refuse a declared oversize body before any of it is buffered.
        if let limit { end(id, with: .tooLarge(limit: limit), cancelling: dataTask) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        var report: (() -> Void)?
        let limit: Int? = exchanges.withLock { all in
            guard let exchange = all[id] else { return nil }
            if exchange.body.count + data.count > exchange.maxBytes { return exchange.maxBytes }
            exchange.body.append(data)
            if let progress = exchange.progress {
                let now = Self.now()
                if now - exchange.reported >= TransferProgress.interval {
                    exchange.reported = now
                    let (received, expected) = (exchange.body.count, exchange.expectedLength)
                    report = { progress(received, expected, false) }
                }
            }
            return nil
        }
        if let limit { end(id, with: .tooLarge(limit: limit), cancelling: dataTask) }
        // Outside the lock: the observer may take its time.
        report?()
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        let outcome = Self.outcome(exchange, error: error, response: task.response as? HTTPURLResponse)
        if case .success(let result) = outcome, (200..<300).contains(result.status), let progress = exchange.progress {
            progress(result.body.count, exchange.expectedLength, true)
        }
        exchange.continuation.resume(returning: outcome)
    }

    private static func outcome(_ exchange: Exchange, error: Error?, response: HTTPURLResponse?) -> Result<HTTPResult, AttemptFailure> {
        let http = exchange.response ?? response
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String { headers[name.lowercased()] = "\(value)" }
        }
        if let error {
            let failure = AttemptFailure.from(error, target: exchange.target, timeout: exchange.timeout)
            // libcurl reports a body cut short as a bare error (URL error -1); say what happened.
            if case .transport = failure.error, let http, let cut = cutShort(exchange, http, headers) { return .failure(cut) }
            return .failure(failure)
        }
        guard let http else {
            return .failure(AttemptFailure(error: .transport("no HTTP response from \(exchange.target)"), retryable: true))
        }
        // A connection closed early may also end "successfully"; Content-Length tells.
        if let cut = cutShort(exchange, http, headers) { return .failure(cut) }
        return .success(HTTPResult(status: http.statusCode, headers: headers, body: exchange.body))
    }

    /// A body shorter than its Content-Length. (With a Content-Encoding the length counts
    /// compressed bytes, so it cannot be compared.)
    private static func cutShort(_ exchange: Exchange, _ http: HTTPURLResponse, _ headers: [String: String]) -> AttemptFailure? {
        let expected = http.expectedContentLength
        guard headers["content-encoding"] == nil, expected > 0, Int64(exchange.body.count) < expected else { return nil }
        return AttemptFailure(
            error: .transport("connection to \(exchange.target) closed after \(exchange.body.count) of \(expected) bytes"),
            retryable: true)
    }

    /// Follows redirects, but a request leaving the API's origin (another host, port or
    /// scheme, a downgrade to http included) loses the key; non-http(s) targets are refused,
    /// which hands the 3xx itself back as the answer.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @Sendable @escaping (URLRequest?) -> Void) {
        completionHandler(Self.redirect(request, apiOrigin: apiOrigin))
    }

    static func redirect(_ request: URLRequest, apiOrigin: URLOrigin?) -> URLRequest? {
        guard let target = URLOrigin(request.url) else { return nil }
        var next = request
        if apiOrigin == nil || target != apiOrigin {
            next.setValue(nil, forHTTPHeaderField: "X-API-KEY")
        }
        return next
    }
}
