import AtomscaleAPI
import BrowserCore
import Foundation
import ImageKit
import ScreenKit

/// What one frame of the player costs: the background work (PNG to cells for the player's
/// box, `PreviewPipeline.make`) and the UI thread's share (reduce the step, render the whole
/// screen, diff it with the previous one). The UI figure is what must stay far below a
/// frame interval (42 ms at 24 fps) for keys and playback to stay smooth.
struct PlayerBenchmark: Benchmark {
    let name = "player"
    let summary = "frame player: PNG to cells for the player's box, and the UI thread's reduce + render + diff per step"
    let optionsHelp = "[--iterations N] (default 15)"

    private static let windows = [(120, 40), (200, 60), (300, 80)]
    private static let frameSize = (1920, 1080)
    private static let frameCount = 8

    func run(_ arguments: BenchmarkArguments) throws {
        let iterations = try arguments.int("iterations", default: 15)
        print("# player benchmark, \(iterations) iterations per figure (median)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
        // Distinct frames, so every step changes most cells (the diff's worst case).
        let pngs = try (0..<Self.frameCount).map { index in
            try PNGEncoder.encode(SyntheticFrame.make(width: Self.frameSize.0, height: Self.frameSize.1, seed: UInt64(index + 1)))
        }
        print("")
        print("| window | picture box | PNG to cells (background) | UI: reduce + render + diff per step | changed cells per step |")
        print("| --- | --- | --- | --- | --- |")
        for (width, height) in Self.windows {
            var state = try playerState(width: width, height: height, frames: pngs.count)
            guard let box = state.preview.wanted else { throw BenchmarkError(description: "player shows no picture") }
            // Background: what the effect runner does per frame.
            var background: [Double] = []
            var decoded: [PreviewImage] = []
            for iteration in 0...iterations {
                let png = pngs[iteration % pngs.count]
                var image: PreviewImage?
                let t = try Stopwatch.seconds { image = try PreviewPipeline.make(data: png, columns: box.columns, rows: box.rows) }
                if decoded.count < pngs.count, let image { decoded.append(image) }
                if iteration > 0 { background.append(t) }
            }
            // Feed every frame to the state as the runner would, then time stepping through them.
            state = loaded(state, images: decoded)
            var previous = Screen.render(state)
            var ui: [Double] = []
            var changed = 0
            for iteration in 0...iterations {
                let key: Key = state.frameList.selected + 1 < state.frames.count ? .right : .home
                var buffer = previous
                let t = Stopwatch.seconds {
                    _ = reduce(&state, .key(key))
                    buffer = Screen.render(state)
                    changed = buffer.changes(since: previous).count
                }
                previous = buffer
                if iteration > 0 { ui.append(t) }
            }
            print("| \(width)x\(height) | \(box.columns)x\(box.rows) | \(Stopwatch.milliseconds(Stopwatch.median(background))) "
                + "| \(Stopwatch.milliseconds(Stopwatch.median(ui))) | \(changed) |")
        }
        print("\nbackground: PreviewPipeline.make on a \(Self.frameSize.0)x\(Self.frameSize.1) PNG already in memory (decode + scale);")
        print("UI: one step key through the pure reducer, Screen.render of the whole window, ScreenBuffer.changes;")
        print("the terminal's own writes (ncurses, the tty) are not included.")
    }

    /// A state with one video of `frames` frames and the player open on the first.
    private func playerState(width: Int, height: Int, frames: Int) throws -> AppState {
        var state = AppState(width: width, height: height, sourceLabel: "bench")
        let videoID = "00000000-0000-4000-8000-000000000001"
        let video = CatalogueEntry(json: ["data_id": .string(videoID), "char_source_type": .string("optical"),
                                          "raw_name": .string("bench.mp4")])!
        var request = RequestID(0)
        for effect in reduce(&state, .start) { if case .loadVideos(let r, _, _) = effect { request = r } }
        for effect in reduce(&state, .videosLoaded(request: request, .success([video]))) {
            if case .loadFrames(let r, _, _) = effect { request = r }
        }
        let list = FrameList(videoUUID: videoID, frames: (0..<frames).compactMap { i in
            VideoFrame(index: i, json: ["image_uuid": .string("frame-\(i)"), "time_seconds": .number(Double(i) / 24)])
        })
        _ = reduce(&state, .framesLoaded(request: request, videoID: videoID, .success(list)))
        _ = reduce(&state, .key(.char("2")))
        _ = reduce(&state, .key(.enter))
        return state
    }

    /// Answers the player's loads (as the effect runner would) and steps until every frame
    /// is decoded in the state, then goes back to the first.
    private func loaded(_ start: AppState, images: [PreviewImage]) -> AppState {
        var state = start
        for _ in 0..<(images.count * 8) {
            if let (request, key) = state.preview.requests.first,
               let row = state.frames.items.firstIndex(where: { $0.imageUUID == key.imageUUID }) {
                _ = reduce(&state, .previewLoaded(request: request, imageUUID: key.imageUUID,
                                                  .success(images[row % images.count])))
            } else {
                _ = reduce(&state, .key(.right))
            }
        }
        _ = reduce(&state, .key(.home))
        return state
    }
}
