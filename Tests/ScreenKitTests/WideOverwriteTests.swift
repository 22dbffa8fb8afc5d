import ScreenKit
import Testing

/// Drawing over half of a wide (two-cell) grapheme must not leave the other half behind:
/// the row would then be one column too wide or too narrow on screen.
@Suite struct WideOverwriteTests {
    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("a窒b", x: 0, y: 0)
        b.set(x: 2, y: 0, Cell("│"))
        #expect(b.lines() == ["a │b  "])
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("a窒b", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.lines() == ["ax b  "])
    }

    @Test func fillOverAnEdgeOfAWideGraphemeKeepsTheRowWidth() {
        var b = ScreenBuffer(width: 8, height: 1)
        b.put("窒窒窒窒", x: 0, y: 0)
        b.fill(Rect(x: 3, y: 0, width: 2, height: 1), with: Cell("#"))
        #expect(b.lines() == ["窒 ## 窒"])
        #expect(DisplayWidth.of(b.lines()[0]) == 8)
    }
}
