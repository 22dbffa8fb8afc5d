import Foundation

/// CPU time used while idle: the browser showing the large catalogue, untouched for 10
/// seconds, beside `less` idle in the same kind of pty.
struct IdleBenchmark: Benchmark {
    let name = "idle"
    let summary = "CPU time (utime+stime) used in 10 s of idling, beside less"
    let optionsHelp = "[--seconds S] (default 10)  [--tui PATH]  [--no-less]"

    func run(_ arguments: BenchmarkArguments) throws {
        let seconds = Double(try arguments.int("seconds", default: 10))
        print("# idle benchmark: \(Int(seconds)) s untouched in a 200x60 pty; CPU from /proc/PID/stat (utime+stime)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load before: \(BenchLoad.text())")
        let session = try BrowserSession(arguments, name: "idle")
        defer { session.stop() }
        let ours = try idleCPU(session.pty, seconds: seconds)
        var rows = [("atomscale-tui, 50,000 videos listed, first video's frames shown", ours)]
        if !arguments.flag("no-less"), let less = try LessReference.start(file: LessReference.namesFile(in: session.scratch)) {
            rows.append(("less on the 100,000 names (reference)", try idleCPU(less, seconds: seconds)))
            less.finish(quit: "q")
        }
        print("")
        print("| idle for \(Int(seconds)) s | CPU time | bytes written |")
        print("| --- | --- | --- |")
        for (label, figure) in rows {
            print("| \(label) | \(Stopwatch.milliseconds(figure.cpu)) | \(figure.bytes) |")
        }
        print("(CPU time is counted in clock ticks of \(Stopwatch.milliseconds(1 / Double(sysconf(Int32(_SC_CLK_TCK))))))")
        print("load after: \(BenchLoad.text())")
    }

    private func idleCPU(_ pty: PtyProcess, seconds: Double) throws -> (cpu: Double, bytes: Int) {
        pty.settle(quiet: 1)
        guard let before = pty.cpuSeconds() else { throw BenchmarkError(description: "cannot read /proc/\(pty.pid)/stat") }
        var bytes = 0
        let start = Clock.now()
        while Clock.now() - start < seconds {
            let n = pty.readChunk(timeout: seconds - (Clock.now() - start))
            if n > 0 { bytes += n }
        }
        guard let after = pty.cpuSeconds() else { throw BenchmarkError(description: "the program ended while idle") }
        return (after - before, bytes)
    }
}

/// Peak resident memory with the large catalogue open and the 20,000-frame video selected,
/// beside the peak of the Python SDK's search on the same server.
struct MemoryBenchmark: Benchmark {
    let name = "memory"
    let summary = "peak resident memory (VmHWM) with 50,000 videos and the 20,000-frame video open, beside the SDK's search()"
    let optionsHelp = "[--runs N] (default 3)  [--tui PATH]  [--python PATH]  [--no-sdk]"

    func run(_ arguments: BenchmarkArguments) throws {
        let runs = try arguments.int("runs", default: 3)
        print("# memory benchmark: \(runs) runs (median), peak resident set (VmHWM / ru_maxrss)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load before: \(BenchLoad.text())")
        let tui = try BenchPaths.tui(arguments)
        let server = try DemoServerProcess(tui: tui)
        defer { server.stop() }
        var listed: [Int] = [], opened: [Int] = [], current: [Int] = []
        for _ in 0..<runs {
            let session = try BrowserSession(arguments, name: "memory", server: server)
            defer { session.stop(keepServer: true) }
            listed.append(session.pty.peakResident() ?? 0)
            try session.openLargestVideo()
            opened.append(session.pty.peakResident() ?? 0)
            current.append(ProcStats.resident(session.pty.pid) ?? 0)
        }
        let ours = Stopwatch.medianInt(opened)
        print("")
        print("| what | peak resident | ours/this |")
        print("| --- | --- | --- |")
        print("| atomscale-tui: 50,000 videos listed, then the 20,000-frame video selected | \(BenchFormat.megabytes(ours)) | 1.00 |")
        print("|   of which the peak before selecting the video | \(BenchFormat.megabytes(Stopwatch.medianInt(listed))) | |")
        print("|   resident at the end (VmRSS) | \(BenchFormat.megabytes(Stopwatch.medianInt(current))) | |")
        if !arguments.flag("no-sdk") {
            let python = try SDKScripts.interpreter(arguments)
            for script in SDKScripts.all(url: server.url) where script.name != "bare" {
                let peaks = try (0..<runs).map { _ in try Spawn.run(python, ["-c", script.code]).peakResident }
                let median = Stopwatch.medianInt(peaks)
                print("| SDK: \(script.label) | \(BenchFormat.megabytes(median)) | \(String(format: "%.2f", Double(ours) / Double(median))) |")
            }
        }
        print("load after: \(BenchLoad.text())")
    }
}

extension ProcStats {
    /// Resident set now (VmRSS) in bytes.
    static func resident(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}
