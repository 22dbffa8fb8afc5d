import Foundation

/// A small thread-safe LRU bounded by entry count and total cost (bytes). The server's
/// handler runs on one thread per connection, and clients fetch the same frames and bodies
/// over and over while an operator scrolls, so generated bodies are kept, within limits.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private struct Slot {
        var value: Value
        var cost: Int
        var used: UInt64
    }

    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]
    private var clock: UInt64 = 0
    private var totalCost = 0
    let maxEntries: Int
    let maxCost: Int

    init(maxEntries: Int, maxCost: Int) {
        self.maxEntries = maxEntries
        self.maxCost = maxCost
    }

    func value(for key: Key) -> Value? {
        lock.withLock {
            guard var slot = slots[key] else { return nil }
            clock += 1
            slot.used = clock
            slots[key] = slot
            return slot.value
        }
    }

    /// Stores a value; one bigger than the whole budget is not kept at all.
    func insert(_ value: Value, for key: Key, cost: Int) {
        guard cost <= maxCost else { return }
        lock.withLock {
            clock += 1
            if let old = slots.updateValue(Slot(value: value, cost: cost, used: clock), forKey: key) {
                totalCost -= old.cost
            }
            totalCost += cost
            // Linear eviction scan: the caches hold tens of entries, not thousands.
            while slots.count > maxEntries || totalCost > maxCost {
                guard let victim = slots.min(by: { $0.value.used < $1.value.used }) else { break }
                totalCost -= victim.value.cost
                slots.removeValue(forKey: victim.key)
            }
        }
    }

    /// The cached value, or one made by `make` (outside the lock, so other keys stay
    /// available while a large body is built; two racing builders just both build).
    func value(for key: Key, cost: (Value) -> Int, make: () -> Value) -> Value {
        if let v = value(for: key) { return v }
        let v = make()
        insert(v, for: key, cost: cost(v))
        return v
    }

    var count: Int { lock.withLock { slots.count } }
}
