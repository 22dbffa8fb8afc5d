import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A complete answer of any status.
struct HTTPResult: Sendable {
    let status: Int
    /// Names lower-cased.
    let headers: [String: String]
    let body: Data
}

/// One URLSession per client, driven through its delegate rather than the async
/// conveniences, because the delegate is where redirects, size caps and a hard deadline can
/// be enforced. Every request ends exactly once: completion, cancellation, the deadline or
/// the size cap, whichever comes first.
final class HTTPTransport: Sendable {
    private let session: URLSession
    private let delegate: SessionDelegate
    let timeout: Double
    let deadline: Double

    init(configuration: APIConfiguration) {
        // Ephemeral: no cookies, cache or credentials on disk, nothing shared with other
        // sessions of the process.
        let config = URLSessionConfiguration.ephemeral
        // FoundationNetworking truncates this to whole seconds and does not restart it while
        // data flows, so it acts as a per-attempt bound; `deadline` is the precise one.
        config.timeoutIntervalForRequest = max(1, configuration.timeout.rounded(.up))
        config.timeoutIntervalForResource = max(1, configuration.deadline.rounded(.up) + 1)
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        config.urlCache = nil
        config.urlCredentialStorage = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        delegate = SessionDelegate(apiOrigin: URLOrigin(configuration.endpoint))
        session = URLSession(configuration: config, delegate: delegate, delegateQueue: nil)
        timeout = configuration.timeout
        deadline = configuration.deadline
    }

    deinit { session.finishTasksAndInvalidate() }

    /// `progress` hears (bytes so far, announced length, complete) as the body arrives.
    func send(_ request: URLRequest, maxBytes: Int,
              progress: SessionDelegate.Progress? = nil) async -> Result<HTTPResult, AttemptFailure> {
        let handle = CancelHandle()
        let delegate = self.delegate
        let session = self.session
        let target = URLOrigin(request.url)?.hostAndPort ?? "the server"
        let (timeout, deadline) = (self.timeout, self.deadline)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let task = session.dataTask(with: request)
                let id = task.taskIdentifier
                delegate.register(id, SessionDelegate.Exchange(continuation: continuation, maxBytes: maxBytes,
                                                               target: target, timeout: timeout, progress: progress))
                let abort: @Sendable () -> Void = { [weak task] in delegate.end(id, with: .cancelled, cancelling: task) }
                guard handle.attach(abort) else { return abort() }
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [weak task] in
                    delegate.end(id, with: AttemptFailure(error: .timeout(seconds: deadline), retryable: true), cancelling: task)
                }
                task.resume()
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// Lets task cancellation reach a request whose URLSession task may not exist yet.
private final class CancelHandle: Sendable {
    private let state = LockedValue<(cancelled: Bool, abort: (@Sendable () -> Void)?)>((false, nil))

    /// False when cancellation came first: the caller aborts at once.
    func attach(_ abort: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { s in
            if s.cancelled { return false }
            s.abort = abort
            return true
        }
    }

    func cancel() {
        let abort = state.withLock { s -> (@Sendable () -> Void)? in
            s.cancelled = true
            return s.abort
        }
        abort?()
    }
}

/// A value behind an NSLock (Synchronization's Mutex needs macOS 15; the package says 14).
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
