import AtomscaleAPI
import FrameDownloads
import Foundation

/// `download DATA_ID [--dir D] [--jobs N]`: every saved frame of one video into
/// `D/<video-name>-<data_id8>/`, as `d`/`D` do in the browser (same names, same skipping of
/// complete files, same atomic writes). Progress on stderr: a bar redrawn in place when
/// stderr is a terminal, else one line per file for logs. SIGINT/SIGTERM stop it cleanly:
/// files in flight are abandoned (no partial file under a final name) before it exits 130/143.
enum DownloadCommand {
    /// `catchSignals`: only when running as the program itself. Signal dispositions are
    /// process-wide, so in-process callers (tests) must not have theirs changed.
    static func run(_ argv: [String], environment: [String: String], output: Output, catchSignals: Bool = false,
                    stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: .global.adding(options: ["--dir", "--jobs"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.download); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.count == 1, let id = args.positionals.first, !id.isEmpty else {
            throw UsageError("download needs exactly one DATA_ID")
        }
        let jobs = try args.int("--jobs", in: 1...16) ?? FrameDownloader.defaultConcurrency
        let config = try ConfigFile.load(environment: environment)
        let directory = try TriageSettings.downloadDirectory(flag: args.value("--dir"), config: config)
        let setup = try ServiceSetup.make(args, environment: environment, config: config)
        defer { setup.stop() }

        let list = try await setup.service.frames(videoID: id)
        // The name is only for the folder: a failed lookup is not worth failing the download.
        let entry = try? await setup.service.search(.entry(dataID: id)).first { $0.dataID == id }
        let plan = DownloadNaming.plan(baseDirectory: directory, videoID: id, videoName: entry?.displayName ?? "video",
                                       frames: list.frames, frameCount: list.frames.count)
        if plan.items.isEmpty {
            output.rawError("this video has no saved frames\(list.skipped > 0 ? " (\(list.skipped) without image_uuid)" : "")\n")
            return 0
        }
        output.rawError("downloading \(plan.items.count) frame\(plan.items.count == 1 ? "" : "s") to \(plan.directory)/\n")

        let bar = ProgressBar(output: output, live: stderrIsTerminal)
        let downloader = FrameDownloader(service: setup.service, concurrency: jobs)
        let task = Task { await downloader.run(plan) { bar.update($0) } }
        let interruption = catchSignals ? Interruption.watch { task.cancel() } : nil
        let result = await task.value
        interruption?.stop()
        bar.finish()

        let p = result.progress
        var summary = "\(p.saved) saved, \(p.skipped) already there, \(p.failed) failed"
        if result.cancelled { summary += ", \(p.total - p.finished) not done (interrupted)" }
        output.rawError(summary + "\n")
        if let first = p.firstError { output.error(first) }
        if let signal = interruption?.received { return 128 + signal }
        return p.failed > 0 ? 1 : 0
    }
}

/// SIGINT/SIGTERM while a download runs: cancel it instead of dying with temporary files
/// open. Restores the default handlers when stopped.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32?
    private var sources: [DispatchSourceSignal] = []

    var received: Int32? { lock.withLock { signalNumber } }

    static func watch(_ onSignal: @escaping @Sendable () -> Void) -> Interruption {
        let watcher = Interruption()
        let queue = DispatchQueue(label: "download-signals")
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                watcher.lock.withLock { if watcher.signalNumber == nil { watcher.signalNumber = sig } }
                onSignal()
            }
            source.resume()
            watcher.sources.append(source)
        }
        return watcher
    }

    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
