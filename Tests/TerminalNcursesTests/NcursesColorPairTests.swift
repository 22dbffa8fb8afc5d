import Foundation
import ScreenKit
import Testing
@testable import TerminalNcurses

extension NcursesTests {
    /// Colour pairs under real ncurses: running out must never leave a wrong colour.
    @Suite struct ColorPairs {
        /// All 80 (fg, bg) combinations of an 8-colour terminal other than (default, default).
        static let combos: [(fg: Int, bg: Int)] = (-1...7).flatMap { fg in (-1...7).map { (fg, $0) } }
            .filter { $0.0 >= 0 || $0.1 >= 0 }

        static func style(_ combo: (fg: Int, bg: Int)) -> Style {
            Style(fg: combo.fg < 0 ? .none : .ansi(UInt8(combo.fg)), bg: combo.bg < 0 ? .none : .ansi(UInt8(combo.bg)))
        }

        @Test func fullTableRebuildsAndRepaintsUnchangedCells() throws {
            // xterm: 8 colours, 64 pairs, so 63 usable.
            let pt = try PipeTerminal(term: "xterm")
            defer { pt.close() }
            let t = pt.terminal
            #expect(t.writer.pairs.capacity == 63)
            try #require(t.width >= 60)
            var first = ScreenBuffer(width: t.width, height: t.height)
            for i in 0..<40 { first[i, 0] = Cell("a", style: Self.style(Self.combos[i])) }
            t.draw(first)
            #expect(t.writer.pairs.resets == 0)
            // Keep 20 of those cells, add 40 new combinations: 60 fit in a fresh table, but
            // not on top of the 40 already defined.
            var second = first
            for i in 20..<60 { second[i, 0] = Cell("b", style: Self.style(Self.combos[i + 20])) }
            t.draw(second)
            #expect(t.writer.pairs.resets == 1)
            for i in 0..<60 {
                let want = i < 20 ? Self.combos[i] : Self.combos[i + 20]
                let cell = try #require(t.storedCell(x: i, y: 0))
                #expect(cell.fg == Int32(want.fg) && cell.bg == Int32(want.bg), "cell \(i): \(cell), want \(want)")
            }
        }

        @Test func aFrameNeedingMorePairsThanExistStillDrawsItsText() throws {
            let pt = try PipeTerminal(term: "xterm")
            defer { pt.close() }
            let t = pt.terminal
            try #require(t.width >= 80)
            var buf = ScreenBuffer(width: t.width, height: t.height)
            for (i, combo) in Self.combos.enumerated() { buf[i, 1] = Cell("c", style: Self.style(combo).with(bold: true)) }
            t.draw(buf)
            for i in 0..<Self.combos.count {
                let cell = try #require(t.storedCell(x: i, y: 1))
                #expect(cell.text == "c" && cell.bold)
                // Either exactly right or the defaults; never another combination's colours.
                let want = Self.combos[i]
                let exact = cell.fg == Int32(want.fg) && cell.bg == Int32(want.bg)
                #expect(exact || cell.pair == 0, "cell \(i): \(cell)")
            }
        }

        @Test func extendedPairsBeyond32767() throws {
            // A 200x200 window (ncurses takes LINES/COLUMNS when output is not a tty).
            let pt = try withEnvironment(["LINES": "200", "COLUMNS": "200"]) { try PipeTerminal() }
            defer { pt.close() }
            let t = pt.terminal
            try #require(t.width == 200 && t.height == 200)
            var buf = ScreenBuffer(width: 200, height: 200)
            for i in 0..<40000 {
                buf[i % 200, i / 200] = Cell(" ", style: Style(fg: .indexed(UInt8(i % 256)), bg: .indexed(UInt8(i / 256))))
            }
            t.draw(buf)
            #expect(t.writer.pairs.resets == 0)
            #expect(t.writer.pairs.count == 40000)
            for i in [0, 255, 256, 32767, 32768, 39999] {
                let cell = try #require(t.storedCell(x: i % 200, y: i / 200))
                #expect(cell.fg == Int32(i % 256) && cell.bg == Int32(i / 256), "cell \(i): \(cell)")
            }
            #expect((t.storedCell(x: 199, y: 199)?.pair ?? 0) > 32767)
            // Another 40000 combinations: the table (65535) overflows once and every cell is right.
            for i in 0..<40000 {
                let j = 65535 - i
                buf[i % 200, i / 200] = Cell(" ", style: Style(fg: .indexed(UInt8(j % 256)), bg: .indexed(UInt8(j / 256))))
            }
            t.draw(buf)
            #expect(t.writer.pairs.resets == 1)
            for i in [0, 1, 20000, 39999] {
                let j = 65535 - i
                let cell = try #require(t.storedCell(x: i % 200, y: i / 200))
                #expect(cell.fg == Int32(j % 256) && cell.bg == Int32(j / 256), "cell \(i): \(cell)")
            }
        }

        @Test func truecolorWithoutADirectEntryFallsBackToTERM() throws {
            let pt = try withEnvironment(["TERMINFO": "/nonexistent-terminfo"]) {
                try PipeTerminal(term: "xterm-256color", colorTerm: "truecolor")
            }
            defer { pt.close() }
            let installed = ["/usr/share/terminfo/x/xterm-direct", "/lib/terminfo/x/xterm-direct",
                             "/etc/terminfo/x/xterm-direct"].contains { FileManager.default.fileExists(atPath: $0) }
            #expect(pt.terminal.colorDepth == (installed ? .direct : .indexed256))
        }

        /// A direct-colour entry compiled with tic into a private TERMINFO directory, named
        /// xterm-direct so that COLORTERM=truecolor picks it for TERM=xterm-256color.
        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tic")))
        func truecolorPicksTheDirectEntryAndSendsExactRGB() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("terminfo-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let source = dir.appendingPathComponent("direct.src")
            try """
            xterm-direct|test direct colour,
            \tcolors#0x1000000, pairs#0x10000, RGB, ccc@, initc@, setb@, setf@,
            \tsetaf=\\E[%?%p1%{8}%<%t3%p1%d%e38:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
            \tsetab=\\E[%?%p1%{8}%<%t4%p1%d%e48:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
            \tuse=xterm-256color,

            """.write(to: source, atomically: true, encoding: .utf8)
            let tic = Process()
            tic.executableURL = URL(fileURLWithPath: "/usr/bin/tic")
            tic.arguments = ["-x", "-o", dir.path, source.path]
            try tic.run()
            tic.waitUntilExit()
            try #require(tic.terminationStatus == 0)

            let pt = try withEnvironment(["TERMINFO": dir.path]) {
                try PipeTerminal(term: "xterm-256color", colorTerm: "truecolor")
            }
            defer { pt.close() }
            let t = pt.terminal
            #expect(t.colorDepth == .direct && t.supportsTrueColor && t.colorCount == 1 << 24)
            var buf = ScreenBuffer(width: t.width, height: t.height)
            buf.put("rgb", x: 0, y: 0, style: Style(fg: .rgb(RGB(0x12, 0x34, 0x56)), bg: .rgb(RGB(0, 0, 0))))
            buf.put("ansi", x: 0, y: 1, style: Style(fg: .ansi(3)))
            t.draw(buf)
            let cell = try #require(t.storedCell(x: 0, y: 0))
            #expect(cell.fg == 0x123456 && cell.bg == 0x010101, "\(cell)")
            #expect(t.storedCell(x: 0, y: 1)?.fg == 3)
        }
    }
}

extension Style {
    func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
