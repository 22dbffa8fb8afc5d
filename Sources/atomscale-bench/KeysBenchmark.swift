import AtomscaleAPI
import BrowserCore
import DemoServer
import Foundation
import ScreenKit

/// Key press to updated screen while moving through the lists at 100,000 entries and
/// 20,000 frames, and the bytes each move writes to the terminal, in a 200x60 pty; `less`
/// paging the 100,000 names in the same pty is the reference. Then the in-process share:
/// reduce + Screen.render + ScreenBuffer.changes.
struct KeysBenchmark: Benchmark {
    let name = "keys"
    let summary = "key press to updated screen (median, p99) and bytes per move in a 200x60 pty, beside less"
    let optionsHelp = "[--moves N] (default 100)  [--tui PATH]  [--no-less]"

    /// No output for this long ends a screen update.
    static let quiet = 0.03

    struct Moves {
        var latency: [Double] = []
        var bytes: [Double] = []
        var settledBytes: [Double] = []
    }

    func run(_ arguments: BenchmarkArguments) throws {
        let moves = try arguments.int("moves", default: 100)
        print("# keys benchmark: \(moves) moves per list, 200x60 pty, a move ends after \(Int(Self.quiet * 1000)) ms without output")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; load before: \(BenchLoad.text())")
        let server = try DemoServerProcess(tui: try BenchPaths.tui(arguments))
        let loading = try duringLoad(arguments, server)
        let session = try BrowserSession(arguments, name: "keys", server: server)
        defer { session.stop() }
        print("browser up after \(Stopwatch.milliseconds(session.launchSeconds))")

        // Videos list: each j also loads that video's frames after a 120 ms debounce, so the
        // next key waits for everything to settle; the latency is the first update's.
        let videos = measure(session.pty, key: "j", count: max(10, moves / 2), settle: 0.4)
        try session.openLargestVideo()
        session.pty.send("2")
        session.pty.settle(quiet: 0.3)
        let frames = measure(session.pty, key: "j", count: moves, settle: 0.1)
        let jumps = measure(session.pty, key: "G", count: 5, settle: 0.1, alternate: "g")

        var reference: Moves?
        if !arguments.flag("no-less") {
            let file = try LessReference.namesFile(in: session.scratch)
            if let less = try LessReference.start(file: file) {
                reference = measure(less, key: "j", count: moves, settle: 0.1)
                less.finish(quit: "q")
            }
        }

        let ref = reference.map { Stopwatch.median($0.latency) }
        let refBytes = reference.map { Stopwatch.median($0.bytes) }
        func ratio(_ v: Double, _ r: Double?) -> String { r.map { String(format: "%.2f", v / $0) } ?? "-" }
        print("")
        print("| moving with the key | median | p99 | /less | bytes per move (median) | /less |")
        print("| --- | --- | --- | --- | --- | --- |")
        for (label, m) in [("`j` in the videos list (50,000 videos)", videos), ("`j` in the frames list (20,000 frames)", frames),
                           ("`G` / `g` in the frames list (jump to the end and back)", jumps)] + (reference.map { [("`j` in less, 100,000 names (reference)", $0)] } ?? []) {
            let median = Stopwatch.median(m.latency), bytes = Stopwatch.median(m.bytes)
            print("| \(label) | \(Stopwatch.milliseconds(median)) | \(Stopwatch.milliseconds(Stopwatch.percentile(m.latency, 99))) "
                + "| \(ratio(median, ref)) | \(Int(bytes)) | \(ratio(bytes, refBytes)) |")
        }
        if !loading.isEmpty {
            print("\na `/` keystroke (the prompt echoes it) while the 50,000-video answer is arriving and being decoded: median "
                + "\(Stopwatch.milliseconds(Stopwatch.median(loading))), max \(Stopwatch.milliseconds(loading.max()!)) "
                + "over \(loading.count) keys")
        }
        print("\nvideos list, all bytes until the frames of the new video are drawn too: median "
            + "\(Int(Stopwatch.median(videos.settledBytes))) per move")
        print("a full repaint of the 200x60 screen for comparison (resized away and back): \(session.fullRepaintBytes()) bytes")

        try inProcess(session.facts, moves: max(moves, 1000))
        print("load after: \(BenchLoad.text())")
    }

    /// Keys pressed while the catalogue loads: the `/` prompt is opened and distinct CJK
    /// characters typed one by one, each timed until the prompt shows it (a character no
    /// other output contains), until the videos are listed. The decoding runs in the
    /// client's task, so these should be about as quick as at rest.
    private func duringLoad(_ arguments: BenchmarkArguments, _ server: DemoServerProcess) throws -> [Double] {
        let scratch = try BenchPaths.scratch("keys-loading")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pty = try PtyProcess(try BenchPaths.tui(arguments), [],
                                 environment: BenchPaths.browserEnvironment(endpoint: server.url, scratch: scratch),
                                 columns: BrowserSession.columns, rows: BrowserSession.rows)
        defer { pty.finish(quit: "\rq") }
        let listed = Array("\(DemoCatalogue.large.facts.opticalCount) optical videos".utf8)
        guard pty.waitFor("loading videos", timeout: 30) != nil else { return [] }
        pty.send("/")
        var latencies: [Double] = []
        var seen = Set<Character>()
        for c in Self.typed where seen.insert(c).inserted {
            if PtyProcess.contains(pty.output, listed, from: 0) { break }
            let offset = pty.output.count
            // The clock starts before the write: the browser may run before this thread does.
            let began = Clock.now()
            pty.send(String(c))
            guard pty.waitFor(String(c), from: offset, timeout: 10) != nil else { break }
            latencies.append(Clock.now() - began)
            pty.settle(quiet: 0.01)
        }
        return latencies
    }

    static let typed = Array("窒化ガリウム成長試験青色発光素子結晶基板薄膜表面温度圧力流量時間画像解析異常検知品質管理工程記録装置設定条件確認"
        + "電子顕微鏡観察測定結果報告書作成準備完了開始終了中断再開保存読込削除変更追加検索選択表示非表示拡大縮小回転移動複製")

    /// Sends `key` `count` times, each once the screen has been still for `settle` seconds;
    /// times each key to the last byte of the update it caused.
    private func measure(_ pty: PtyProcess, key: String, count: Int, settle: Double, alternate: String? = nil) -> Moves {
        var m = Moves()
        for i in 0..<count {
            // The clock starts before the write: the program may run before this thread does.
            let began = Clock.now()
            pty.send(alternate != nil && i % 2 == 1 ? alternate! : key)
            let sent = Clock.now() - began
            let burst = pty.settle(quiet: Self.quiet)
            let rest = pty.settle(quiet: settle)
            m.latency.append(sent + burst.lastByte)
            m.bytes.append(Double(burst.bytes))
            m.settledBytes.append(Double(burst.bytes + rest.bytes))
        }
        return m
    }

    /// The UI thread's own share of a move at 200x60: reduce, render, diff (no terminal).
    private func inProcess(_ facts: DemoCatalogue.Facts, moves: Int) throws {
        let (entries, frameList) = try InProcessCatalogue.load(framesOf: facts.largestVideoID)
        var state = AppState(width: 200, height: 60, sourceLabel: "bench")
        guard case .loadVideos(let request, _, _)? = reduce(&state, .start).first else { return }
        _ = reduce(&state, .videosPrepared(request: request, .success(PreparedVideos(entries))))
        print("\nin-process, 200x60, \(moves) moves (median / p99):")
        print("| list | reduce | Screen.render | ScreenBuffer.changes | cells changed |")
        print("| --- | --- | --- | --- | --- |")
        report("videos (50,000)", &state, moves: moves)
        _ = reduce(&state, .key(.char("/")))
        for c in facts.largestVideoID.prefix(8) { _ = reduce(&state, .key(.char(c))) }
        for effect in reduce(&state, .key(.enter)) + reduce(&state, .timerFired(.framesDebounce)) {
            if case .loadFrames(let r, let id, _) = effect {
                _ = reduce(&state, .framesLoaded(request: r, videoID: id, .success(frameList)))
            }
        }
        _ = reduce(&state, .key(.char("2")))
        report("frames (\(state.frames.count))", &state, moves: moves)
    }

    private func report(_ label: String, _ state: inout AppState, moves: Int) {
        var reduceT: [Double] = [], renderT: [Double] = [], diffT: [Double] = [], cells: [Double] = []
        var previous = Screen.render(state)
        for i in 0..<moves {
            let key: Key = (i / 200) % 2 == 0 ? .char("j") : .char("k")
            reduceT.append(Stopwatch.seconds { _ = reduce(&state, .key(key)) })
            var buffer = previous
            renderT.append(Stopwatch.seconds { buffer = Screen.render(state) })
            var changed = 0
            diffT.append(Stopwatch.seconds { changed = buffer.changes(since: previous).count })
            cells.append(Double(changed))
            previous = buffer
        }
        func both(_ t: [Double]) -> String {
            String(format: "%.3f / %.3f ms", Stopwatch.median(t) * 1000, Stopwatch.percentile(t, 99) * 1000)
        }
        print("| \(label) | \(both(reduceT)) | \(both(renderT)) | \(both(diffT)) | \(Int(Stopwatch.median(cells))) |")
    }
}

extension BrowserSession {
    /// Bytes of a full repaint at 200x60: after a resize to another size and back, every cell
    /// is written again (the upper bound of one update).
    func fullRepaintBytes() -> Int {
        pty.resize(columns: Self.columns - 1, rows: Self.rows)
        pty.settle(quiet: 0.3)
        pty.resize(columns: Self.columns, rows: Self.rows)
        return pty.settle(quiet: 0.3).bytes
    }
}
