import Foundation
import Testing
@testable import TriageStore

/// The probe is a sibling product in the build directory (`swift build` builds it; `swift test`
/// builds all products). The test runner binary lives in that same directory.
private let probePath: String? = {
    var candidates: [String] = []
    if let explicit = ProcessInfo.processInfo.environment["TRIAGE_WRITER_PROBE"] { candidates.append(explicit) }
    let executables = [Bundle.main.executablePath, CommandLine.arguments.first,
                       try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")]
    for case let executable? in executables {
        var directory = (executable as NSString).deletingLastPathComponent
        // macOS-style bundles nest the binary in x.xctest/Contents/MacOS.
        for _ in 0..<4 {
            candidates.append(directory + "/triage-writer-probe")
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite struct TriageCrashTests {
    @Test(.enabled(if: probePath != nil,
                   "triage-writer-probe not found next to the test binary; run `swift build` first"),
          .timeLimit(.minutes(1)))
    func everyReportedMarkSurvivesSIGKILL() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("crash.sqlite3")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(probePath))
        process.arguments = [path]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()

        // Read until at least 200 indices have been reported, then kill mid-burst.
        let fd = stdout.fileHandleForReading.fileDescriptor
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(45)
        var killed = false
        while true {
            if !killed, output.lazy.filter({ $0 == 10 }).count >= 200 {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
            if !killed, Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("probe reported fewer than 200 marks within 45 s")
                killed = true
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 200) >= 0 else { continue }
            if pfd.revents == 0 { continue }
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }  // EOF: the probe is gone and every reported line is in `output`.
            output.append(contentsOf: buffer[0..<n])
        }
        process.waitUntilExit()
        let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(killed, "probe exited on its own: \(errorText)")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        // Only whole lines count: a line cut short by the kill may not have been fully written.
        let text = String(decoding: output, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let reported = lines.compactMap { Int($0) }
        #expect(reported.count >= 200)
        #expect(reported == Array(0..<reported.count))

        // The -wal file left by the killed process is replayed on open.
        let store = try TriageStore.open(at: path)
        #expect(try store.integrityCheck() == "ok")
        let stored = try store.records(origin: "https://probe.invalid", kind: .frame)
        let missing = reported.filter { stored["frame-\($0)"] == nil }
        #expect(missing.isEmpty, "committed but lost: \(missing.prefix(10))")
        #expect(stored["frame-\(reported.count - 1)"]?.label == "frame \(reported.count - 1)")
    }
}
