import CNcursesw
import Foundation
import ScreenKit
import Testing
@testable import TerminalNcurses

/// Every test that opens ncurses lives under this suite: the screen, the signal handlers
/// and the locale are process-wide, so these run one at a time.
@Suite(.serialized) struct NcursesTests {}

extension NcursesTests {
    @Suite struct Drawing {
        @Test func textWideCharactersCombiningMarksAndStylesReachTheWindow() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            let t = pt.terminal
            #expect(t.colorDepth == .indexed256 && t.colorCount == 256 && !t.supportsTrueColor)
            let (w, h) = (t.width, t.height)
            var buf = ScreenBuffer(width: w, height: h)
            buf.put("Hello", x: 0, y: 0, style: Style(fg: .ansi(1), bold: true))
            buf.put("中文", x: 10, y: 0, style: Style(fg: .indexed(33), underline: true))
            buf.put("e\u{301}", x: 20, y: 0, style: Style(bg: .rgb(RGB(255, 135, 0)), reverse: true))
            buf.put("dim", x: 30, y: 0, style: Style(dim: true))
            buf[0, 2] = Cell("\u{301}")           // a lone combining mark
            buf[2, 2] = Cell("\u{1B}")            // a control character
            buf[w - 1, 3] = Cell("宽")            // wide, but in the last column
            buf[w - 1, h - 1] = Cell("Z", style: Style(fg: .ansi(2)))
            t.draw(buf)

            let h0 = try #require(t.storedCell(x: 0, y: 0))
            #expect(h0.text == "H" && h0.bold && h0.fg == 1 && h0.bg == -1, "\(h0)")
            #expect(t.storedCell(x: 4, y: 0)?.text == "o")
            #expect(t.storedCell(x: 5, y: 0) == StoredCell(text: " "))
            let zhong = try #require(t.storedCell(x: 10, y: 0))
            #expect(zhong.text == "中" && zhong.underline && zhong.fg == 33 && zhong.bg == -1, "\(zhong)")
            #expect(t.storedCell(x: 12, y: 0)?.text == "文")
            let acute = try #require(t.storedCell(x: 20, y: 0))
            #expect(acute.text == "e\u{301}" && acute.reverse && acute.fg == -1 && acute.bg == 208, "\(acute)")
            #expect(t.storedCell(x: 21, y: 0)?.text == " ")
            #expect(t.storedCell(x: 30, y: 0)?.dim == true)
            #expect(t.storedCell(x: 0, y: 2)?.text == " \u{301}")
            #expect(t.storedCell(x: 2, y: 2)?.text == "\u{FFFD}")
            #expect(t.storedCell(x: w - 1, y: 3)?.text == " ")
            let corner = try #require(t.storedCell(x: w - 1, y: h - 1))
            #expect(corner.text == "Z" && corner.fg == 2, "\(corner)")
            #expect(t.storedCell(x: w - 2, y: h - 1)?.text == " ", "the corner write must not scroll or wrap")
            #expect(t.storedCell(x: 0, y: h - 1)?.text == " ")
        }

        @Test func onlyChangedCellsAreWritten() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            let t = pt.terminal
            var first = ScreenBuffer(width: t.width, height: t.height)
            first.put("abcdef", x: 0, y: 1)
            t.draw(first)
            // Scribble behind the writer's back: a cell it believes unchanged keeps the
            // scribble, a changed one is overwritten.
            _ = mvwaddstr(t.window, 1, 1, "#")
            _ = mvwaddstr(t.window, 1, 4, "#")
            var second = first
            second.put("E", x: 4, y: 1)
            t.draw(second)
            #expect(t.storedCell(x: 1, y: 1)?.text == "#")
            #expect(t.storedCell(x: 4, y: 1)?.text == "E")
            #expect(t.storedCell(x: 5, y: 1)?.text == "f")
        }

        @Test func wideAndNarrowReplaceEachOther() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            let t = pt.terminal
            var buf = ScreenBuffer(width: t.width, height: t.height)
            buf.put("中x", x: 0, y: 0)
            buf.put("ab", x: 10, y: 0)
            t.draw(buf)
            buf.put("ab", x: 0, y: 0)
            buf.put("中", x: 10, y: 0)
            t.draw(buf)
            #expect(t.storedCell(x: 0, y: 0)?.text == "a")
            #expect(t.storedCell(x: 1, y: 0)?.text == "b")
            #expect(t.storedCell(x: 2, y: 0)?.text == "x")
            #expect(t.storedCell(x: 10, y: 0)?.text == "中")
            // Only the continuation cell changes: the wide grapheme must survive (writing a
            // blank there would split it), so its leader is rewritten.
            var next = buf
            next[11, 0] = Cell("", style: Style(fg: .ansi(4)))
            t.draw(next)
            #expect(t.storedCell(x: 10, y: 0)?.text == "中")
        }

        @Test func aSmallerBufferLeavesNoStaleCells() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            let t = pt.terminal
            t.draw(ScreenBuffer(width: t.width, height: t.height, fill: Cell("X")))
            #expect(t.storedCell(x: 30, y: 10)?.text == "X")
            t.draw(ScreenBuffer(width: 10, height: 5, fill: Cell("Y")))
            #expect(t.storedCell(x: 9, y: 4)?.text == "Y")
            #expect(t.storedCell(x: 30, y: 10)?.text == " ")
            // And a buffer larger than the window is clipped, not wrapped.
            t.draw(ScreenBuffer(width: t.width + 5, height: t.height + 2, fill: Cell("W")))
            #expect(t.storedCell(x: t.width - 1, y: t.height - 1)?.text == "W")
        }

        @Test func noColorKeepsAttributesOnly() throws {
            let pt = try PipeTerminal(noColor: true)
            defer { pt.close() }
            let t = pt.terminal
            #expect(t.colorDepth == .none && t.colorCount == 0)
            var buf = ScreenBuffer(width: t.width, height: t.height)
            buf.put("alert", x: 0, y: 0, style: Style(fg: .ansi(1), bg: .rgb(RGB(0, 0, 255)), bold: true, reverse: true))
            t.draw(buf)
            let cell = try #require(t.storedCell(x: 0, y: 0))
            #expect(cell.text == "a" && cell.bold && cell.reverse && cell.pair == 0, "\(cell)")
        }

        @Test func eightColourTerminalFoldsBrightColoursIntoBold() throws {
            let pt = try PipeTerminal(term: "xterm")
            defer { pt.close() }
            let t = pt.terminal
            #expect(t.colorDepth == .ansi8)
            var buf = ScreenBuffer(width: t.width, height: t.height)
            buf.put("hi", x: 0, y: 0, style: Style(fg: .ansi(9), bg: .indexed(21)))
            t.draw(buf)
            let cell = try #require(t.storedCell(x: 0, y: 0))
            #expect(cell.fg == 1 && cell.bold && cell.bg == 4, "\(cell)")
        }
    }
}
