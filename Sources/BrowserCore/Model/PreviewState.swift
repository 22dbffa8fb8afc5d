import AtomscaleAPI
import ImageKit

/// One frame's image scaled into one box of cells: the unit that is loaded, cached and drawn.
/// The box is part of the key because a resize (or opening the player) needs new cells.
public struct PreviewKey: Hashable, Sendable, CustomStringConvertible {
    public var imageUUID: String
    public var columns: Int
    public var rows: Int

    public init(imageUUID: String, columns: Int, rows: Int) {
        self.imageUUID = imageUUID
        self.columns = columns
        self.rows = rows
    }

    public var description: String { "\(imageUUID)@\(columns)x\(rows)" }
}

/// A decoded frame ready to draw: its cells, and the size of the PNG it came from (for the
/// pane header; the API's `processed_file_metadata` may be missing or wrong).
public struct PreviewImage: Sendable, Equatable {
    public var cells: CellImage
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(cells: CellImage, pixelWidth: Int, pixelHeight: Int) {
        self.cells = cells
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// Bytes held, for the cache budget (the cells dominate; the rest is a rounding error).
    var cost: Int { cells.cells.count * MemoryLayout<CellPixel>.stride + 64 }
}

/// How frames are drawn in the browser, decided by the app from the terminal and the
/// `--image` flag (`auto` is resolved before it gets here).
public enum PreviewMode: String, Sendable, CaseIterable {
    /// Upper-half blocks with true colours (the terminal layer maps them down).
    case blocks
    /// ImageKit's shading ramp, no colour: for NO_COLOR, monochrome or non-UTF-8 terminals.
    case ascii
    /// No preview at all: the pane says so and nothing is fetched.
    case off
}

/// Everything the preview pane and the player know about frame images. Decoded images are
/// kept here (not in the app layer) so the reducer can tell "already decoded" from "needs a
/// load" without any I/O, which is what makes cached frames appear with no effect at all.
public struct PreviewState: Sendable {
    /// What the visible pane (or the player) should show now; nil when nothing shows a frame.
    public internal(set) var wanted: PreviewKey?
    /// The load for `wanted` (or for a frame passed by, still finishing): at most one, so
    /// holding a key never queues a load per frame.
    public internal(set) var mainRequest: RequestID?
    /// Every preview load in flight, main and prefetches, with what it will produce.
    public internal(set) var requests: [RequestID: PreviewKey] = [:]
    /// The last image actually drawn, kept on screen while the wanted one loads so flipping
    /// through frames does not flash an empty pane between them.
    public internal(set) var lastShown: PreviewKey?
    var images = LRUCache<PreviewKey, PreviewImage>(maxCount: 2048, maxCost: PreviewState.defaultBudget)
    var failures = RecentCache<PreviewKey, PreviewError>(capacity: 64)

    /// 48 MiB of cells: about 500 frames at 200x60 cells, enough to play a video back and forth.
    public static let defaultBudget = 48 << 20

    public init(budget: Int = PreviewState.defaultBudget) {
        images = LRUCache(maxCount: 2048, maxCost: budget)
    }

    public func image(_ key: PreviewKey) -> PreviewImage? { images.peek(key) }
    public func failure(_ key: PreviewKey) -> PreviewError? { failures[key] }
    public var cachedCount: Int { images.count }
    public var cachedBytes: Int { images.totalCost }

    /// Decoded or failed: nothing more will come for this key without a reload.
    func isSettled(_ key: PreviewKey) -> Bool { images.peek(key) != nil || failures[key] != nil }

    var prefetchRequests: [RequestID: PreviewKey] { requests.filter { $0.key != mainRequest } }
    func request(for key: PreviewKey) -> RequestID? { requests.first { $0.value == key }?.key }
}

/// Why a frame cannot be shown, phrased for the pane.
public enum PreviewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fetching the bytes failed (HTTP status, network, timeout).
    case fetch(APIError)
    /// The bytes are not a usable PNG.
    case image(ImageError)

    public var message: String {
        switch self {
        case .fetch(let e): return e.message
        case .image(let e):
            switch e {
            case .noData: return "empty image (0 bytes)"
            case .notPNG: return "not a PNG"
            case .tooLarge(let w, let h, let limit):
                return "image too large (\(w)x\(h) exceeds \(ImageError.megapixels(limit)))"
            case .corrupt(let detail): return "truncated or corrupt PNG (\(detail))"
            case .emptyImage: return "image has a zero width or height"
            default: return e.message
            }
        }
    }

    public var description: String { message }
}
