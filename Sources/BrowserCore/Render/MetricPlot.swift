/// One metric across the whole video as braille cells (U+2800 block: 2 dots wide and 4 high
/// per cell), so a plot of `width` x `rows` cells has 2·width columns and 4·rows rows of dots.
///
/// Each dot column covers an equal share of the samples (in sample order) and draws the span
/// from the smallest to the largest finite value among them (min/max downsampling: a spike
/// one sample wide still shows). With fewer samples than dot columns each sample is
/// stretched over several. Missing and non-finite values draw nothing. A series whose finite
/// values are all equal is a flat line halfway up. Pure, so tests compare cells.
public struct MetricPlot: Hashable, Sendable {
    public struct PlotCell: Hashable, Sendable {
        /// A braille character, or a space when no dot is set.
        public var character: Character
        /// The cell draws at least one anomalous sample.
        public var anomalous: Bool
        /// The cell is in the cursor column (the selected frame).
        public var cursor: Bool
    }

    /// Where the cursor goes: on a sample, or (for a frame without one) at a fraction of
    /// the width.
    public enum Cursor: Hashable, Sendable {
        case sample(Int)
        case fraction(Double)
    }

    public let width: Int
    public let rows: Int
    /// `rows` lines of `width` cells, top line first.
    public let cells: [[PlotCell]]
    /// The range plotted: the smallest and largest finite value; nil without any.
    public let range: ClosedRange<Double>?
    public let cursorColumn: Int?

    /// - Parameters:
    ///   - values: one per sample, in order; nil or non-finite values are skipped.
    ///   - anomalous: per sample, whether it is anomalous (missing entries: not).
    public init(values: [Double?], anomalous: [Bool], width: Int, rows: Int, cursor: Cursor? = nil) {
        let width = max(0, width), rows = max(0, rows)
        self.width = width
        self.rows = rows
        var lo = Double.infinity, hi = -Double.infinity
        for case let v? in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        range = lo <= hi ? lo...hi : nil
        var bits = [[UInt8]](repeating: [UInt8](repeating: 0, count: width), count: rows)
        var red = [[Bool]](repeating: [Bool](repeating: false, count: width), count: rows)
        let n = values.count
        let dotColumns = 2 * width, dotRows = 4 * rows
        if n > 0, dotColumns > 0, dotRows > 0, let range {
            for column in 0..<dotColumns {
                let span = Self.samples(ofDotColumn: column, count: n, dotColumns: dotColumns)
                var cmin = Double.infinity, cmax = -Double.infinity, flagged = false
                for s in span {
                    guard let v = values[s], v.isFinite else { continue }
                    cmin = min(cmin, v)
                    cmax = max(cmax, v)
                    if s < anomalous.count, anomalous[s] { flagged = true }
                }
                guard cmin <= cmax else { continue }
                let top = Self.dotRow(cmax, range: range, dotRows: dotRows)
                let bottom = Self.dotRow(cmin, range: range, dotRows: dotRows)
                let cell = column / 2
                for dot in top...bottom {
                    bits[dot / 4][cell] |= Self.brailleBit(dx: column % 2, dy: dot % 4)
                    if flagged { red[dot / 4][cell] = true }
                }
            }
        }
        var cursorColumn: Int?
        switch cursor {
        case .sample(let s)? where s >= 0 && s < n && dotColumns > 0:
            cursorColumn = (0..<dotColumns).first { Self.samples(ofDotColumn: $0, count: n, dotColumns: dotColumns).contains(s) }
                .map { $0 / 2 }
        case .fraction(let f)? where f.isFinite && width > 0:
            cursorColumn = min(width - 1, max(0, Int(f * Double(width))))
        default:
            cursorColumn = nil
        }
        self.cursorColumn = cursorColumn
        cells = (0..<rows).map { r in
            (0..<width).map { c in
                let b = bits[r][c]
                return PlotCell(character: b == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(b))!),
                                anomalous: red[r][c], cursor: c == cursorColumn)
            }
        }
    }

    /// The plot as text, one string per row (for tests and debugging).
    public var lines: [String] { cells.map { String($0.map(\.character)) } }

    /// The samples one dot column covers: an equal share, at least one.
    static func samples(ofDotColumn column: Int, count n: Int, dotColumns: Int) -> Range<Int> {
        let start = column * n / dotColumns
        let end = max(start + 1, (column + 1) * n / dotColumns)
        return start..<min(end, n)
    }

    /// Dot row of a value, 0 at the top.
    static func dotRow(_ v: Double, range: ClosedRange<Double>, dotRows: Int) -> Int {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return (dotRows - 1) / 2 }
        let level = Int(((v - range.lowerBound) / span * Double(dotRows - 1)).rounded())
        return dotRows - 1 - min(dotRows - 1, max(0, level))
    }

    /// The bit of dot (dx, dy) in a braille cell; dy 0 is the top row.
    static func brailleBit(dx: Int, dy: Int) -> UInt8 {
        switch (dx, dy) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        case (0, _): return 0x40
        default: return 0x80
        }
    }
}
