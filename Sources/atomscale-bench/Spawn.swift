import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Programs run with posix_spawn and reaped with wait4, for the wall time and the rusage
/// (CPU, peak memory) of exactly that process. (Foundation's Process cannot report the
/// child's rusage, and on this toolchain its waitUntilExit can hang for short-lived children.)
enum Spawn {
    struct Finished {
        var status: Int32
        var seconds: Double
        var output: Data
        var usage: rusage
        /// Peak resident set in bytes (ru_maxrss is in KiB on Linux).
        var peakResident: Int { usage.ru_maxrss * 1024 }
    }

    /// Runs to the end with stdin from `input` (a file; /dev/null when nil), stdout read
    /// through a pipe to the end as a terminal or a shell pipeline would, stderr discarded.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    input: String? = nil) throws -> Finished {
        var out: [Int32] = [0, 0]
        guard pipe(&out) == 0 else { throw BenchmarkError(description: "pipe failed") }
        _ = fcntl(out[0], F_SETFD, FD_CLOEXEC)
        let began = Clock.now()
        let pid = try start(executable, arguments, environment: environment, input: input, stdout: out[1])
        close(out[1])
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(out[0], &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(out[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Clock.now() - began
        let exited = status & 0x7f == 0
        return Finished(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: seconds,
                        output: data, usage: usage)
    }

    /// Starts a program with its stdout on `stdout` (a descriptor) and stderr discarded.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]?,
                      input: String?, stdout: Int32) throws -> pid_t {
        try spawn(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                  newSession: false) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
    }

    /// posix_spawn with the child's signals reset (the benchmark's own mask and ignored
    /// signals must not leak into the program measured), optionally in a new session.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                      newSession: Bool, files: (inout posix_spawn_file_actions_t) -> Void) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        files(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (newSession ? Pty.setsidFlag : 0)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw BenchmarkError(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        return pid
    }
}

/// `atomscale-tui demo-server --scale large` in a process of its own, for the benchmarks
/// that time the browser as a user runs it.
final class DemoServerProcess {
    let url: String
    private let pid: pid_t

    init(tui: String, scale: String = "large") throws {
        var out: [Int32] = [0, 0]
        guard pipe(&out) == 0 else { throw BenchmarkError(description: "pipe failed") }
        _ = fcntl(out[0], F_SETFD, FD_CLOEXEC)
        pid = try Spawn.start(tui, ["demo-server", "--scale", scale, "--port", "0"], environment: nil, input: nil, stdout: out[1])
        close(out[1])
        // "listening on http://127.0.0.1:PORT/"
        var line = [UInt8]()
        var byte: UInt8 = 0
        while read(out[0], &byte, 1) == 1, byte != 10 { line.append(byte) }
        close(out[0])
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            kill(pid, SIGKILL)
            throw BenchmarkError(description: "demo-server did not say where it listens (got '\(text)')")
        }
        url = String(text[range.lowerBound...])
    }

    var cpuSeconds: Double? { ProcStats.cpuSeconds(pid) }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

enum BenchPaths {
    /// The atomscale-tui binary: `--tui PATH`, else the one beside this benchmark binary
    /// (both are in .build/release after `swift build -c release`).
    static func tui(_ arguments: BenchmarkArguments) throws -> String {
        if let path = arguments.string("tui") { return path }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("atomscale-tui").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw BenchmarkError(description: "no atomscale-tui beside \(me); build it (swift build -c release --product atomscale-tui) or pass --tui PATH")
        }
        return candidate
    }

    /// A fresh directory for the browser's state (its marks database) and scratch files.
    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomscale-bench-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The environment the browser runs with in the benchmarks.
    static func browserEnvironment(endpoint: String, scratch: URL) -> [String: String] {
        var env = ["AS_API_ENDPOINT": endpoint, "AS_API_KEY": "bench", "TERM": "xterm-256color", "LANG": "C.UTF-8",
                   "HOME": scratch.path, "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
                   "XDG_STATE_HOME": scratch.appendingPathComponent("state").path]
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return env
    }
}
