import AtomscaleAPI
import Foundation
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
    /// In kitty mode, what to send the terminal; nil (half blocks) when the PNG could not be
    /// made small enough, or in any other mode.
    public var kitty: KittyPicture?

    public init(cells: CellImage, pixelWidth: Int, pixelHeight: Int, kitty: KittyPicture? = nil) {
        self.cells = cells
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.kitty = kitty
    }

    /// Bytes held, for the cache budget (the cells dominate; the rest is a rounding error).
    var cost: Int { cells.cells.count * MemoryLayout<CellPixel>.stride + (kitty?.png.count ?? 0) + 64 }
}

/// A frame as the kitty graphics protocol gets it: PNG bytes and the placement's size in
/// cells, which is the image's own aspect ratio fitted into the box (so the terminal's
/// scaling never distorts it), centred in the box like the half-block cells.
public struct KittyPicture: Sendable, Equatable {
    public var png: Data
    public var columns: Int
    public var rows: Int
    /// What the terminal will hold once it has decoded `png` (RGBA), for `KittyImages.budget`.
    public var terminalBytes: Int

    public init(png: Data, columns: Int, rows: Int, pixelWidth: Int, pixelHeight: Int) {
        self.png = png
        self.columns = columns
        self.rows = rows
        terminalBytes = pixelWidth * pixelHeight * 4
    }
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
    /// The kitty graphics protocol with Unicode placeholders: the PNG is sent to the terminal
    /// once per frame and box, the cells hold placeholders (KittyGraphics). Frames that
    /// cannot be sent fall back to half blocks.
    case kitty
}

/// Terminal-side kitty images: which frame-and-box holds which image id. Ids are 16...255:
/// a 256-colour index names them (no direct colour needed), and 0...15 are left out because
/// the basic colours are the ones terminals and tmux most like to rewrite. The least
/// recently shown is deleted from the terminal when a new frame needs its id, or when the
/// images held would exceed `budget`.
public struct KittyImages: Sendable, Equatable {
    public static let ids: ClosedRange<UInt32> = 16...255
    /// Decoded bytes the terminal may hold for us. kitty evicts images by itself beyond its
    /// storage quota (320 MB by default), and an image it dropped on its own would show as
    /// an empty picture when its frame comes back: staying well below means it never has to.
    public static let budget = 128 << 20
    /// Image id per frame-and-box; `order` has the most recently shown last.
    public internal(set) var ids: [PreviewKey: UInt32] = [:]
    public internal(set) var order: [PreviewKey] = []
    /// The placement size each id was sent with (the renderer draws exactly that many cells).
    public internal(set) var placements: [UInt32: KittyPlacement] = [:]
    /// Every id the terminal holds (the loop deletes them all on exit).
    public var uploaded: [UInt32] { Array(placements.keys).sorted() }
    /// Decoded bytes the terminal holds for these ids.
    public var heldBytes: Int { placements.values.reduce(0) { $0 + $1.terminalBytes } }

    public init() {}
}

/// One image the terminal holds: its id and the virtual placement's size in cells.
public struct KittyPlacement: Sendable, Equatable, Hashable {
    public var id: UInt32
    public var columns: Int
    public var rows: Int
    public var terminalBytes: Int

    public init(id: UInt32, columns: Int, rows: Int, terminalBytes: Int = 0) {
        self.id = id
        self.columns = columns
        self.rows = rows
        self.terminalBytes = terminalBytes
    }
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
