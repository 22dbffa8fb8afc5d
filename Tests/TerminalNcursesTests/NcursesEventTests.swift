import Foundation
import ScreenKit
import Testing
@testable import TerminalNcurses

extension NcursesTests {
    @Suite struct Events {
        /// Collects key events for up to ~2 s (a wait per batch), stopping at `count` keys.
        static func keys(_ t: Terminal, count: Int) -> [Key] {
            var keys: [Key] = []
            for _ in 0..<20 where keys.count < count {
                for case .key(let key) in t.waitForEvents(timeout: 0.1) { keys.append(key) }
            }
            return keys
        }

        @Test func keyBytesBecomeKeys() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            // xterm-256color: \eOA is cursor up in keypad mode, \e[1~ is "Find" (Home).
            pt.type("q\u{1B}OAx\t\u{7F}\u{04}中\r\u{1B}[1~\u{1B}[Z\u{1B}[6~\u{1B}OP\u{1B}[A")
            let want: [Key] = [.char("q"), .up, .char("x"), .tab, .backspace, .ctrl("d"), .char("中"),
                               .enter, .home, .backTab, .pageDown, .function(1), .up]
            #expect(Self.keys(pt.terminal, count: want.count) == want)
        }

        @Test func aLoneEscapeIsTheEscapeKey() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            pt.type("\u{1B}")
            #expect(Self.keys(pt.terminal, count: 1) == [.escape])
        }

        @Test func wakeFromAnotherThreadEndsAnIndefiniteWait() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            let waker = pt.terminal.waker
            // If wake() were broken the wait would never end; after 10 s a key ends it
            // instead, and the expectation below fails rather than the run hanging.
            let finished = DispatchSemaphore(value: 0)
            let watchdogDone = DispatchSemaphore(value: 0)
            let rescueFD = dup(pt.keyFD)
            Thread.detachNewThread {
                if finished.wait(timeout: .now() + 10) == .timedOut {
                    var byte = UInt8(ascii: "!")
                    _ = write(rescueFD, &byte, 1)
                }
                close(rescueFD)
                watchdogDone.signal()
            }
            Thread.detachNewThread { waker.wake() }
            let events = pt.terminal.waitForEvents(timeout: nil)
            finished.signal()
            watchdogDone.wait()
            #expect(events == [.wake])
        }

        @Test func manyWakesAreOneEvent() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            for _ in 0..<50 { pt.terminal.waker.wake() }
            #expect(pt.terminal.waitForEvents(timeout: 1) == [.wake])
        }

        @Test func nothingPendingTimesOutEmpty() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            #expect(pt.terminal.waitForEvents(timeout: 0.05) == [])
            #expect(pt.terminal.waitForEvents(timeout: 0) == [])
        }

        @Test func interruptAndTerminateArriveAsSignalEvents() throws {
            var before = sigaction()
            sigaction(SIGINT, nil, &before)
            let pt = try PipeTerminal()
            var during = sigaction()
            sigaction(SIGINT, nil, &during)
            // Raise only with our handler in place: the default action would end the run.
            try #require(Self.handlerBytes(during) != Self.handlerBytes(before))
            // Process-directed, as from a terminal or `kill`: raise() would target this
            // thread, and test threads (libdispatch workers) block asynchronous signals.
            kill(getpid(), SIGINT)
            kill(getpid(), SIGTERM)
            var events: [TerminalEvent] = []
            for _ in 0..<20 where events.count < 2 { events += pt.terminal.waitForEvents(timeout: 0.1) }
            #expect(Set(events.map { "\($0)" }) == ["signal(2)", "signal(15)"], "\(events)")
            pt.close()
            var after = sigaction()
            sigaction(SIGINT, nil, &after)
            #expect(Self.handlerBytes(after) == Self.handlerBytes(before), "restore() must put the old disposition back")
        }

        @Test func windowChangeWithoutNewSizeIsNoEvent() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            kill(getpid(), SIGWINCH)   // /dev/null has no size: nothing to report
            #expect(pt.terminal.waitForEvents(timeout: 0.1) == [])
        }

        @Test func closedInputIsAHangup() throws {
            let pt = try PipeTerminal()
            defer { pt.close() }
            pt.closeKeys()
            #expect(pt.terminal.waitForEvents(timeout: 2) == [.signal(SIGHUP)])
        }

        @Test func afterRestoreEverythingIsInert() throws {
            let pt = try PipeTerminal()
            let waker = pt.terminal.waker
            pt.close()
            waker.wake()
            pt.terminal.restore()
            pt.terminal.draw(ScreenBuffer(width: 3, height: 3))
            #expect(pt.terminal.waitForEvents(timeout: nil) == [])
            // And a new terminal can open afterwards.
            let again = try PipeTerminal()
            again.close()
        }

        @Test func openingErrors() throws {
            var before = sigaction()
            sigaction(SIGINT, nil, &before)
            let pt = try PipeTerminal()
            #expect(throws: TerminalError.alreadyOpen) { _ = try PipeTerminal() }
            pt.close()
            #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
                _ = try PipeTerminal(term: "no-such-terminal-xyz")
            }
            #expect(throws: TerminalError.noTerminalType) { _ = try PipeTerminal(term: "") }
            #expect(throws: TerminalError.notFullScreen("dumb")) { _ = try PipeTerminal(term: "dumb") }
            // The failed attempts left nothing behind.
            var after = sigaction()
            sigaction(SIGINT, nil, &after)
            #expect(Self.handlerBytes(after) == Self.handlerBytes(before))
            try PipeTerminal().close()
        }

        static func handlerBytes(_ action: sigaction) -> [UInt8] {
            withUnsafeBytes(of: action.__sigaction_handler) { Array($0) }
        }
    }
}
