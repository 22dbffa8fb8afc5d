import Testing
@testable import AtomscaleApp

@Suite struct TextTableTests {
    @Test func columnsAlignByDisplayWidth() {
        var t = TextTable(headers: ["ID", "NAME"])
        t.rows = [["a", "日本語"], ["bbb", "x"]]
        #expect(t.render() == """
        ID   NAME
        a    日本語
        bbb  x
        """)
    }

    @Test func hostileCellsAreCleanedAndCutColumnsEndWithEllipsis() {
        var t = TextTable(headers: ["ID", "NAME"])
        t.cuttable = [1: 6]
        t.rows = [["id\u{1B}[2J", "abcdefghij"]]
        let out = t.render()
        #expect(!out.contains("\u{1B}"))
        #expect(out.hasSuffix("abcde…"))
    }

    @Test func isoDatesAreShortened() {
        #expect(DateText.short("2026-03-04T10:11:12.123Z") == "2026-03-04 10:11")
        #expect(DateText.short("yesterday") == "yesterday")
    }
}
