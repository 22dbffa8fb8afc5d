import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a pseudo-terminal of its own, as a terminal emulator would run it:
/// a new session whose controlling terminal is the pty's slave side (stdin, stdout and
/// stderr), a window size set before it starts, and everything it writes read back here
/// with arrival times, so benchmarks can time "key sent" to "screen updated" and count the
/// bytes a screen update costs.
final class PtyProcess {
    let pid: pid_t
    private let master: Int32
    /// Every byte the program wrote so far.
    private(set) var output: [UInt8] = []
    private var exited = false
    private(set) var usage = rusage()

    init(_ executable: String, _ arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        let fd = Pty.openpt(O_RDWR | O_NOCTTY)
        guard fd >= 0, Pty.grantpt(fd) == 0, Pty.unlockpt(fd) == 0, let name = Pty.ptsname(fd) else {
            throw BenchmarkError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        master = fd
        let slavePath = String(cString: name)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(fd, UInt(TIOCSWINSZ), $0) }

        let child: pid_t
        do {
            child = try Spawn.spawn(executable, arguments, environment: environment, newSession: true) { actions in
                // After setsid (done first by glibc), opening the slave makes it the controlling tty.
                posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            }
        } catch {
            close(fd)
            throw error
        }
        pid = child
    }

    deinit {
        if !exited { kill(pid, SIGKILL); _ = reap(timeout: 5) }
        close(master)
    }

    /// A new window size; the kernel sends SIGWINCH to the program.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(master, UInt(TIOCSWINSZ), $0) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what arrives within `timeout` seconds, returning after the first chunk (or at
    /// the timeout with 0). -1 when the program closed the terminal.
    @discardableResult
    func readChunk(timeout: Double) -> Int {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, min(timeout, 3600)) * 1000)
        let ready = poll(&poller, 1, ms)
        guard ready > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return -1 }
        output += buffer[0..<n]
        return n
    }

    /// Reads until `output` (from `offset`) contains `marker`; the seconds it took, or nil
    /// at the timeout.
    func waitFor(_ marker: String, from offset: Int = 0, timeout: Double) -> Double? {
        let start = Clock.now()
        let needle = Array(marker.utf8)
        var searched = offset
        while true {
            if Self.contains(output, needle, from: searched) { return Clock.now() - start }
            // The next look starts where a match could still begin.
            searched = max(offset, output.count - needle.count + 1)
            let left = timeout - (Clock.now() - start)
            if left <= 0 || readChunk(timeout: left) < 0 { return nil }
        }
    }

    /// Reads until nothing arrives for `quiet` seconds (or `timeout` passes). Returns the bytes
    /// read and the time from the call to the last byte.
    @discardableResult
    func settle(quiet: Double, timeout: Double = 30) -> (bytes: Int, lastByte: Double) {
        let start = Clock.now()
        var bytes = 0, last = 0.0
        while Clock.now() - start < timeout {
            let n = readChunk(timeout: quiet)
            if n <= 0 { break }
            bytes += n
            last = Clock.now() - start
        }
        return (bytes, last)
    }

    /// utime + stime of the process so far, in seconds (/proc/PID/stat).
    func cpuSeconds() -> Double? { ProcStats.cpuSeconds(pid) }

    /// Peak resident set (VmHWM) in bytes.
    func peakResident() -> Int? { ProcStats.peakResident(pid) }

    /// Sends `quit` (if given) and waits for the exit; kills it after `timeout` seconds.
    /// The program's rusage is in `usage` afterwards.
    func finish(quit: String? = nil, timeout: Double = 10) {
        if let quit { send(quit) }
        if reap(timeout: timeout, drain: true) { return }
        kill(pid, SIGTERM)
        if reap(timeout: 2, drain: true) { return }
        kill(pid, SIGKILL)
        _ = reap(timeout: 5)
    }

    private func reap(timeout: Double, drain: Bool = false) -> Bool {
        let start = Clock.now()
        while Clock.now() - start < timeout {
            var status: Int32 = 0
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { exited = true; return true }
            if r < 0 && errno != EINTR { exited = true; return true }
            if drain { readChunk(timeout: 0.02) } else { usleep(10_000) }
        }
        return false
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
        guard !needle.isEmpty, haystack.count - from >= needle.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var i = from
        while i <= last {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// The pty calls need _XOPEN_SOURCE, which Swift's Glibc module does not define, so they
/// are looked up at run time.
enum Pty {
    static func libc<F>(_ name: String, as type: F.Type) -> F {
        unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)!, to: type)
    }
    static let openpt = libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = libc("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    /// glibc's POSIX_SPAWN_SETSID (2.26+), not exported to Swift.
    static let setsidFlag: Int32 = 0x80
}

/// Figures of a running process from /proc.
enum ProcStats {
    static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func peakResident(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}

enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
