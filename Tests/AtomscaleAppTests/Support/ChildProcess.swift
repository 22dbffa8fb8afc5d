import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with posix_spawn and waitpid, collecting stdout and stderr.
///
/// Why not Foundation's Process: with the Swift 6.3.1 toolchain on Linux,
/// `Process.waitUntilExit()` never returned for tmux's client (which exits at once after
/// starting its server), leaving it a zombie and every tmux-driven test hung forever.
enum ChildProcess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    static func run(_ path: String, _ args: [String], environment: [String: String]) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw ChildProcessError(message: "pipe: \(String(cString: strerror(errno)))")
        }
        // Only the dup2'ed copies may reach the child (and tmux's server, which it forks).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // Nothing else of this process may leak into the child: tmux's server outlives the
        // test and would keep the test's sockets (a loopback server's listening port) open.
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The child starts with no signal blocked and default handlers: it inherits the calling
        // thread's mask otherwise, and Swift's threads block nearly everything, which left
        // tmux's server deaf to SIGCHLD and SIGTERM (it never exited).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw ChildProcessError(message: "cannot start \(path): \(String(cString: strerror(rc)))")
        }
        let (out, err) = readBoth(outPipe[0], errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which do not import into Swift.
        let exited = status & 0x7f == 0
        return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: out, stderr: err)
    }

    /// The descriptors open in this process now (a closed one is skipped by posix_spawn).
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// Reads both pipes to their end without letting either fill up and block the child.
    private static func readBoth(_ a: Int32, _ b: Int32) -> (Data, Data) {
        var data = [Data(), Data()]
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while fds.contains(where: { $0.fd >= 0 }) {
            if poll(&fds, 2, -1) < 0 { if errno == EINTR { continue }; break }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = read(fds[i].fd, &buffer, buffer.count)
                if n > 0 { data[i].append(contentsOf: buffer[0..<n]); continue }
                if n < 0, errno == EINTR { continue }
                close(fds[i].fd)
                fds[i].fd = -1
            }
        }
        return (data[0], data[1])
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
