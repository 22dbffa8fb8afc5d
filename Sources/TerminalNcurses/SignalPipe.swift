import Foundation

/// What the signal handlers may touch: plain values in memory allocated once and never
/// freed, so a handler runs no Swift runtime machinery (no allocation, no reference
/// counting, no lazy global initialisation). Everything here is async-signal-safe to read.
struct SignalState {
    /// Write end of the self-pipe; -1 when no terminal is active.
    var pipeWrite: Int32 = -1
    /// Crash and exit paths restore the tty only while armed (between setup and restore()).
    var armed = false
    var ttyFD: Int32 = -1
    var outFD: Int32 = -1
    var hasTermios = false
    var modes = termios()
    /// Bytes that leave curses mode on the terminal (rmcup, cnorm, ...), see `arm`.
    var restoreBytes: UnsafeMutablePointer<UInt8>
    var restoreCount = 0
    static let restoreCapacity = 256
    /// The dispositions we replaced, indexed by signal number.
    var previous: UnsafeMutablePointer<sigaction>
    static let signalSlots = 65
}

nonisolated(unsafe) private var signalState: UnsafeMutablePointer<SignalState>?
nonisolated(unsafe) private var exitHookInstalled = false

/// INT/TERM/HUP/WINCH: only write the signal number to the self-pipe; the UI loop decides.
private func forwardSignal(_ number: Int32) {
    guard let state = signalState else { return }
    let fd = state.pointee.pipeWrite
    guard fd >= 0 else { return }
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(fd, &byte, 1)
    errno = savedErrno
}

/// Puts the tty back as the shell left it, with async-signal-safe calls only.
private func emergencyRestore(_ state: UnsafeMutablePointer<SignalState>) {
    guard state.pointee.armed else { return }
    state.pointee.armed = false
    if state.pointee.hasTermios {
        var saved = state.pointee.modes
        _ = tcsetattr(state.pointee.ttyFD, TCSANOW, &saved)
    }
    var offset = 0
    while offset < state.pointee.restoreCount {
        let n = write(state.pointee.outFD, state.pointee.restoreBytes + offset, state.pointee.restoreCount - offset)
        if n <= 0 { break }
        offset += n
    }
}

/// SEGV/BUS/ABRT/FPE/ILL/TRAP: restore the tty, let whoever had the signal before run
/// (Swift's backtracer prints its report on the now-normal screen), then end with the
/// default action. Calling the previous handler from here, rather than re-raising to it,
/// matters: the backtracer resets to SIG_DFL and returns, relying on a fault to recur, so
/// a `kill -SEGV` would otherwise leave the process running with the tty restored under it.
/// The raise() is delivered as this handler returns (the signal is blocked until then).
private func fatalSignal(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if let state = signalState {
        emergencyRestore(state)
        let previous = state.pointee.previous[Int(number)]
        let bits = unsafeBitCast(previous.__sigaction_handler, to: UInt.self)
        // 0 is SIG_DFL and 1 SIG_IGN: nothing to call.
        if bits > 1 {
            if previous.sa_flags & SA_SIGINFO != 0 {
                typealias Action = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void
                unsafeBitCast(bits, to: Action.self)(number, info, context)
            } else {
                typealias Handler = @convention(c) (Int32) -> Void
                unsafeBitCast(bits, to: Handler.self)(number)
            }
        }
    }
    signal(number, SIG_DFL)
    raise(number)
}

private func exitHook() {
    if let state = signalState { emergencyRestore(state) }
}

/// The self-pipe that turns signals and `TerminalWaker.wake()` into something poll(2) can
/// wait on, plus the handlers that feed it. One per process at a time (signals are global).
final class SignalPipe {
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP]
    /// Not handled by us, but ncurses installs a SIGTSTP handler in newterm (Ctrl-Z
    /// leaves and re-enters curses mode); its original disposition is put back on restore.
    static let preserved: [Int32] = [SIGTSTP]
    /// The byte `wake()` writes; no signal has number 0.
    static let wakeByte: UInt8 = 0

    let readFD: Int32
    let writeFD: Int32
    private var installed: [Int32] = []

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw TerminalError.system("pipe", errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Saves the tty modes for the crash path and installs every handler. Call *before*
    /// newterm: ncurses installs its own INT/TERM/WINCH handlers only where the disposition
    /// is still SIG_DFL, so ours stay in charge and `previous` holds the real originals.
    func install(ttyFD: Int32, outFD: Int32) {
        let state = Self.sharedState()
        state.pointee.pipeWrite = writeFD
        state.pointee.ttyFD = ttyFD
        state.pointee.outFD = outFD
        state.pointee.hasTermios = tcgetattr(ttyFD, &state.pointee.modes) == 0
        for number in Self.preserved where sigaction(number, nil, state.pointee.previous + Int(number)) == 0 {
            installed.append(number)
        }
        for number in Self.forwarded { install(number, handler: forwardSignal, flags: SA_RESTART) }
        for number in Self.fatal { installFatal(number) }
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit(exitHook)
        }
    }

    private func install(_ number: Int32, handler: @escaping @convention(c) (Int32) -> Void, flags: Int32) {
        let state = Self.sharedState()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        if sigaction(number, &action, state.pointee.previous + Int(number)) == 0 {
            installed.append(number)
        }
    }

    /// SA_ONSTACK: on a thread with an alternate signal stack (Swift's runtime sets them
    /// up for its backtracer) the handler can run even after a stack overflow.
    private func installFatal(_ number: Int32) {
        let state = Self.sharedState()
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = fatalSignal
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        if sigaction(number, &action, state.pointee.previous + Int(number)) == 0 {
            installed.append(number)
        }
    }

    /// Arms the crash/exit restore once curses owns the screen; `bytes` leave curses mode.
    func arm(restoreBytes bytes: [UInt8]) {
        let state = Self.sharedState()
        let count = min(bytes.count, SignalState.restoreCapacity)
        for i in 0..<count { state.pointee.restoreBytes[i] = bytes[i] }
        state.pointee.restoreCount = count
        state.pointee.armed = true
    }

    /// Puts back the original dispositions, disarms the crash path and closes the pipe.
    func uninstall() {
        let state = Self.sharedState()
        state.pointee.armed = false
        for number in installed { _ = sigaction(number, state.pointee.previous + Int(number), nil) }
        installed = []
        state.pointee.pipeWrite = -1
        close(readFD)
        close(writeFD)
    }

    /// Reads everything pending in the pipe (non-blocking).
    func drain() -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &chunk, chunk.count)
            if n > 0 { out.append(contentsOf: chunk[0..<n]); continue }
            if n < 0, errno == EINTR { continue }
            return out
        }
    }

    /// The one process-wide state block, created on first use (never from a handler:
    /// `install` runs before any handler exists).
    private static func sharedState() -> UnsafeMutablePointer<SignalState> {
        if let state = signalState { return state }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: SignalState.restoreCapacity)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: SignalState.signalSlots)
        previous.initialize(repeating: sigaction(), count: SignalState.signalSlots)
        let state = UnsafeMutablePointer<SignalState>.allocate(capacity: 1)
        state.initialize(to: SignalState(restoreBytes: bytes, previous: previous))
        signalState = state
        return state
    }
}
