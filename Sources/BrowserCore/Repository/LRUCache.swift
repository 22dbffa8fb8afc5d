/// A small least-recently-used cache bounded by entry count and by a cost budget (bytes for
/// images, 1 per entry elsewhere). Eviction scans for the oldest entry: the caches here hold
/// at most a few hundred entries, where a scan is cheaper than maintaining a linked list.
struct LRUCache<Key: Hashable, Value> {
    fileprivate struct Entry { var value: Value; var cost: Int; var stamp: UInt64 }
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    private(set) var totalCost = 0
    let maxCount: Int
    let maxCost: Int

    init(maxCount: Int, maxCost: Int = .max) {
        self.maxCount = max(1, maxCount)
        self.maxCost = max(1, maxCost)
    }

    var count: Int { entries.count }

    mutating func value(for key: Key) -> Value? {
        guard var e = entries[key] else { return nil }
        clock += 1
        e.stamp = clock
        entries[key] = e
        return e.value
    }

    func peek(_ key: Key) -> Value? { entries[key]?.value }

    mutating func insert(_ value: Value, for key: Key, cost: Int = 1) {
        // Something larger than the whole budget is not worth evicting everything for.
        guard cost <= maxCost else { return }
        remove(key)
        clock += 1
        entries[key] = Entry(value: value, cost: cost, stamp: clock)
        totalCost += cost
        while entries.count > maxCount || totalCost > maxCost {
            guard let oldest = entries.min(by: { $0.value.stamp < $1.value.stamp })?.key else { break }
            remove(oldest)
        }
    }

    mutating func remove(_ key: Key) {
        if let e = entries.removeValue(forKey: key) { totalCost -= e.cost }
    }

    mutating func removeAll() {
        entries.removeAll()
        totalCost = 0
    }
}

// A plain value: safe to send when what it holds is (the preview cache lives in AppState).
extension LRUCache: Sendable where Key: Sendable, Value: Sendable {}
extension LRUCache.Entry: Sendable where Key: Sendable, Value: Sendable {}
