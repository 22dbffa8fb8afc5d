import AtomscaleAPI
import BrowserCore
import DemoServer
import Foundation

/// From spawning the browser to its first screen with the videos list, against
/// `demo-server --scale large` (100,000 entries, 50,000 optical), beside the official Python
/// SDK's `Client(...).search()` on the same server, each timed as a whole process.
struct LaunchBenchmark: Benchmark {
    let name = "launch"
    let summary = "spawn to first screen with the videos list at 100,000 entries, beside the Python SDK's search()"
    let optionsHelp = "[--runs N] (default 5)  [--tui PATH]  [--python PATH]  [--no-sdk]"

    static let columns = 200, rows = 60

    func run(_ arguments: BenchmarkArguments) throws {
        let runs = try arguments.int("runs", default: 5)
        let tui = try BenchPaths.tui(arguments)
        let scratch = try BenchPaths.scratch("launch")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try DemoServerProcess(tui: tui)
        defer { server.stop() }
        let facts = DemoCatalogue.large.facts
        // Drawn in the title bar once the list is there.
        let marker = "\(facts.opticalCount) optical videos"
        let python = arguments.flag("no-sdk") ? nil : try SDKScripts.interpreter(arguments)

        print("# launch benchmark: \(runs) runs per figure (median), demo-server --scale large at \(server.url)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load before: \(BenchLoad.text())")
        print("browser: \(tui) in a \(Self.columns)x\(Self.rows) pty until the title shows \"\(marker)\"")

        var browser: [Double] = [], browserPeak: [Int] = []
        var sdk: [String: [Double]] = [:], sdkPeak: [String: [Int]] = [:], sdkFailed: [String: Int32] = [:]
        let scripts = python.map { _ in SDKScripts.all(url: server.url) } ?? []
        // Untimed first round: the server generates and caches both answers.
        for round in 0...runs {
            let (seconds, peak) = try launchBrowser(tui, server.url, scratch: scratch, marker: marker)
            if round > 0 { browser.append(seconds); browserPeak.append(peak) }
            for script in scripts {
                let result = try Spawn.run(python!, ["-c", script.code])
                if result.status != 0 { sdkFailed[script.name] = result.status }
                if round > 0 {
                    sdk[script.name, default: []].append(result.seconds)
                    sdkPeak[script.name, default: []].append(result.peakResident)
                }
            }
            print("  round \(round)\(round == 0 ? " (warm-up)" : ""): browser \(Stopwatch.milliseconds(seconds))")
        }

        let ours = Stopwatch.median(browser)
        print("")
        print("| what | median | ours/this | peak RSS |")
        print("| --- | --- | --- | --- |")
        print("| atomscale-tui: spawn to first screen with the videos list (50,000 optical) | \(Stopwatch.milliseconds(ours)) | 1.00 "
            + "| \(BenchFormat.megabytes(Stopwatch.medianInt(browserPeak))) |")
        for script in scripts {
            guard let times = sdk[script.name] else { continue }
            let median = Stopwatch.median(times)
            let failed = sdkFailed[script.name].map { " — exits with status \($0)" } ?? ""
            print("| SDK: \(script.label)\(failed) | \(Stopwatch.milliseconds(median)) | \(String(format: "%.2f", ours / median)) "
                + "| \(BenchFormat.megabytes(Stopwatch.medianInt(sdkPeak[script.name] ?? [0]))) |")
        }
        if let python { print("\npython: \(python); SDK \(SDKScripts.version(python))") }
        try breakdown(runs: runs)
        print("load after: \(BenchLoad.text())")
    }

    /// Where the launch goes, in-process: the client's request (transfer and decoding, in
    /// its own task), building the list's search texts (the effect runner's task), and the
    /// reducer taking the list over (the only part on the UI thread).
    private func breakdown(runs: Int) throws {
        let server = try DemoServer.start(scale: .large)
        defer { server.stop() }
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "bench", timeout: 120))
        var fetch: [Double] = [], prepare: [Double] = [], handOver: [Double] = [], count = 0
        for round in 0...runs {
            let box = InProcessCatalogue.Box()
            let done = DispatchSemaphore(value: 0)
            let began = Clock.now()
            Task.detached {
                do { box.result = .success((try await client.search(.opticalVideos), nil)) } catch { box.result = .failure(error) }
                done.signal()
            }
            done.wait()
            let fetched = Clock.now() - began
            let entries = try box.result!.get().0
            var prepared: PreparedVideos?
            let preparing = Stopwatch.seconds { prepared = PreparedVideos(entries) }
            var state = AppState(width: Self.columns, height: Self.rows, sourceLabel: "bench")
            guard case .loadVideos(let request, _, _)? = reduce(&state, .start).first else { return }
            let taking = Stopwatch.seconds { _ = reduce(&state, .videosPrepared(request: request, .success(prepared!))) }
            count = entries.count
            if round > 0 { fetch.append(fetched); prepare.append(preparing); handOver.append(taking) }
        }
        print("\nin-process, \(count) optical videos (median of \(runs)):")
        print("| step | thread | median |")
        print("| --- | --- | --- |")
        print("| `AtomscaleClient.search`: transfer + `JSONParser` + `CatalogueEntry` | the load's task | \(Stopwatch.milliseconds(Stopwatch.median(fetch))) |")
        print("| `PreparedVideos`: optical filter + search texts | the load's task | \(Stopwatch.milliseconds(Stopwatch.median(prepare))) |")
        print("| `reduce(.videosPrepared)`: the list taken over | UI thread | \(Stopwatch.milliseconds(Stopwatch.median(handOver))) |")
    }

    /// Spawns the browser in a pty, reads until `marker` is drawn, quits it with `q`.
    /// Returns the seconds to the marker and the browser's peak resident memory.
    private func launchBrowser(_ tui: String, _ url: String, scratch: URL, marker: String) throws -> (Double, Int) {
        let began = Clock.now()
        let pty = try PtyProcess(tui, [], environment: BenchPaths.browserEnvironment(endpoint: url, scratch: scratch),
                                 columns: Self.columns, rows: Self.rows)
        guard pty.waitFor(marker, timeout: 180) != nil else {
            pty.finish()
            throw BenchmarkError(description: "the browser never showed '\(marker)'")
        }
        let seconds = Clock.now() - began
        pty.finish(quit: "q")
        return (seconds, pty.usage.ru_maxrss * 1024)
    }
}

/// The Python SDK runs the launch benchmark compares with.
enum SDKScripts {
    struct Script {
        let name: String
        let label: String
        let code: String
    }

    /// The SDK's DataFrame step indexes `projects[0]` of every row, so a single entry
    /// without a `projects` key (the demo has one, as the API allows) makes the bare call
    /// raise. The patched runs give such rows an empty list first, one pass over the
    /// decoded rows, so the SDK can finish its work.
    static func all(url: String) -> [Script] {
        let client = "from atomscale import Client\nc = Client(api_key='k', endpoint='\(url)')\n"
        let patch = "get = c._search_entries\nc._search_entries = lambda p: [e if 'projects' in e else {**e, 'projects': []} for e in get(p)]\n"
        return [
            Script(name: "bare", label: "`Client(api_key=…, endpoint=…).search()` as is (100,000 entries)",
                   code: "from atomscale import Client; Client(api_key='k', endpoint='\(url)').search()"),
            Script(name: "all", label: "`search()` (100,000 entries), rows without `projects` patched",
                   code: client + patch + "df = c.search()\nassert len(df) == 100000, len(df)\n"),
            Script(name: "optical", label: "`search(data_type=\"optical\")` (the browser's request, 50,000), patched",
                   code: client + patch + "df = c.search(data_type='optical')\nassert len(df) == 50000, len(df)\n"),
            Script(name: "import", label: "`from atomscale import Client` alone (start-up)", code: "from atomscale import Client"),
        ]
    }

    /// The real interpreter (pyenv's `python3` is a shell script that execs it).
    static func interpreter(_ arguments: BenchmarkArguments) throws -> String {
        let given = arguments.string("python") ?? ExternalTool.find("python3")
        guard let given else { throw BenchmarkError(description: "python3 not found (pip install atomscale; or --no-sdk)") }
        let probe = try Spawn.run(given, ["-c", "import sys, atomscale; print(sys.executable)"])
        guard probe.status == 0 else {
            throw BenchmarkError(description: "\(given) cannot import atomscale: pip install atomscale (or pass --no-sdk)")
        }
        return String(decoding: probe.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func version(_ python: String) -> String {
        let probe = try? Spawn.run(python, ["-c", "import importlib.metadata as m; print(m.version('atomscale'), 'pandas', m.version('pandas'))"])
        return probe.map { String(decoding: $0.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
    }
}

enum BenchFormat {
    static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }
}

enum BenchLoad {
    /// The 1-minute load average, so a reader can judge how busy the shared machine was.
    static func text() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
            .map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "?"
    }
}
