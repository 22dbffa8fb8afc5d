import FrameDownloads
import Foundation

/// Download progress on stderr. On a terminal: one line redrawn in place (`\r`, then the
/// line is cleared to its end with `ESC [K`), e.g. `[#########.........]  120/300  1 failed`.
/// Elsewhere (a log file, CI): one plain line per finished file, since `\r` redraws turn
/// into one unreadable line there.
final class ProgressBar: @unchecked Sendable {
    static let barWidth = 30

    private let output: Output
    private let live: Bool
    // Guarded by `lock`: updates come from the downloader's task.
    private let lock = NSLock()
    private var last = FrameDownloadProgress(total: 0)
    private var drawn = false

    init(output: Output, live: Bool) {
        self.output = output
        self.live = live
    }

    func update(_ p: FrameDownloadProgress) {
        lock.withLock {
            defer { last = p }
            if live {
                output.rawError("\r" + Self.line(p) + "\u{1B}[K")
                drawn = true
                return
            }
            let what = p.saved > last.saved ? "saved" : p.skipped > last.skipped ? "already there" : "failed"
            output.rawError("\(Self.counter(p)) \(what) \(p.lastFile ?? "")\n")
        }
    }

    /// Ends the redrawn line so the summary starts on a fresh one.
    func finish() {
        lock.withLock { if live && drawn { output.rawError("\n") } }
    }

    static func line(_ p: FrameDownloadProgress) -> String {
        let filled = p.total == 0 ? barWidth : p.finished * barWidth / p.total
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]  "
        text += counter(p)
        if p.skipped > 0 { text += "  \(p.skipped) already there" }
        if p.failed > 0 { text += "  \(p.failed) failed" }
        return text
    }

    /// `  12/300`, padded so the column does not jitter.
    static func counter(_ p: FrameDownloadProgress) -> String {
        let total = String(p.total)
        let done = String(p.finished)
        return String(repeating: " ", count: max(0, total.count - done.count)) + done + "/" + total
    }
}
