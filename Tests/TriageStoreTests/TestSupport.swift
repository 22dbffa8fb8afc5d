import Foundation

/// A fresh directory under /tmp per test, removed when the value is dropped by `defer`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/triage-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

func writeBytes(_ bytes: [UInt8], to path: String) {
    precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
}

func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// A clock that returns fixed, increasing instants so timestamps in tests are exact.
final class FixedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next: TimeInterval

    init(start: TimeInterval = 1_740_830_400) { next = start }  // 2025-03-01T12:00:00Z

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let date = Date(timeIntervalSince1970: next)
        next += 1
        return date
    }
}
