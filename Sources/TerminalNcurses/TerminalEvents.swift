import CNcursesw
import Foundation
import ScreenKit

extension Terminal {
    /// Blocks in poll(2) on the terminal input and the self-pipe until a key, signal,
    /// resize or wake arrives, or until `timeout` seconds pass (nil: forever). No tick:
    /// an idle browser uses no CPU. Returns [] on timeout.
    public func waitForEvents(timeout: Double?) -> [TerminalEvent] {
        guard isActive else { return [] }
        let deadline = timeout.map { Self.monotonicSeconds() + max(0, $0) }
        // Input that polls readable yet yields nothing, over and over, is a dead terminal
        // (EOF, /dev/null); a few such rounds in one wait end it as a hangup.
        var emptyReads = 0
        while true {
            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)]
            var waitMs: Int32 = -1
            if let deadline {
                let remaining = deadline - Self.monotonicSeconds()
                waitMs = remaining <= 0 ? 0 : Int32(min(ceil(remaining * 1000), Double(Int32.max)))
            }
            let ready = poll(&fds, 2, waitMs)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }  // a signal: its byte is in the pipe
                return []
            }
            if ready == 0 { return [] }

            var signalEvents: [TerminalEvent] = []
            var resized = false
            var woken = false
            if fds[1].revents != 0 {
                for byte in signals.drain() {
                    switch Int32(byte) {
                    case Int32(SignalPipe.wakeByte): woken = true
                    case SIGWINCH: resized = true
                    case let number where !signalEvents.contains(.signal(number)): signalEvents.append(.signal(number))
                    default: break
                    }
                }
            }
            var events = signalEvents
            if resized, let event = resizeFromTerminal() {
                events.append(event)
                // resizeterm queued a KEY_RESIZE inside ncurses, where poll cannot see it.
                events += readKeys()
            }
            let inputFlags = fds[0].revents
            if inputFlags & Int16(POLLIN) != 0 || inputFlags & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                let keys = readKeys()
                events += keys
                let gone = inputFlags & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                if keys.isEmpty { emptyReads += 1 }
                if keys.isEmpty, gone || emptyReads > 3, !events.contains(.signal(SIGHUP)) {
                    events.append(.signal(SIGHUP))
                }
            }
            if woken { events.append(.wake) }
            if !events.isEmpty { return events }
            if let deadline, Self.monotonicSeconds() >= deadline { return [] }
        }
    }

    /// Drains ncurses' input (nodelay) into events.
    func readKeys() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var ch: wint_t = 0
        while true {
            let rc = wget_wch(window, &ch)
            if rc == ERR { break }
            let code = Int32(bitPattern: ch)
            if rc == KEY_CODE_YES, code == KEY_RESIZE {
                // resizeterm queues KEY_RESIZE too; only a size we have not reported counts.
                if let event = adoptSize(lines: Int(cn_lines()), cols: Int(cn_cols())) { events.append(event) }
                continue
            }
            if let key = KeyDecoder.decode(code: code, isFunctionKey: rc == KEY_CODE_YES) {
                events.append(.key(key))
            }
        }
        return events
    }

    /// After SIGWINCH: asks the tty for its size and, if it changed, tells ncurses.
    func resizeFromTerminal() -> TerminalEvent? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard cn_window_size(outputFD, &rows, &cols) == 0 || cn_window_size(inputFD, &rows, &cols) == 0,
              rows > 0, cols > 0 else { return nil }
        guard Int(rows) != height || Int(cols) != width else { return nil }
        _ = resizeterm(rows, cols)
        return adoptSize(lines: Int(rows), cols: Int(cols))
    }

    /// Records a new size (once) and makes the next draw write everything.
    private func adoptSize(lines: Int, cols: Int) -> TerminalEvent? {
        guard lines > 0, cols > 0, lines != height || cols != width else { return nil }
        width = cols
        height = lines
        lastDrawn = nil
        return .resize(width: cols, height: lines)
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
