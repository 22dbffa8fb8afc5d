import ScreenKit
import Testing

@Suite struct TextWrapTests {
    @Test func breaksAtSpacesAndKeepsEveryCharacter() {
        let lines = TextWrap.lines("growth of GaN on sapphire at 1050 C", width: 12)
        #expect(lines == ["growth of", "GaN on", "sapphire at", "1050 C"])
    }

    @Test func splitsLongIdsWithoutLosingAnything() {
        let id = "3f1c0d2e-8b7a-4c1d-9e2f-0123456789ab"
        let lines = TextWrap.lines(id, width: 10)
        #expect(lines.joined() == id)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func wideCharactersNeverStraddleALine() {
        let lines = TextWrap.lines("窒化ガリウム成長", width: 5)
        #expect(lines == ["窒化", "ガリ", "ウム", "成長"])
    }

    @Test func controlCharactersAreCleanedFirst() {
        let lines = TextWrap.lines("a\u{1B}[2Jb\nc", width: 40)
        #expect(lines.count == 1)
        #expect(!lines[0].unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0A })
    }

    @Test func degenerateWidths() {
        #expect(TextWrap.lines("abc", width: 0).isEmpty)
        #expect(TextWrap.lines("", width: 5) == [""])
        #expect(TextWrap.lines("ab", width: 1) == ["a", "b"])
        // A wide character in a one-column line still gets a line of its own.
        #expect(TextWrap.lines("窒", width: 1).joined() == "窒")
    }
}
