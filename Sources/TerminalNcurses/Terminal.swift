import CNcursesw
import Foundation
import ScreenKit
import Synchronization

/// What the browser asks of the terminal.
public struct TerminalOptions: Sendable, Equatable {
    /// No colours at all (NO_COLOR, --no-color, colors = none); bold/reverse/underline stay.
    public var noColor: Bool
    public init(noColor: Bool = false) { self.noColor = noColor }
}

/// What wakes the UI loop.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived (or the terminal went away): restore and leave.
    case signal(Int32)
    /// Another thread called `TerminalWaker.wake()`.
    case wake
}

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case noTerminalType
    case unknownTerminal(String)
    /// Signals and the ncurses screen are process-wide: one Terminal at a time.
    case alreadyOpen
    /// The entry exists but cannot address the cursor (TERM=dumb, Emacs' shell buffer).
    case notFullScreen(String)
    case system(String, Int32)

    public var description: String {
        switch self {
        case .noTerminalType: return "TERM is not set; the browser needs to know the terminal type"
        case .unknownTerminal(let name): return "unknown terminal type '\(name)' (no terminfo entry)"
        case .alreadyOpen: return "the terminal is already in use"
        case .notFullScreen(let name): return "terminal type '\(name)' cannot move the cursor; the browser needs a full-screen terminal"
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Lets background threads wake the UI loop's wait (a 1-byte write to the self-pipe).
/// Safe from any thread, at any time: after `Terminal.restore()` it does nothing, rather
/// than write into a closed (and possibly reused) descriptor.
public final class TerminalWaker: Sendable {
    private let fd: Mutex<Int32>

    init(fd: Int32) { self.fd = Mutex(fd) }

    public func wake() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            var byte = SignalPipe.wakeByte
            // A full pipe (EAGAIN) already holds a wake-up; nothing else can usefully fail.
            _ = write(fd, &byte, 1)
        }
    }

    func disconnect() { fd.withLock { $0 = -1 } }
}

/// Signals and ncurses' current screen are process-wide, so at most one Terminal is open.
nonisolated(unsafe) private var terminalIsOpen = false

/// The ncurses screen. Only the UI thread may call it.
public final class Terminal {
    public let waker: TerminalWaker
    public internal(set) var width: Int = 80
    public internal(set) var height: Int = 24
    /// What the drawing path can show; callers pick an image colour mode from it.
    public let colorDepth: ColorDepth
    /// Colours the drawing path uses: 0 (none), 8, 16, 256 or 16777216.
    public var colorCount: Int {
        switch colorDepth {
        case .none: return 0
        case .ansi8: return 8
        case .ansi16: return 16
        case .indexed256: return 256
        case .direct: return 1 << 24
        }
    }
    /// True when `.rgb` colours reach the terminal exactly (a direct-colour terminfo entry,
    /// chosen automatically when COLORTERM says truecolor/24bit and the entry is installed).
    public var supportsTrueColor: Bool { colorDepth == .direct }

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let output: UnsafeMutablePointer<FILE>
    let inputFD: Int32
    let outputFD: Int32
    let signals: SignalPipe
    var writer: CellWriter
    /// The last buffer drawn; nil forces the next draw to write every cell.
    var lastDrawn: ScreenBuffer?
    /// Also repaint the physical screen from scratch on the next draw.
    var repaintAll = false
    var pendingRaw: [UInt8] = []
    private(set) var isActive = true

    public convenience init(options: TerminalOptions, environment: [String: String]) throws {
        try self.init(options: options, environment: environment, input: cn_stdin(), output: cn_stdout())
    }

    /// Opens curses on the given streams: the program passes stdin/stdout; tests pass a
    /// pipe and /dev/null or a pseudo-terminal.
    init(options: TerminalOptions, environment: [String: String],
         input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>) throws {
        guard !terminalIsOpen else { throw TerminalError.alreadyOpen }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.noTerminalType }
        TerminalSetup.ensureUTF8Locale()
        inputFD = fileno(input)
        outputFD = fileno(output)
        self.output = output
        signals = try SignalPipe()
        // Handlers go in before newterm, so ncurses leaves SIGINT/TERM/WINCH to us.
        signals.install(ttyFD: inputFD, outFD: outputFD)
        var opened: OpaquePointer?
        for name in TerminalSetup.terminalNames(term: term, colorTerm: environment["COLORTERM"], noColor: options.noColor) {
            if let candidate = newterm(name, output, input) { opened = candidate; break }
        }
        guard let opened, let window = cn_stdscr() else {
            signals.uninstall()
            throw TerminalError.unknownTerminal(term)
        }
        guard TerminalSetup.terminfoString("cup") != nil else {
            _ = endwin()
            delscreen(opened)
            signals.uninstall()
            throw TerminalError.notFullScreen(term)
        }
        screen = opened
        self.window = window
        TerminalSetup.configure(window: window)

        var depth = ColorDepth.none
        var defaultColors = true
        if !options.noColor, has_colors(), start_color() == OK {
            defaultColors = use_default_colors() == OK
            depth = ColorDepth.from(colors: Int(cn_colors()), hasColors: true, noColor: false)
        }
        colorDepth = depth
        let capacity = depth == .none ? 0 : Int32(clamping: Int(cn_color_pairs()) - 1)
        writer = CellWriter(window: window, depth: depth, defaultColors: defaultColors,
                            pairs: ColorPairTable(capacity: capacity) { pair, fg, bg in
                                init_extended_pair(pair, fg, bg) == OK
                            })
        width = Int(cn_cols())
        height = Int(cn_lines())
        waker = TerminalWaker(fd: signals.writeFD)
        signals.arm(restoreBytes: TerminalSetup.leaveSequence())
        terminalIsOpen = true
    }

    deinit { restore() }

    /// Writes the cells that differ from the last drawn buffer, then one doupdate(), then
    /// any bytes queued by `writeRaw`.
    public func draw(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        let cols = Int(cn_cols()), lines = Int(cn_lines())
        var previous = lastDrawn
        if previous?.width != buffer.width || previous?.height != buffer.height || repaintAll {
            previous = nil
        }
        if previous == nil {
            // Cells beyond a buffer smaller than the window must not keep old content.
            _ = werase(window)
        }
        if repaintAll {
            _ = clearok(window, true)
            repaintAll = false
        }
        let positions = buffer.changes(since: previous)
        if !writer.write(buffer, positions: positions, cols: cols, lines: lines) {
            // Out of colour pairs: start the table afresh and write every cell, so that no
            // cell keeps a pair number that now means something else (see ColorPairTable).
            writer.resetPairs()
            _ = werase(window)
            _ = writer.write(buffer, positions: buffer.changes(since: nil), cols: cols, lines: lines, fallback: true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        lastDrawn = buffer
        flushRaw()
    }

    /// Queues bytes (an OSC 52 clipboard copy, a graphics upload) to be written straight to
    /// the terminal right after the next draw's doupdate(), so they never land in the middle
    /// of ncurses' output. They must not move the cursor or change cells ncurses knows
    /// about; if they do, call `forceFullRedraw()`.
    public func writeRaw(_ bytes: String) {
        guard isActive else { return }
        pendingRaw += Array(bytes.utf8)
    }

    /// Makes the next draw repaint every cell on the terminal (after a raw write that
    /// disturbed the screen, or for a user's "redraw" key).
    public func forceFullRedraw() {
        repaintAll = true
    }

    private func flushRaw() {
        guard !pendingRaw.isEmpty else { return }
        _ = fflush(output)  // ncurses has flushed in doupdate; this is for any stdio leftovers
        var offset = 0
        while offset < pendingRaw.count {
            let n = pendingRaw[offset...].withUnsafeBytes { write(outputFD, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            if n < 0, errno == EINTR { continue }
            if n < 0, errno == EAGAIN {
                var pfd = pollfd(fd: outputFD, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, 1000)
                continue
            }
            break
        }
        pendingRaw = []
    }

    /// Leaves curses mode and puts the tty back as it was. Idempotent.
    public func restore() {
        guard isActive else { return }
        isActive = false
        waker.disconnect()
        _ = endwin()
        delscreen(screen)
        // Only now: a SIGINT between these steps still reaches our harmless handler rather
        // than killing the process with the tty in curses mode.
        signals.uninstall()
        terminalIsOpen = false
    }
}
