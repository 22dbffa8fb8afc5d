import Testing
@testable import ImageKit

@Suite("Area-averaged scaling to cells")
struct CellScalerTests {
    /// Every non-nil half of a cell image, row by row in pixel order.
    private func halves(_ cells: CellImage) -> [[RGB?]] {
        (0..<(cells.height * 2)).map { y in
            (0..<cells.width).map { x in
                y % 2 == 0 ? cells[x, y / 2].top : cells[x, y / 2].bottom
            }
        }
    }

    private func image(width: Int, height: Int, _ colour: (Int, Int) -> RGB) -> RGBImage {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let c = colour(x, y)
                pixels += [c.r, c.g, c.b]
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    @Test func checkerboardAveragesToGrey() {
        let board = image(width: 100, height: 100) { x, y in (x + y) % 2 == 0 ? .white : .black }
        let cells = CellScaler.fit(board, columns: 10, rows: 5)
        let all = halves(cells).flatMap { $0 }
        #expect(all.count == 100)
        for half in all {
            guard let half else {
                Issue.record("square image in a square box must fill it")
                continue
            }
            #expect((127...128).contains(half.r) && half.r == half.g && half.g == half.b)
        }
    }

    @Test func horizontalGradientKeepsItsOrder() {
        let gradient = image(width: 256, height: 16) { x, _ in RGB(UInt8(x), 0, UInt8(255 - x)) }
        let cells = CellScaler.fit(gradient, columns: 32, rows: 2)
        #expect(CellScaler.fittedPixelSize(imageWidth: 256, imageHeight: 16, columns: 32, rows: 2) == (32, 2))
        let top = halves(cells)[1].compactMap { $0 }
        #expect(top.count == 32)
        for (x, pair) in zip(top, top.dropFirst()).enumerated() {
            #expect(pair.0.r < pair.1.r && pair.0.b > pair.1.b, "column \(x)")
        }
        // Column x averages source columns 8x...8x+7: 8x + 3.5.
        for (x, colour) in top.enumerated() {
            #expect(abs(Int(colour.r) - (8 * x + 4)) <= 1)
        }
    }

    @Test func singleBrightPixelBrightensExactlyOneArea() {
        let dark = image(width: 100, height: 100) { x, y in (x, y) == (55, 37) ? .white : .black }
        let cells = CellScaler.fit(dark, columns: 10, rows: 5)
        let grid = halves(cells)
        for y in 0..<10 {
            for x in 0..<10 {
                // The 10x10 area around (55, 37) is output pixel (5, 3): 255 / 100, rounded.
                let expected = (x, y) == (5, 3) ? RGB(3, 3, 3) : RGB.black
                #expect(grid[y][x] == expected, "pixel (\(x), \(y))")
            }
        }
    }

    @Test func fractionalCoverageWeightsSumToOne() {
        let axis = AxisCoverage(source: 7, target: 3)
        for position in 0..<3 {
            let sum = axis.range(of: position).reduce(Float(0)) { $0 + axis.weights[$1] }
            #expect(abs(sum - 1) < 1e-6)
        }
        // Output 1 spans source [7/3, 14/3), 7/3 wide: 2/3 of pixel 2, all of 3, 2/3 of 4.
        #expect(axis.range(of: 1).map { axis.indices[$0] } == [2, 3, 4])
        #expect(axis.range(of: 1).map { axis.weights[$0] } == [Float(2) / 7, Float(3) / 7, Float(2) / 7])
    }

    @Test func wideImageIsLetterboxedAndCentred() {
        let wide = RGBImage(width: 400, height: 100, filledWith: RGB(50, 60, 70))
        #expect(CellScaler.fittedPixelSize(imageWidth: 400, imageHeight: 100, columns: 40, rows: 20) == (40, 10))
        let grid = halves(CellScaler.fit(wide, columns: 40, rows: 20))
        // 10 pixel rows centred in 40: rows 15...24.
        for (y, row) in grid.enumerated() {
            let expected: RGB? = (15...24).contains(y) ? RGB(50, 60, 70) : nil
            #expect(row.allSatisfy { $0 == expected }, "pixel row \(y)")
        }
    }

    @Test func tallImageIsPillarboxedAndCentred() {
        let tall = RGBImage(width: 100, height: 400, filledWith: .white)
        let cells = CellScaler.fit(tall, columns: 40, rows: 20)
        #expect(cells.width == 40 && cells.height == 20)
        for row in halves(cells) {
            let filled = row.indices.filter { row[$0] != nil }
            #expect(filled == Array(15...24))
        }
    }

    @Test func onePixelImageFillsTheBoxOrStaysOnePixel() {
        let dot = RGBImage(width: 1, height: 1, filledWith: RGB(9, 99, 199))
        let filled = CellScaler.fit(dot, columns: 10, rows: 5)
        #expect(filled.cells.allSatisfy { $0 == CellPixel(top: RGB(9, 99, 199), bottom: RGB(9, 99, 199)) })

        let kept = CellScaler.fit(dot, columns: 10, rows: 5, upscale: false)
        let grid = halves(kept)
        let nonEmpty = grid.indices.flatMap { y in grid[y].indices.compactMap { grid[y][$0] == nil ? nil : ($0, y) } }
        #expect(nonEmpty.count == 1 && nonEmpty[0] == (4, 4))
    }

    @Test func fullHDFrameFitsTerminalBox() {
        #expect(CellScaler.fittedPixelSize(imageWidth: 1920, imageHeight: 1080, columns: 200, rows: 60) == (200, 113))
        #expect(CellScaler.fittedPixelSize(imageWidth: 1920, imageHeight: 1080, columns: 80, rows: 24) == (80, 45))
    }

    @Test func emptyBoxGivesEmptyImage() {
        let cells = CellScaler.fit(RGBImage(width: 4, height: 4, filledWith: .white), columns: 0, rows: 3)
        #expect(cells.width == 0 && cells.height == 3 && cells.cells.isEmpty)
    }
}
