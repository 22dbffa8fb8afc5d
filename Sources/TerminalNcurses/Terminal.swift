import CNcursesw
import Foundation
import ScreenKit

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
    /// SIGINT, SIGTERM or SIGHUP arrived: restore and leave.
    case signal(Int32)
    /// Another thread called `TerminalWaker.wake()`.
    case wake
}

/// Lets background threads wake the UI loop's wait (a self-pipe write; async-signal-safe).
public final class TerminalWaker: Sendable {
    public func wake() {}
}

/// The ncurses screen. Only the UI thread may call it.
public final class Terminal {
    public let waker = TerminalWaker()
    public private(set) var width: Int = 80
    public private(set) var height: Int = 24

    public init(options: TerminalOptions, environment: [String: String]) throws {}

    /// Writes the cells that differ from the last drawn buffer, then one doupdate().
    public func draw(_ buffer: ScreenBuffer) {}

    /// Blocks until a key, signal, resize or wake, or until `timeout` seconds pass (nil: forever).
    public func waitForEvents(timeout: Double?) -> [TerminalEvent] { [] }

    /// Leaves curses mode and puts the tty back as it was. Idempotent.
    public func restore() {}
}
