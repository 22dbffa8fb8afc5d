import Foundation

/// One request the demo server answered, for tests that check what a client sent (the API
/// key only to the API origin, retries after a fault, how often frames were fetched).
public struct DemoExchange: Sendable {
    public let request: HTTPRequest
    public let status: Int
    /// The fault that shaped the response, if any.
    public let fault: FaultPlan.Action?
}

/// Thread-safe, bounded record of exchanges: the newest `capacity` are kept, and a running
/// total counts all of them.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [DemoExchange] = []
    private var dropped = 0
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    func append(_ e: DemoExchange) {
        lock.withLock {
            items.append(e)
            // Trim in batches so a long-running demo does not shift the array per request.
            if items.count > capacity + capacity / 4 {
                let excess = items.count - capacity
                items.removeFirst(excess)
                dropped += excess
            }
        }
    }

    var all: [DemoExchange] { lock.withLock { items } }
    var total: Int { lock.withLock { dropped + items.count } }
    func clear() { lock.withLock { items.removeAll(); dropped = 0 } }
}
