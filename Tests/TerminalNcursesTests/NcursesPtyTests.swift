import Foundation
import ScreenKit
import Testing
@testable import TerminalNcurses

extension NcursesTests {
    /// The terminal on a real pseudo-terminal: tty modes, window size, typed keys, and the
    /// bytes that reach the screen.
    @Suite struct Pty {
        final class PseudoTerminal {
            let master: Int32
            let slave: Int32
            let input: UnsafeMutablePointer<FILE>
            let output: UnsafeMutablePointer<FILE>

            init(rows: UInt16, cols: UInt16) throws {
                master = Self.posix_openpt(O_RDWR | O_NOCTTY)
                guard master >= 0, Self.grantpt(master) == 0, Self.unlockpt(master) == 0,
                      let name = Self.ptsname(master) else {
                    throw TerminalError.system("posix_openpt", errno)
                }
                slave = open(name, O_RDWR | O_NOCTTY)
                guard slave >= 0, let input = fdopen(slave, "r"), let output = fdopen(dup(slave), "w") else {
                    throw TerminalError.system("open pty", errno)
                }
                self.input = input
                self.output = output
                _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
                setSize(rows: rows, cols: cols)
            }

            // The pty functions need _XOPEN_SOURCE, which Swift's Glibc module does not
            // define, so they are looked up at run time.
            static func libc<F>(_ name: String, as type: F.Type) -> F {
                unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)!, to: type)
            }
            static let posix_openpt = libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
            static let grantpt = libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
            static let unlockpt = libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
            static let ptsname = libc("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

            func setSize(rows: UInt16, cols: UInt16) {
                var size = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
                _ = withUnsafeMutablePointer(to: &size) { ioctl(master, UInt(TIOCSWINSZ), $0) }
            }

            /// What the program wrote to the screen since the last call.
            func screenBytes() -> [UInt8] {
                var out: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = read(master, &chunk, chunk.count)
                    if n <= 0 { return out }
                    out += chunk[0..<n]
                }
            }

            func type(_ text: String) {
                let bytes = Array(text.utf8)
                _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }

            var localModes: tcflag_t {
                var modes = termios()
                tcgetattr(slave, &modes)
                return modes.c_lflag
            }

            func close() {
                fclose(input)
                fclose(output)
                Glibc.close(master)
            }
        }

        @Test func modesSizeKeysResizeAndRestore() throws {
            let pty = try PseudoTerminal(rows: 30, cols: 100)
            defer { pty.close() }
            let cooked = tcflag_t(ICANON | ECHO)
            #expect(pty.localModes & cooked == cooked)
            let t = try Terminal(options: TerminalOptions(), environment: ["TERM": "xterm-256color"],
                                 input: pty.input, output: pty.output)
            defer { t.restore() }
            #expect(t.width == 100 && t.height == 30)
            #expect(pty.localModes & cooked == 0, "curses mode: no line editing, no echo")
            _ = pty.screenBytes()

            pty.type("j")
            #expect(t.waitForEvents(timeout: 2) == [.key(.char("j"))])

            pty.setSize(rows: 40, cols: 120)
            kill(getpid(), SIGWINCH)   // the kernel signals only the pty's own session
            #expect(t.waitForEvents(timeout: 2) == [.resize(width: 120, height: 40)])
            #expect(t.width == 120 && t.height == 40)
            // The same size again (a duplicate signal, resizeterm's own KEY_RESIZE): no event.
            kill(getpid(), SIGWINCH)
            #expect(t.waitForEvents(timeout: 0.1) == [])

            t.restore()
            #expect(pty.localModes & cooked == cooked, "restore() must give the shell its modes back")
        }

        @Test func rawBytesFollowTheFrame() throws {
            let pty = try PseudoTerminal(rows: 10, cols: 40)
            defer { pty.close() }
            let t = try Terminal(options: TerminalOptions(), environment: ["TERM": "xterm-256color"],
                                 input: pty.input, output: pty.output)
            defer { t.restore() }
            _ = pty.screenBytes()
            var buf = ScreenBuffer(width: 40, height: 10)
            buf.put("frame-text", x: 2, y: 3)
            let osc52 = "\u{1B}]52;c;aGk=\u{07}"
            t.writeRaw(osc52)
            #expect(pty.screenBytes().isEmpty, "nothing is written before the draw")
            t.draw(buf)
            let bytes = String(decoding: pty.screenBytes(), as: UTF8.self)
            #expect(bytes.contains("frame-text"))
            #expect(bytes.hasSuffix(osc52), "\(bytes.debugDescription)")
            // Sent once only.
            buf.put("more", x: 2, y: 4)
            t.draw(buf)
            #expect(!String(decoding: pty.screenBytes(), as: UTF8.self).contains(osc52))
        }

        @Test func kittyPlaceholderCellsReachTheTerminalWithTheirMarksAndIdColour() throws {
            let pty = try PseudoTerminal(rows: 10, cols: 40)
            defer { pty.close() }
            let t = try Terminal(options: TerminalOptions(), environment: ["TERM": "xterm-256color"],
                                 input: pty.input, output: pty.output)
            defer { t.restore() }
            _ = pty.screenBytes()
            var buf = ScreenBuffer(width: 40, height: 10)
            let grid = KittyGraphics.placeholderCells(id: 42, columns: 3, rows: 2, direct: false)
            for (r, row) in grid.enumerated() {
                for (c, cell) in row.enumerated() { buf.set(x: 5 + c, y: 2 + r, cell) }
            }
            buf.put("after", x: 8, y: 2)
            let upload = KittyGraphics.transmitAndPlace(png: Data([0x89, 0x50, 0x4E, 0x47]), id: 42, columns: 3, rows: 2,
                                                        tmux: false)
            t.writeRaw(upload)
            t.draw(buf)
            let bytes = String(decoding: pty.screenBytes(), as: UTF8.self)
            // Every cell: U+10EEEE with its row and column marks, none dropped by ncurses.
            for r in 0..<2 {
                #expect(bytes.contains(grid[r][0].text + grid[r][1].text + grid[r][2].text), "\(bytes.debugDescription)")
            }
            #expect(bytes.contains("\u{1B}[38;5;42m"), "the id as a 256-colour foreground")
            // ncurses counts each placeholder one column wide: the text right after needs no move.
            let end = try #require(bytes.range(of: grid[0][2].text)?.upperBound)
            let start = try #require(bytes.range(of: "after")?.lowerBound)
            let between = String(bytes[end..<start])
                .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\u{1B}(B", with: "")
            #expect(between.isEmpty, "only attribute changes, no cursor move: \(between.debugDescription)")
            #expect(bytes.hasSuffix(upload))
        }

        @Test func restoreLeavesTheAlternateScreenAndShowsTheCursor() throws {
            let pty = try PseudoTerminal(rows: 10, cols: 40)
            defer { pty.close() }
            let t = try Terminal(options: TerminalOptions(), environment: ["TERM": "xterm-256color"],
                                 input: pty.input, output: pty.output)
            t.draw(ScreenBuffer(width: 40, height: 10))
            _ = pty.screenBytes()
            t.restore()
            let bytes = String(decoding: pty.screenBytes(), as: UTF8.self)
            #expect(bytes.contains("\u{1B}[?1049l"), "\(bytes.debugDescription)")
            #expect(bytes.contains("\u{1B}[?25h") || bytes.contains("\u{1B}[?12l\u{1B}[?25h"), "\(bytes.debugDescription)")
        }
    }
}
