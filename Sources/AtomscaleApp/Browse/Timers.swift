import BrowserCore
import Foundation

/// The reducer's timers, kept as deadlines on the UI thread. They fire from the loop's own
/// wait (its poll timeout is the nearest deadline), so no thread ticks while idle.
struct Timers {
    private var deadlines: [TimerID: Double] = [:]

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    mutating func schedule(_ id: TimerID, after seconds: Double, now: Double = Timers.now()) {
        deadlines[id] = now + max(0, seconds)
    }

    mutating func cancel(_ id: TimerID) { deadlines.removeValue(forKey: id) }

    /// Seconds until the nearest deadline; nil when none is set (wait forever).
    func timeout(now: Double = Timers.now()) -> Double? {
        deadlines.values.min().map { max(0, $0 - now) }
    }

    /// Removes and returns the timers that are due, earliest first.
    mutating func takeDue(now: Double = Timers.now()) -> [TimerID] {
        let due = deadlines.filter { $0.value <= now }.sorted { $0.value < $1.value }.map(\.key)
        for id in due { deadlines.removeValue(forKey: id) }
        return due
    }
}
