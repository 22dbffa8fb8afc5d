@testable import BrowserCore
import Testing

@Suite struct MetricPlotTests {
    /// The topmost dot row drawn in each dot column (0 = top of the plot), nil when empty.
    static func topDots(_ plot: MetricPlot) -> [Int?] {
        (0..<(2 * plot.width)).map { column in
            for row in 0..<(4 * plot.rows) {
                let cell = plot.cells[row / 4][column / 2]
                let bits = cell.character == " " ? 0 : cell.character.unicodeScalars.first!.value - 0x2800
                if bits & UInt32(MetricPlot.brailleBit(dx: column % 2, dy: row % 4)) != 0 { return row }
            }
            return nil
        }
    }

    @Test func aRampRisesFromBottomLeftToTopRight() {
        let small = MetricPlot(values: [0, 1, 2, 3], anomalous: [], width: 2, rows: 1)
        #expect(small.lines == ["⡠⠊"])
        let ramp = MetricPlot(values: (0..<64).map { Double($0) }, anomalous: [], width: 16, rows: 2)
        let tops = Self.topDots(ramp).map { $0! }
        #expect(tops.first == 7 && tops.last == 0)
        #expect(zip(tops, tops.dropFirst()).allSatisfy { $0 >= $1 }, "not rising: \(tops)")
        #expect(ramp.range == 0...63)
    }

    @Test func aConstantSeriesIsAFlatLineHalfwayUp() {
        let one = MetricPlot(values: [5, 5, 5, 5, 5, 5, 5, 5], anomalous: [], width: 4, rows: 1)
        #expect(one.lines == ["⠒⠒⠒⠒"])
        let two = MetricPlot(values: Array(repeating: 2.5, count: 3), anomalous: [], width: 3, rows: 2)
        #expect(two.lines == ["⣀⣀⣀", "   "])
        #expect(two.range == 2.5...2.5)
    }

    @Test func missingAndNonFiniteValuesAreSkipped() {
        let gaps = MetricPlot(values: [0, nil, .nan, 3], anomalous: [], width: 2, rows: 1)
        #expect(gaps.lines == ["⡀⠈"])
        #expect(gaps.range == 0...3)
        let infinite = MetricPlot(values: [1, .infinity, -.infinity, 1], anomalous: [], width: 2, rows: 1)
        #expect(infinite.range == 1...1)
        let none = MetricPlot(values: [nil, .nan, nil], anomalous: [true, true, true], width: 3, rows: 1)
        #expect(none.lines == ["   "])
        #expect(none.range == nil)
        #expect(none.cells.allSatisfy { $0.allSatisfy { !$0.anomalous } })
    }

    @Test func minMaxDownsamplingKeepsAOneSampleSpike() {
        var values = [Double?](repeating: 0, count: 100)
        values[60] = 10
        let plot = MetricPlot(values: values, anomalous: [], width: 2, rows: 1)
        // Four dot columns of 25 samples: the third spans the full height, the rest sit at 0.
        #expect(plot.lines == ["⣀⣇"])
    }

    @Test func theCursorColumnIsTheCellDrawingTheSelectedSample() throws {
        let values = (0..<16).map { Double($0) }
        let plot = MetricPlot(values: values, anomalous: [], width: 8, rows: 2, cursor: .sample(9))
        #expect(plot.cursorColumn == 4)
        for row in plot.cells {
            for (c, cell) in row.enumerated() { #expect(cell.cursor == (c == 4)) }
        }
        // Fewer samples than dot columns: a sample is stretched, the cursor is on its first cell.
        let stretched = MetricPlot(values: [0, 1, 2], anomalous: [], width: 8, rows: 1, cursor: .sample(1))
        let column = try #require(stretched.cursorColumn)
        let dotColumns = (2 * column)...(2 * column + 1)
        #expect(dotColumns.contains { MetricPlot.samples(ofDotColumn: $0, count: 3, dotColumns: 16).contains(1) })
        #expect(MetricPlot(values: values, anomalous: [], width: 8, rows: 1, cursor: .fraction(0.5)).cursorColumn == 4)
        #expect(MetricPlot(values: values, anomalous: [], width: 8, rows: 1, cursor: .sample(99)).cursorColumn == nil)
        #expect(MetricPlot(values: values, anomalous: [], width: 8, rows: 1).cells.joined().allSatisfy { !$0.cursor })
    }

    @Test func anomalousSamplesMarkTheirCells() {
        let values = (0..<8).map { Double($0) }
        var anomalous = [Bool](repeating: false, count: 8)
        anomalous[5] = true
        let plot = MetricPlot(values: values, anomalous: anomalous, width: 4, rows: 1)
        #expect(plot.cells[0].map(\.anomalous) == [false, false, true, false])
    }

    @Test func emptyAndDegenerateSizesDrawNothing() {
        #expect(MetricPlot(values: [1, 2], anomalous: [], width: 0, rows: 3).cells.allSatisfy { $0.isEmpty })
        #expect(MetricPlot(values: [1, 2], anomalous: [], width: 5, rows: 0).cells.isEmpty)
        #expect(MetricPlot(values: [1, 2], anomalous: [], width: -4, rows: -1).cells.isEmpty)
        #expect(MetricPlot(values: [], anomalous: [], width: 3, rows: 1, cursor: .sample(0)).lines == ["   "])
        let huge = MetricPlot(values: [-1e308, 1e308, 0], anomalous: [], width: 3, rows: 1)
        #expect(huge.lines.count == 1)
    }
}
