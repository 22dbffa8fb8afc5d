import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct NoteEditorTests {
    func edit(_ start: String, _ keys: Key...) -> LineEditor {
        var e = LineEditor(start)
        for k in keys { _ = e.apply(k) }
        return e
    }

    @Test func cursorMovesAndInsertsWhereItIs() {
        var e = edit("helo", .left)
        _ = e.apply(.char("l"))
        #expect(e.string == "hello" && e.cursor == 4)
        e = edit("world", .home, .char("a"), .ctrl("e"), .char("!"))
        #expect(e.string == "aworld!")
        e = edit("abc", .ctrl("a"), .right, .char("-"))
        #expect(e.string == "a-bc")
        e = edit("abc", .end, .right, .right)
        #expect(e.cursor == 3)
        e = edit("abc", .home, .left)
        #expect(e.cursor == 0)
    }

    @Test func deletionKeys() {
        #expect(edit("abc", .backspace).string == "ab")
        #expect(edit("abc", .home, .backspace).string == "abc")
        #expect(edit("abc", .home, .delete).string == "bc")
        #expect(edit("abc", .delete).string == "abc")
        #expect(edit("one two three", .left, .left, .ctrl("u")).string == "ee")
        #expect(edit("one two three", .home, .right, .ctrl("k")).string == "o")
        #expect(edit("one two  ", .ctrl("w")).string == "one ")
        #expect(edit("one two", .ctrl("w"), .ctrl("w")).string == "")
    }

    @Test func graphemesAreNeverSplitAndControlsNeverGetIn() {
        var e = edit("e\u{301}👍🏽", .left, .backspace)
        #expect(e.string == "👍🏽")
        e = edit("", .char("\u{1B}"), .char("\u{7}"), .char("窒"))
        #expect(e.string == "窒")
        #expect(edit(String(repeating: "x", count: 600)).text.count == 500)
    }

    @Test func windowKeepsTheCursorVisible() {
        let e = edit(String(repeating: "abcdefghij", count: 5))
        let (text, column) = e.window(width: 10)
        #expect(text == "bcdefghij" && column == 9)
        let home = edit("abcdefghijklmnop", .home)
        #expect(home.window(width: 5) == ("abcde", 0))
    }

    @Test func enterSavesEscCancelsAndEmptyDeletes() throws {
        var d = Driver.triage()
        let id = try #require(d.state.selectedVideo?.dataID)
        d.keys(.char("n"))
        #expect(d.state.triage.noteEditor != nil)
        d.type("edge blur")
        // Keys are text while the editor is open: q does not quit, x does not mark.
        d.keys(.char(" "), .char("q"), .char("x"))
        #expect(d.state.wantsQuit == false)
        let save = d.keys(.enter)
        #expect(save.saves.map(\.edit) == [.setNote("edge blur qx")])
        #expect(d.state.triage.noteEditor == nil)
        #expect(d.state.triage.videos[id]?.note == "edge blur qx")
        d.store(save)

        // Opening again starts from the note; Esc leaves it alone.
        d.keys(.char("n"))
        #expect(d.state.triage.noteEditor?.editor.string == "edge blur qx")
        d.keys(.ctrl("u"))
        #expect(d.keys(.escape).saves.isEmpty)
        #expect(d.state.triage.videos[id]?.note == "edge blur qx")

        // Emptied and saved: the note is deleted.
        d.keys(.char("n"), .ctrl("u"))
        let delete = d.keys(.enter)
        #expect(delete.saves.map(\.edit) == [.setNote("")])
        #expect(d.state.triage.videos[id] == nil)
        #expect(d.state.notice == "note deleted")
    }

    @Test func unchangedNoteSendsNothing() {
        var d = Driver.triage()
        d.keys(.char("n"))
        #expect(d.keys(.enter).saves.isEmpty)
        #expect(d.state.notice == "note not changed")
    }

    @Test func theEditorIsDrawnInTheStatusRowWithACursor() {
        var d = Driver.triage()
        d.keys(.char("2"), .char("n"))
        d.type("scratch")
        let buffer = Screen.render(d.state)
        let status = buffer.lines().last ?? ""
        #expect(status.contains("note on frame 1") && status.contains("scratch"), "\(status)")
        #expect(buffer.cells.suffix(buffer.width).contains { $0.style.reverse })
    }
}
