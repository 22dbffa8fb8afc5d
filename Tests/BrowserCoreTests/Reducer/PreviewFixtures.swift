import AtomscaleAPI
@testable import BrowserCore
import ImageKit
import ScreenKit

/// A preview load as the reducer asked for it.
struct PreviewLoad: Equatable {
    var request: RequestID
    var key: PreviewKey
    var prefetch: Bool
}

extension Driver {
    static func previewLoads(in effects: [Effect]) -> [PreviewLoad] {
        effects.compactMap { effect in
            guard case .loadPreview(let r, let id, let c, let rows, let p) = effect else { return nil }
            return PreviewLoad(request: r, key: PreviewKey(imageUUID: id, columns: c, rows: rows), prefetch: p)
        }
    }

    /// Loads asked for and not answered yet, from every effect recorded so far.
    var openPreviewLoads: [PreviewLoad] {
        Self.previewLoads(in: effects).filter { state.preview.requests[$0.request] != nil }
    }

    /// The box the preview is drawn into now.
    var previewBox: (columns: Int, rows: Int) {
        let r = previewImageRect(state)
        return (r.width, r.height)
    }

    func key(forRow row: Int) -> PreviewKey {
        PreviewKey(imageUUID: state.frames[row]!.imageUUID, columns: previewBox.columns, rows: previewBox.rows)
    }

    /// Answers one load with a solid image of its size, as the effect runner would.
    @discardableResult
    mutating func answer(_ load: PreviewLoad, colour: ImageKit.RGB = ImageKit.RGB(200, 10, 10)) -> [Effect] {
        send(.previewLoaded(request: load.request, imageUUID: load.key.imageUUID,
                            .success(PreviewFixtures.solid(load.key, colour: colour))))
    }

    /// Answers every open load (prefetches included) until none is left, at most `rounds` times.
    mutating func answerAll(rounds: Int = 20) {
        for _ in 0..<rounds {
            let open = openPreviewLoads
            if open.isEmpty { return }
            for load in open { answer(load) }
        }
    }
}

enum PreviewFixtures {
    static func solid(_ key: PreviewKey, colour: ImageKit.RGB) -> PreviewImage {
        let cells = [CellPixel](repeating: CellPixel(top: colour, bottom: colour), count: key.columns * key.rows)
        return PreviewImage(cells: CellImage(width: key.columns, height: key.rows, cells: cells),
                            pixelWidth: 640, pixelHeight: 480)
    }

    /// A video with `frames` frames loaded, the frames panel focused, nothing answered yet.
    static func ready(frames: Int, width: Int = 160, height: Int = 45) throws -> Driver {
        var d = try NavigationTests.ready(videos: 3, frames: frames, width: width, height: height)
        d.keys(.char("2"))
        return d
    }
}
