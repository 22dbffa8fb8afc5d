import Foundation

/// Drives the real `atomscale-tui` binary inside a detached tmux session, as a person at a
/// terminal would: `send-keys` to type, `capture-pane -p` to read the screen. Each session
/// uses its own tmux server socket so tests never touch a user's tmux.
final class TmuxSession {
    let socket: String
    let name = "t"
    private(set) var isRunning = false

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The built executable, next to the test bundle in .build/<config>/.
    static var binaryPath: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("atomscale-tui").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let cwdCandidate = FileManager.default.currentDirectoryPath + "/.build/debug/atomscale-tui"
        return FileManager.default.isExecutableFile(atPath: cwdCandidate) ? cwdCandidate : nil
    }

    init(width: Int, height: Int, command: [String], environment: [String: String] = [:]) throws {
        socket = "atui-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let envPrefix = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted()
        let shellCommand = (["env"] + envPrefix + command.map(Self.quote)).joined(separator: " ")
        // remain-on-exit keeps the pane after the program exits so the final screen and exit
        // status can still be read.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                  "sh", "-c", shellCommand])
        isRunning = true
        _ = try? tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? tmux(["kill-server"])
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Any other tmux command on this session's own server (set-option, show-buffer, ...).
    @discardableResult
    func command(_ args: String...) throws -> String { try tmux(args) }

    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-t", name, "-p"] + (escapes ? ["-e"] : []))
    }

    /// Whether the program in the pane has exited, and its status if so.
    func exitStatus() throws -> Int? {
        let out = try tmux(["display-message", "-t", name, "-p", "#{pane_dead} #{pane_dead_status}"])
        let parts = out.split(separator: " ")
        guard parts.first == "1" else { return nil }
        return parts.count > 1 ? Int(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) : -1
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    /// Polling is in the test, never in the program under test.
    /// Async so that a test waiting here gives its thread back: Swift's cooperative pool has
    /// only as many threads as cores, and tests blocked in a sleep starve the others.
    @discardableResult
    func waitFor(timeout: Double = 40, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return screen
    }

    func waitForExit(timeout: Double = 10) async throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try exitStatus() { return s }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return nil
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        guard let path = Self.tmuxPath else { throw TmuxError.notInstalled }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env["TERM"] = env["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
        // Not Foundation's Process: see ChildProcess.
        let result = try ChildProcess.run(path, ["-L", socket] + args, environment: env)
        guard result.status == 0 else {
            throw TmuxError.failed(args.first ?? "", String(decoding: result.stderr, as: UTF8.self))
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case failed(String, String)
    var description: String {
        switch self {
        case .notInstalled: return "tmux is not installed (apt-get install tmux)"
        case .failed(let cmd, let err): return "tmux \(cmd) failed: \(err)"
        }
    }
}
