import DemoServer
import Foundation

/// `demo-server`: the built-in catalogue over real HTTP until SIGINT/SIGTERM.
enum DemoServerCommand {
    static func run(_ argv: [String], output: Output) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: ArgumentSpec(flags: ["--help", "-h", "--version"],
                                                                 options: ["--port", "--scale"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.demoServer); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("demo-server takes no arguments") }
        let port = try args.int("--port", in: 0...65535) ?? 0
        let server = try DemoServer.start(scale: try ServiceSetup.demoScale(args), port: UInt16(port))
        output.print("listening on \(server.apiURL.absoluteString)")
        await SignalWait.untilTerminated()
        server.stop()
        return 0
    }
}

/// Blocks the caller until SIGINT, SIGTERM or SIGHUP, without polling.
enum SignalWait {
    static func untilTerminated() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "signals")
            let once = OnceFlag()
            var sources: [DispatchSourceSignal] = []
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { if once.set() { done.resume() } }
                source.resume()
                sources.append(source)
            }
            // The sources must outlive this closure; the process ends soon after anyway.
            SignalSources.keep(sources)
        }
    }
}

final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func set() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

enum SignalSources {
    nonisolated(unsafe) private static var kept: [DispatchSourceSignal] = []
    static func keep(_ s: [DispatchSourceSignal]) { kept.append(contentsOf: s) }
}
