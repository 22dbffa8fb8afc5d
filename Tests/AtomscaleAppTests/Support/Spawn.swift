import Foundation

/// Runs a short command and collects its output and exit status with posix_spawn and
/// waitpid, not Foundation's `Process`. Seen here: `Process.waitUntilExit` hanging for good
/// with the child already a zombie, which froze the tmux tests at their first `new-session`;
/// and tmux servers outliving `kill-server` because they inherited the test thread's blocked
/// signals. The pipes are close-on-exec so a child (the tmux server daemon above all) never
/// inherits another spawn's pipe and keeps it open.
enum Spawn {
    struct Result { let status: Int32; let stdout: Data; let stderr: Data }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        var description: String {
            if case .spawn(let path, let code) = self { return "cannot run \(path): \(String(cString: strerror(code)))" }
            return ""
        }
    }

    private static let lock = NSLock()

    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        // pipe2 does not import from Glibc; the lock keeps the pipes from leaking into a
        // child spawned here by another test before they are marked close-on-exec.
        lock.lock()
        guard pipe(&outPipe) == 0 else { lock.unlock(); throw Failure.spawn(path, errno) }
        guard pipe(&errPipe) == 0 else {
            lock.unlock()
            close(outPipe[0]); close(outPipe[1])
            throw Failure.spawn(path, errno)
        }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // dup2 clears close-on-exec on the targets only.
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        // The calling thread is one of Swift's, which block nearly every signal, and a spawned
        // child inherits that mask: a tmux server started so never sees SIGCHLD, and its panes
        // ignore the SIGHUP of kill-server. The child starts with no signal blocked, all default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        lock.unlock()
        close(outPipe[1]); close(errPipe[1])
        guard code == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw Failure.spawn(path, code)
        }
        // tmux writes little; stderr is read after stdout without risk of filling its pipe.
        let out = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true).readDataToEndOfFile()
        let err = FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exit status as the shell reports it; 128+N for a signal.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, stdout: out, stderr: err)
    }
}
