import Foundation
@testable import TerminalNcurses

/// A real ncurses Terminal without a tty: input from a pipe the test writes keys into,
/// output to /dev/null. Cells are checked with `storedCell`, i.e. what ncurses holds.
final class PipeTerminal {
    let terminal: Terminal
    let keyFD: Int32
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>

    init(term: String = "xterm-256color", noColor: Bool = false, colorTerm: String? = nil) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0, let input = fdopen(fds[0], "r"), let output = fopen("/dev/null", "w") else {
            throw TerminalError.system("test harness", errno)
        }
        self.input = input
        self.output = output
        keyFD = fds[1]
        var env = ["TERM": term]
        env["COLORTERM"] = colorTerm
        do {
            terminal = try Terminal(options: TerminalOptions(noColor: noColor), environment: env, input: input, output: output)
        } catch {
            fclose(input); fclose(output); Glibc.close(fds[1])
            throw error
        }
    }

    /// Bytes as a terminal would send them for key presses.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(keyFD, $0.baseAddress, $0.count) }
    }

    private var keysOpen = true

    /// Closes the key pipe's write end: the terminal's input reaches end of file.
    func closeKeys() {
        guard keysOpen else { return }
        keysOpen = false
        Glibc.close(keyFD)
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        terminal.restore()
        fclose(input)
        fclose(output)
        closeKeys()
    }
}

/// Runs `body` with a string in an environment variable that ncurses reads at newterm.
func withEnvironment<T>(_ values: [String: String], _ body: () throws -> T) rethrows -> T {
    let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    for (k, v) in values { setenv(k, v, 1) }
    defer {
        for (k, v) in saved {
            if let v { setenv(k, v, 1) } else { unsetenv(k) }
        }
    }
    return try body()
}
