import AtomscaleAPI
import BrowserCore
import DemoServer
import Foundation
import ScreenKit

/// One keystroke of the `/` filter over the 100,000 catalogue names, beside `fzf --filter`
/// on the same names and query.
struct FilterBenchmark: Benchmark {
    let name = "filter"
    let summary = "one keystroke of the / filter over 100,000 names, beside fzf --filter on the same names"
    let optionsHelp = "[--runs N] (default 7)  [--no-fzf]"

    static let queries = ["gan", "mocvd", "sapphire", "run4242", "_run9", "zzq"]

    func run(_ arguments: BenchmarkArguments) throws {
        let runs = try arguments.int("runs", default: 7)
        let scratch = try BenchPaths.scratch("filter")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Every entry's raw_name, as the API sends it (the demo's generator, no HTTP needed);
        // the few entries sent without one are left out.
        let names = DemoCatalogue.large.entries.compactMap { $0.omitted.contains(.rawName) ? nil : $0.rawName }
        let file = scratch.appendingPathComponent("names.txt")
        try Data((names.joined(separator: "\n") + "\n").utf8).write(to: file)
        let empty = scratch.appendingPathComponent("empty.txt")
        try Data().write(to: empty)

        print("# filter benchmark: \(names.count) raw_name lines (every entry of the large catalogue that has one), queries \(Self.queries), \(runs) runs each (median)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load before: \(BenchLoad.text())")

        // Ours, in-process: FilteredList<String> over the same 100,000 names.
        var build: [Double] = []
        var list = FilteredList<String>()
        for _ in 0..<runs { build.append(Stopwatch.seconds { list = FilteredList(names) { $0 } }) }
        var first: [Double] = [], last: [Double] = [], counts: [String: Int] = [:]
        for query in Self.queries {
            for _ in 0..<runs {
                var fresh = list
                first.append(Stopwatch.seconds { fresh.setFilter(String(query.prefix(1))) })
                var typed = list
                typed.setFilter(String(query.dropLast()))
                last.append(Stopwatch.seconds { typed.setFilter(query) })
                counts[query] = typed.count
            }
        }
        // The browser's own keystrokes: reduce on the 50,000 optical videos (the full search
        // text of each: names, sample, status, owner, date, id, projects, tags) and the redraw.
        let (browserFirst, browserLast) = try browserKeystrokes(runs: runs)

        var fzfTimes: [(String, Double)] = []
        var startup: Double?
        var fzfVersion = "not installed (apt-get install -y fzf): only our figures"
        if !arguments.flag("no-fzf"), let fzf = ExternalTool.find("fzf") {
            for (label, extra) in [("`fzf --filter QUERY` (fuzzy, sorted)", [String]()), ("`fzf --filter QUERY --exact`", ["--exact"])] {
                var times: [Double] = []
                for query in Self.queries {
                    for _ in 0..<runs {
                        let r = try Spawn.run(fzf, ["--filter", query] + extra, input: file.path)
                        guard r.status <= 1 else { throw BenchmarkError(description: "fzf exited with \(r.status)") }
                        times.append(r.seconds)
                    }
                }
                fzfTimes.append((label, Stopwatch.median(times)))
            }
            startup = Stopwatch.median(try (0..<runs).map { _ in try Spawn.run(fzf, ["--filter", "gan"], input: empty.path).seconds })
            fzfVersion = String(decoding: try Spawn.run(fzf, ["--version"]).output, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let reference = fzfTimes.first?.1
        func row(_ label: String, _ seconds: Double) {
            let ratio = reference.map { String(format: "%.3f", seconds / $0) } ?? "-"
            print("| \(label) | \(Stopwatch.milliseconds(seconds)) | \(ratio) |")
        }
        print("")
        print("| what | median | /fzf |")
        print("| --- | --- | --- |")
        row("ours: `FilteredList.setFilter`, first letter of the query (scans all 100,000 names)", Stopwatch.median(first))
        row("ours: `FilteredList.setFilter`, last letter of the query (narrows the rows shown)", Stopwatch.median(last))
        row("browser: `/` first letter, `reduce` + `Screen.render` 200x60, 50,000 optical videos (full search text)", browserFirst)
        row("browser: `/` last letter, `reduce` + `Screen.render` 200x60, 50,000 optical videos (full search text)", browserLast)
        row("ours, once per load (off the UI thread): building the search texts of the 100,000 names", Stopwatch.median(build))
        for (label, seconds) in fzfTimes { row("\(label), 100,000 names, whole process", seconds) }
        if let startup { row("`fzf --filter gan` on an empty input (its start-up)", startup) }
        print("\nfzf \(fzfVersion)")
        print("matches: " + Self.queries.map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: " "))
        print("load after: \(BenchLoad.text())")
    }

    /// The median time of one `/` keystroke in the browser, reduce plus a full render: the
    /// first letter of each query and the last.
    private func browserKeystrokes(runs: Int) throws -> (Double, Double) {
        let entries = try InProcessCatalogue.opticalEntries()
        var base = AppState(width: 200, height: 60, sourceLabel: "bench")
        guard case .loadVideos(let request, _, _)? = reduce(&base, .start).first else {
            throw BenchmarkError(description: "the reducer asked for no videos")
        }
        _ = reduce(&base, .videosPrepared(request: request, .success(PreparedVideos(entries))))
        _ = reduce(&base, .key(.char("/")))
        func keystroke(_ state: inout AppState, _ c: Character) -> Double {
            Stopwatch.seconds {
                _ = reduce(&state, .key(.char(c)))
                _ = Screen.render(state)
            }
        }
        var first: [Double] = [], last: [Double] = []
        for query in Self.queries {
            for _ in 0..<runs {
                var state = base
                first.append(keystroke(&state, query.first!))
                for c in query.dropFirst().dropLast() { _ = reduce(&state, .key(.char(c))) }
                last.append(keystroke(&state, query.last!))
            }
        }
        return (Stopwatch.median(first), Stopwatch.median(last))
    }
}

/// The large demo catalogue's optical videos (and one video's frames) decoded by the real
/// client from an in-process demo server.
enum InProcessCatalogue {
    final class Box: @unchecked Sendable {
        var result: Result<([CatalogueEntry], FrameList?), Error>?
    }

    static func load(framesOf videoID: String? = nil) throws -> ([CatalogueEntry], FrameList) {
        let server = try DemoServer.start(scale: .large)
        defer { server.stop() }
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "bench", timeout: 120))
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let entries = try await client.search(.opticalVideos)
                let frames = try await videoID.asyncMap { try await client.frames(videoID: $0) }
                box.result = .success((entries, frames))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        let (entries, frames) = try box.result!.get()
        return (entries, frames ?? FrameList(videoUUID: nil, frames: []))
    }

    static func opticalEntries() throws -> [CatalogueEntry] { try load().0 }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
