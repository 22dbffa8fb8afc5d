import DemoServer
import Foundation
@testable import AtomscaleAPI

/// Every request a test server saw, in arrival order.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [HTTPRequest] = []

    /// Records the request and returns how many requests to the same path came before it.
    func record(_ request: HTTPRequest) -> Int {
        lock.withLock {
            list.append(request)
            return list.filter { $0.path == request.path }.count - 1
        }
    }

    var all: [HTTPRequest] { lock.withLock { list } }
    func count(_ path: String) -> Int { all.filter { $0.path == path }.count }
    func requests(_ path: String) -> [HTTPRequest] { all.filter { $0.path == path } }
}

/// A loopback server whose handler also gets the number of earlier hits on the same path.
struct TestServer {
    let http: HTTPServer
    let log: RequestLog
    var base: URL { http.baseURL }
    /// The same server under another origin (`localhost` instead of `127.0.0.1`).
    var otherOriginBase: URL { URL(string: "http://localhost:\(http.port)/")! }

    static func start(_ handler: @escaping @Sendable (HTTPRequest, Int) -> HTTPResponse) throws -> TestServer {
        let log = RequestLog()
        let http = try HTTPServer.start { request in handler(request, log.record(request)) }
        return TestServer(http: http, log: log)
    }

    func stop() { http.stop() }
}

extension RetryPolicy {
    /// Real retries with delays too short to slow the suite.
    static let fast = RetryPolicy(maxAttempts: 3, baseDelay: 0.001, maxDelay: 0.004, maxRetryAfter: 0.05)
}

let testKey = "test-key-9f8e7d6c"

func makeClient(_ base: URL, key: String? = testKey, retry: RetryPolicy = .fast, timeout: Double = 10,
                deadline: Double? = nil, maxImageBytes: Int = APIConfiguration.defaultMaxImageBytes,
                onRetry: (@Sendable (RetryNotice) -> Void)? = nil) -> AtomscaleClient {
    AtomscaleClient(configuration: APIConfiguration(endpoint: base, apiKey: key, timeout: timeout, retry: retry,
                                                    deadline: deadline, maxImageBytes: maxImageBytes),
                    onRetry: onRetry)
}

/// Runs `body` and returns the `APIError` it throws (nil when it succeeds or throws another type).
func apiError<T>(_ body: () async throws -> T) async -> APIError? {
    do {
        _ = try await body()
        return nil
    } catch let error as APIError {
        return error
    } catch {
        return nil
    }
}

final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [RetryNotice] = []
    func add(_ n: RetryNotice) { lock.withLock { list.append(n) } }
    var all: [RetryNotice] { lock.withLock { list } }
}

func json(_ text: String) -> Data { Data(text.utf8) }
