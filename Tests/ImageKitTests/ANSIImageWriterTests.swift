import Testing
@testable import ImageKit

@Suite("ANSI output")
struct ANSIImageWriterTests {
    private let red = RGB(255, 0, 0)
    private let blue = RGB(0, 0, 255)
    private var twoByOne: CellImage {
        CellImage(width: 2, height: 1, cells: [CellPixel(top: red, bottom: blue), CellPixel(top: red, bottom: nil)])
    }

    @Test func truecolorTwoByOne() {
        #expect(ANSIImageWriter.render(twoByOne, mode: .truecolor)
            == "\u{1B}[38;2;255;0;0;48;2;0;0;255m\u{2580}\u{1B}[49m\u{2580}\u{1B}[0m\n")
    }

    @Test func palette256TwoByOne() {
        #expect(ANSIImageWriter.render(twoByOne, mode: .palette256)
            == "\u{1B}[38;5;196;48;5;21m\u{2580}\u{1B}[49m\u{2580}\u{1B}[0m\n")
    }

    @Test func ansi16TwoByOne() {
        #expect(ANSIImageWriter.render(twoByOne, mode: .ansi16)
            == "\u{1B}[91;44m\u{2580}\u{1B}[49m\u{2580}\u{1B}[0m\n")
    }

    @Test func monoTwoByOneHasNoEscapes() {
        // Luma of red+blue averaged is 52, red alone 76: both on the ramp's ':' step.
        #expect(ANSIImageWriter.render(twoByOne, mode: .mono) == "::\n")
    }

    @Test func unchangedColoursAreNotRepeatedAndLinesReset() {
        let same = CellPixel(top: red, bottom: blue)
        let image = CellImage(width: 3, height: 2, cells: Array(repeating: same, count: 6))
        let line = "\u{1B}[38;5;196;48;5;21m\u{2580}\u{2580}\u{2580}\u{1B}[0m\n"
        #expect(ANSIImageWriter.render(image, mode: .palette256) == line + line)
    }

    @Test func emptyUniformAndBottomOnlyCells() {
        let image = CellImage(width: 4, height: 1, cells: [
            .empty,
            CellPixel(top: blue, bottom: blue),
            CellPixel(top: nil, bottom: red),
            .empty,
        ])
        #expect(ANSIImageWriter.render(image, mode: .palette256)
            == " \u{1B}[48;5;21m \u{1B}[38;5;196;49m\u{2584} \u{1B}[0m\n")
    }

    @Test func emptyImageRendersBlankLines() {
        let image = CellImage(width: 2, height: 2, cells: Array(repeating: .empty, count: 4))
        #expect(ANSIImageWriter.render(image, mode: .truecolor) == "  \u{1B}[0m\n  \u{1B}[0m\n")
    }
}
