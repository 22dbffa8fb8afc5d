import CNcursesw
import ScreenKit

/// Writes ScreenBuffer cells into an ncurses window (no output happens until doupdate).
struct CellWriter {
    /// A Style reduced to what ncurses takes: attributes and two colour numbers.
    struct Code: Equatable {
        var attrs: attr_t
        var fg: Int32
        var bg: Int32
    }

    let window: UnsafeMutablePointer<WINDOW>
    let depth: ColorDepth
    /// False when the terminal cannot show "default colour" (-1): white on black stands in.
    let defaultColors: Bool
    var pairs: ColorPairTable
    /// Style -> Code is pure, so it is cached; bounded because image previews bring
    /// thousands of distinct RGB styles.
    private var codes: [Style: Code] = [:]
    private static let maxCachedCodes = 1 << 16

    init(window: UnsafeMutablePointer<WINDOW>, depth: ColorDepth, defaultColors: Bool, pairs: ColorPairTable) {
        self.window = window
        self.depth = depth
        self.defaultColors = defaultColors
        self.pairs = pairs
    }

    /// Writes the cells at `positions` that lie inside `cols` x `lines`. Returns false,
    /// having written only some, when the colour pair table ran out; the caller then resets
    /// the pairs and writes every cell again with `fallback` set, where a pair that still
    /// does not fit uses the terminal's default colours (attributes are kept).
    mutating func write(_ buffer: ScreenBuffer, positions: [(x: Int, y: Int)], cols: Int, lines: Int,
                        fallback: Bool = false) -> Bool {
        for (x, y) in positions where x < cols && y < lines {
            let cell = buffer[x, y]
            if !cell.isContinuation {
                guard put(cell, x: x, y: y, cols: cols, fallback: fallback) else { return false }
                continue
            }
            // A continuation is drawn by the wide grapheme on its left. Rewrite that one, in
            // case only the continuation changed; with no wide grapheme there (a malformed
            // buffer), show a blank so nothing stale stays behind.
            if x > 0, DisplayWidth.of(buffer[x - 1, y].text) == 2 {
                guard put(buffer[x - 1, y], x: x - 1, y: y, cols: cols, fallback: fallback) else { return false }
            } else {
                guard put(Cell(" ", style: cell.style), x: x, y: y, cols: cols, fallback: fallback) else { return false }
            }
        }
        return true
    }

    /// Forgets every colour pair, here and in ncurses (which schedules a full repaint).
    mutating func resetPairs() {
        pairs.reset()
        reset_color_pairs()
    }

    private mutating func put(_ cell: Cell, x: Int, y: Int, cols: Int, fallback: Bool) -> Bool {
        let code = code(for: cell.style)
        var pair: Int32 = 0
        if depth != .none {
            guard let allocated = pairs.pair(fg: code.fg, bg: code.bg) ?? (fallback ? 0 : nil) else { return false }
            pair = allocated
        }
        var text = cell.text
        if DisplayWidth.of(text) == 2 {
            if x + 1 >= cols {
                text = " "  // half a wide grapheme cannot be shown; ncurses would wrap it
            } else {
                // Blank the right half first: if the C library thinks this grapheme is
                // narrow, the blank (not a stale cell) is what shows there.
                add(" ", attrs: code.attrs, pair: pair, x: x + 1, y: y)
            }
        }
        add(text, attrs: code.attrs, pair: pair, x: x, y: y)
        return true
    }

    /// setcchar + mvwadd_wch. The base character is followed by at most CCHARW_MAX-1
    /// combining scalars (extras are dropped); controls become U+FFFD; a grapheme that
    /// starts with a zero-width scalar is put on a space, because ncurses would otherwise
    /// attach it to the previous cell.
    private func add(_ text: String, attrs: attr_t, pair: Int32, x: Int, y: Int) {
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var count = 0
        for scalar in text.unicodeScalars where count < Int(CCHARW_MAX) {
            var value = scalar.value
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { value = 0xFFFD }
            if count == 0, DisplayWidth.of(Unicode.Scalar(value)!) == 0 {
                chars[0] = 0x20
                count = 1
            }
            if count < Int(CCHARW_MAX) {
                chars[count] = wchar_t(bitPattern: value)
                count += 1
            }
        }
        if count == 0 { chars[0] = 0x20 }
        var cc = cchar_t()
        var extendedPair = pair
        if setcchar(&cc, chars, attrs, Int16(clamping: pair), &extendedPair) == ERR {
            // A base the C library finds unprintable cannot carry marks; show it alone.
            chars[1] = 0
            if setcchar(&cc, chars, attrs, Int16(clamping: pair), &extendedPair) == ERR { return }
        }
        // At the bottom-right cell this returns ERR (the cursor cannot advance with scrollok
        // off), but the cell is stored and drawn; the test suite checks that.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    private mutating func code(for style: Style) -> Code {
        if let known = codes[style] { return known }
        var attrs = cn_a_normal()
        let fg = ColorMapper.map(style.fg, depth: depth, foreground: true)
        let bg = ColorMapper.map(style.bg, depth: depth, foreground: false)
        if style.bold || fg.wantsBold { attrs |= cn_a_bold() }
        if style.dim { attrs |= cn_a_dim() }
        if style.reverse { attrs |= cn_a_reverse() }
        if style.underline { attrs |= cn_a_underline() }
        var code = Code(attrs: attrs, fg: fg.number, bg: bg.number)
        if depth != .none, !defaultColors {
            if code.fg < 0 { code.fg = 7 }
            if code.bg < 0 { code.bg = 0 }
        }
        if codes.count >= Self.maxCachedCodes { codes.removeAll(keepingCapacity: true) }
        codes[style] = code
        return code
    }
}
