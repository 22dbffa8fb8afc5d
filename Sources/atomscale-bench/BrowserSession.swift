import DemoServer
import Foundation

/// The browser as a user runs it, for the pty benchmarks: `demo-server --scale large` in
/// one process, atomscale-tui (release build) in a 200x60 pty pointed at it, brought to its
/// first screen with the 50,000 videos listed.
final class BrowserSession {
    static let columns = 200, rows = 60
    let server: DemoServerProcess
    let pty: PtyProcess
    let scratch: URL
    let facts = DemoCatalogue.large.facts
    /// Seconds from spawn to the videos list.
    let launchSeconds: Double

    init(_ arguments: BenchmarkArguments, name: String, server: DemoServerProcess? = nil) throws {
        let tui = try BenchPaths.tui(arguments)
        scratch = try BenchPaths.scratch(name)
        self.server = try server ?? DemoServerProcess(tui: tui)
        let began = Clock.now()
        pty = try PtyProcess(tui, [], environment: BenchPaths.browserEnvironment(endpoint: self.server.url, scratch: scratch),
                             columns: Self.columns, rows: Self.rows)
        guard pty.waitFor("\(facts.opticalCount) optical videos", timeout: 180) != nil else {
            throw BenchmarkError(description: "the browser never listed the videos")
        }
        launchSeconds = Clock.now() - began
        // The first video's frames and the marks database arrive just after.
        pty.settle(quiet: 0.5)
    }

    /// Selects the 20,000-frame video with `/` (its id's first 8 characters) and Enter, and
    /// waits for its frames ("1/20000" in the frames panel's header).
    func openLargestVideo() throws {
        let offset = pty.output.count
        pty.send("/" + facts.largestVideoID.prefix(8) + "\r")
        guard pty.waitFor("1/\(facts.largestFrameCount)", from: offset, timeout: 60) != nil else {
            throw BenchmarkError(description: "the \(facts.largestFrameCount)-frame video's frames never appeared")
        }
        pty.settle(quiet: 0.5)
    }

    func stop(keepServer: Bool = false) {
        pty.finish(quit: "q")
        if !keepServer { server.stop() }
        try? FileManager.default.removeItem(at: scratch)
    }
}

/// `less` on a file in the same kind of pty: the reference for key latency, bytes per
/// move and idle CPU (a classic full-screen terminal program).
enum LessReference {
    static func start(file: String) throws -> PtyProcess? {
        guard let less = ExternalTool.find("less") else { return nil }
        let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LESSHISTFILE": "-",
                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let pty = try PtyProcess(less, [file], environment: env, columns: BrowserSession.columns, rows: BrowserSession.rows)
        pty.settle(quiet: 0.5)
        return pty
    }

    /// The large catalogue's 100,000 names, one per line, to page through.
    static func namesFile(in directory: URL) throws -> String {
        let names = DemoCatalogue.large.entries.compactMap { $0.omitted.contains(.rawName) ? nil : $0.rawName }
        let file = directory.appendingPathComponent("names.txt")
        try Data((names.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file.path
    }
}
