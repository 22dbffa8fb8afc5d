/// The whole screen as cells. Renderers draw into one of these; the terminal layer diffs
/// it with the previous frame and writes only what changed.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Sets one cell if it lies inside the buffer and `clip`; silently ignores the rest, so
    /// no renderer can draw outside its area or the window.
    public mutating func set(x: Int, y: Int, _ cell: Cell, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(x: x, y: y) { return }
        // A wide grapheme set here covers the next cell too (the note editor's cursor on a
        // CJK character): that cell becomes its continuation, as `put` would make it.
        let wide = (cell.text.unicodeScalars.first?.value ?? 0) >= 0x1100 && DisplayWidth.of(cell.text) == 2
            && x + 1 < width
        splitWide(y: y, from: x, to: x + (wide ? 2 : 1))
        cells[y * width + x] = cell
        if wide { cells[y * width + x + 1] = Cell("", style: cell.style) }
    }

    /// Before cells [x0, x1) of row y are overwritten: a wide grapheme with only one of its
    /// two cells inside the range is replaced by a space, so no half of it is left behind to
    /// make the row wider or narrower than the screen.
    private mutating func splitWide(y: Int, from x0: Int, to x1: Int) {
        let row = y * width
        if x0 > 0, x0 < width, cells[row + x0].isContinuation {
            cells[row + x0 - 1] = Cell(" ", style: cells[row + x0 - 1].style)
        }
        if x1 > 0, x1 < width, cells[row + x1].isContinuation {
            cells[row + x1] = Cell(" ", style: cells[row + x1].style)
        }
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            splitWide(y: y, from: r.x, to: r.maxX)
            let row = y * width
            for x in r.x..<r.maxX { cells[row + x] = cell }
        }
    }

    /// Writes sanitised `text` from (x, y), never past `maxWidth` columns nor past the clip
    /// rectangle (default: the whole buffer). A wide grapheme that does not fit whole is
    /// replaced by a space. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil,
                             style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        let limitX = min(area.maxX, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var col = x
        for g in Sanitizer.clean(text) {
            let w = DisplayWidth.of(g)
            if w == 0 {
                // A lone zero-width grapheme joins the previous cell rather than taking one.
                continue
            }
            if col + w > limitX {
                if col < limitX, col >= area.x {
                    splitWide(y: y, from: col, to: col + 1)
                    cells[y * width + col] = Cell(" ", style: style)
                }
                col += 1
                break
            }
            if col >= area.x {
                splitWide(y: y, from: col, to: col + w)
                cells[y * width + col] = Cell(String(g), style: style)
                if w == 2 { cells[y * width + col + 1] = Cell("", style: style) }
            }
            col += w
        }
        return max(0, min(col, limitX) - x)
    }

    /// The rows as plain strings (continuation cells skipped), for tests and debugging.
    public func lines() -> [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].text }
            return s
        }
    }

    /// Cells whose content or style differs from `previous` (everything when sizes differ).
    public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        guard let previous, previous.width == width, previous.height == height else {
            for y in 0..<height { for x in 0..<width { out.append((x, y)) } }
            return out
        }
        for i in 0..<cells.count where cells[i] != previous.cells[i] {
            out.append((i % width, i / width))
        }
        return out
    }
}

extension ScreenBuffer: CustomDebugStringConvertible {
    public var debugDescription: String { lines().joined(separator: "\n") }
}
