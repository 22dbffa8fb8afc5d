/// Hands out ncurses colour pairs for (foreground, background) colour numbers.
///
/// Strategy: pairs are allocated on demand, 1, 2, 3, ..., and never redefined while the
/// table has room. When it is full, `pair(fg:bg:)` returns nil and the caller *rebuilds*:
/// `reset()` forgets every pair (the terminal also calls ncurses' reset_color_pairs) and
/// the whole frame is redrawn, allocating afresh, so no cell on screen can keep a pair
/// number that now means other colours.
///
/// Why not evict the least recently used pair instead: a pair not used by the frame being
/// drawn may still colour unchanged cells from earlier frames, and ncurses, on redefining
/// a pair, scans the whole screen for it (`_nc_change_pair`), so per-pair eviction costs
/// O(screen) each time, O(screen²) for a fresh image preview. A rebuild costs one full
/// repaint, and with the 65535 pairs of xterm-256color or a direct-colour entry it happens
/// only after several distinct image previews (a 200x60 half-block preview needs at most
/// 12000 pairs). Only a single frame needing more pairs than the terminal has (possible on
/// 8-colour terminals with 63 pairs) cannot be drawn exactly; see `Terminal.draw`.
struct ColorPairTable {
    struct Colors: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// The highest usable pair number; pair 0 is fixed to the terminal's defaults.
    let capacity: Int32
    /// Defines a pair in the terminal (init_extended_pair); false when ncurses refused.
    private let definePair: (_ pair: Int32, _ fg: Int32, _ bg: Int32) -> Bool
    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1
    /// How many times the table was reset (for tests and diagnostics).
    private(set) var resets = 0

    init(capacity: Int32, definePair: @escaping (_ pair: Int32, _ fg: Int32, _ bg: Int32) -> Bool) {
        self.capacity = max(0, capacity)
        self.definePair = definePair
    }

    /// Pairs handed out since the last reset.
    var count: Int { Int(next - 1) }

    /// The pair for these colours, defining it if new; nil when the table is full.
    /// Colours ncurses refuses map to pair 0 (the defaults) rather than failing the frame.
    mutating func pair(fg: Int32, bg: Int32) -> Int32? {
        if fg < 0, bg < 0 { return 0 }
        let key = Colors(fg: fg, bg: bg)
        if let known = pairs[key] { return known }
        guard next <= capacity else { return nil }
        let number = next
        guard definePair(number, fg, bg) else {
            pairs[key] = 0
            return 0
        }
        next += 1
        pairs[key] = number
        return number
    }

    /// Forgets every pair; numbering restarts at 1. The caller must redraw every cell.
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        next = 1
        resets += 1
    }
}
