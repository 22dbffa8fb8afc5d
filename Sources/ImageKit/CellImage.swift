/// One terminal cell showing two square pixels stacked: drawn as the upper half block
/// U+2580 with the foreground for `top` and the background for `bottom`.
/// nil means that half lies outside the image (letterbox area).
public struct CellPixel: Sendable, Hashable {
    public var top: RGB?
    public var bottom: RGB?

    public init(top: RGB?, bottom: RGB?) {
        self.top = top
        self.bottom = bottom
    }

    public static let empty = CellPixel(top: nil, bottom: nil)
}

/// An image laid out on a grid of terminal cells, row-major.
public struct CellImage: Sendable, Equatable {
    /// In cells.
    public let width: Int
    /// In cells; the pixel grid behind it is `2 * height` tall.
    public let height: Int
    public let cells: [CellPixel]

    public init(width: Int, height: Int, cells: [CellPixel]) {
        precondition(cells.count == width * height, "cells.count must be width * height")
        self.width = width
        self.height = height
        self.cells = cells
    }

    public subscript(column: Int, row: Int) -> CellPixel {
        cells[row * width + column]
    }
}
