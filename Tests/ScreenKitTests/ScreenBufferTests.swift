import ScreenKit
import Testing

@Suite struct ScreenBufferTests {
    @Test func putWritesTextAndStopsAtMaxWidth() {
        var b = ScreenBuffer(width: 10, height: 2)
        let used = b.put("abcdefgh", x: 1, y: 0, maxWidth: 4)
        #expect(used == 4)
        #expect(b.lines() == [" abcd     ", "          "])
    }

    @Test func wideGraphemesTakeTwoCellsAndNeverSplit() {
        var b = ScreenBuffer(width: 5, height: 1)
        b.put("漢字漢", x: 0, y: 0)
        // The third wide character does not fit in the last column: a space stands there.
        #expect(b.lines() == ["漢字 "])
        #expect(b[1, 0].isContinuation)
        #expect(b[4, 0].text == " ")
    }

    @Test func overwritingHalfOfAWideGraphemeBlanksTheOtherHalf() {
        // A popup's border drawn over CJK text must not leave a row of the wrong width.
        var b = ScreenBuffer(width: 6, height: 3)
        for y in 0..<3 { b.put("漢字漢", x: 0, y: y) }
        b.set(x: 1, y: 0, Cell("┌"))
        b.fill(Rect(x: 2, y: 1, width: 1, height: 1), with: Cell("│"))
        b.put("ab", x: 3, y: 2)
        #expect(b.lines() == [" ┌字漢", "漢│ 漢", "漢 ab "])
        #expect(b.lines().allSatisfy { DisplayWidth.of($0) == 6 })
    }

    @Test func settingAWideGraphemeKeepsTheRowWidth() {
        // The note editor's cursor drawn over a CJK character, then over its second half.
        var b = ScreenBuffer(width: 6, height: 2)
        b.put("a窒bc", x: 0, y: 0)
        b.set(x: 1, y: 0, Cell("窒", style: Style(reverse: true)))
        #expect(b.lines()[0] == "a窒bc " && b[2, 0].isContinuation)
        b.put("窒窒", x: 0, y: 1)
        b.set(x: 1, y: 1, Cell("窒"))
        #expect(b.lines().allSatisfy { DisplayWidth.of($0) == 6 }, "\(b.lines())")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var b = ScreenBuffer(width: 4, height: 1)
        let used = b.put("e\u{301}x", x: 0, y: 0)
        #expect(used == 2)
        #expect(b[0, 0].text == "e\u{301}")
        #expect(b[1, 0].text == "x")
    }

    @Test func controlAndEscapeCharactersNeverReachACell() {
        var b = ScreenBuffer(width: 40, height: 1)
        b.put("a\u{1B}[31mred\u{9B}2J\u{7F}\u{202E}b\tc\n", x: 0, y: 0)
        for x in 0..<b.width {
            for scalar in b[x, 0].text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0x202E,
                        "control U+\(String(scalar.value, radix: 16)) in cell \(x)")
            }
        }
        #expect(b.lines()[0].hasPrefix("a\u{FFFD}[31mred\u{FFFD}2J\u{FFFD}b c "))
    }

    @Test func clipRectangleAndBoundsAreNeverExceeded() {
        var b = ScreenBuffer(width: 6, height: 3)
        let clip = Rect(x: 1, y: 1, width: 3, height: 1)
        b.put("xxxxxxxxxx", x: -2, y: 1, clip: clip)
        b.put("yyyy", x: 0, y: 5)
        b.set(x: 9, y: 9, Cell("z"))
        #expect(b.lines() == ["      ", " xxx  ", "      "])
    }

    @Test func changesListOnlyDifferingCells() {
        var a = ScreenBuffer(width: 4, height: 2)
        a.put("ab", x: 0, y: 0)
        var b = a
        b.put("X", x: 3, y: 1, style: Style(bold: true))
        let diff = b.changes(since: a)
        #expect(diff.count == 1)
        #expect(diff.first?.x == 3 && diff.first?.y == 1)
        #expect(b.changes(since: nil).count == 8)
        #expect(b.changes(since: ScreenBuffer(width: 2, height: 2)).count == 8)
    }

    @Test func zeroSizedBufferAcceptsDrawingSilently() {
        var b = ScreenBuffer(width: 0, height: 0)
        b.put("abc", x: 0, y: 0)
        b.fill(Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(b.lines().isEmpty)
    }
}

@Suite struct DisplayWidthAndSanitizerTests {
    @Test func widthsOfCommonScripts() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("窒化ガリウム") == 12)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func fitCutsByColumnsWithAnEllipsis() {
        #expect(Sanitizer.fit("abcdef", width: 4) == "abc…")
        #expect(Sanitizer.fit("abc", width: 4) == "abc")
        #expect(Sanitizer.fit("漢字漢字", width: 5) == "漢字…")
        #expect(Sanitizer.fit("abc", width: 0) == "")
        #expect(DisplayWidth.of(Sanitizer.fit(String(repeating: "漢", count: 300), width: 37)) <= 37)
    }

    @Test func cleanKeepsPrintableTextAndReplacesControls() {
        #expect(Sanitizer.clean("GaN run 7") == "GaN run 7")
        #expect(Sanitizer.clean("a\u{1B}b") == "a\u{FFFD}b")
        #expect(Sanitizer.clean("line1\nline2") == "line1 line2")
        #expect(Sanitizer.clean("\u{202E}abc\u{2066}") == "abc")
    }

    @Test func rectSplitsNeverGoNegative() {
        let r = Rect(x: 0, y: 0, width: 10, height: 3)
        let (top, rest) = r.splitTop(5)
        #expect(top.height == 3 && rest.height == 0)
        #expect(r.inset(by: 4).width == 2 && r.inset(by: 4).height == 0)
        #expect(r.intersection(Rect(x: 20, y: 20, width: 2, height: 2)).isEmpty)
    }
}
