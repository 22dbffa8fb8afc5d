import Foundation

/// Where commands write. Tests substitute buffers; the real one writes to stdout/stderr.
final class Output: @unchecked Sendable {
    // Guarded by `lock`: commands may write from background tasks (progress output).
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    static let standard = Output(
        out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
        err: { s in FileHandle.standardError.write(Data(s.utf8)) })

    func print(_ s: String) { lock.withLock { writeOut(s + "\n") } }
    func write(_ s: String) { lock.withLock { writeOut(s) } }
    func error(_ s: String) { lock.withLock { writeErr("atomscale-tui: " + s + "\n") } }
    func rawError(_ s: String) { lock.withLock { writeErr(s) } }
}

/// Collects output in memory, for tests.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }
    lazy var output: Output = Output(
        out: { [unowned self] s in self.lock.withLock { self.outText += s } },
        err: { [unowned self] s in self.lock.withLock { self.errText += s } })
}
