import Foundation
import Testing
import TriageStore
@testable import AtomscaleApp

/// `triage export` against a real database in a temporary XDG_STATE_HOME.
@Suite struct TriageCommandTests {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ args: [String], env: [String: String]) async -> Run {
        let captured = CapturedOutput()
        let status = await AtomscaleMain.run(arguments: args, environment: env, output: captured.output)
        return Run(status: status, stdout: captured.stdout, stderr: captured.stderr)
    }

    /// A state directory holding two marks, a note with a comma and a quote, and a formula-
    /// looking label.
    static func stateWithMarks() throws -> (dir: String, env: [String: String]) {
        let dir = makeTemporaryDirectory()
        let env = ["XDG_STATE_HOME": dir, "XDG_CONFIG_HOME": "/nonexistent-config"]
        let clock = TestClock()
        let store = try TriageStore.open(at: TriagePaths.defaultDatabasePath(environment: env), user: "ann", now: clock.now)
        try store.setMark(.bad, for: .video(origin: "https://api.atomscale.ai", dataID: "v-1"), videoID: "v-1", label: "=run.mp4")
        try store.setNote("blurred, \"again\"", for: .frame(origin: "https://api.atomscale.ai", imageUUID: "f-9"),
                          videoID: "v-1", label: "run.mp4 · frame 9")
        return (dir, env)
    }

    @Test func csvGoesToStdoutByDefault() async throws {
        let (dir, env) = try Self.stateWithMarks()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await Self.run(["triage", "export"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            origin,kind,item_id,video_id,label,mark,note,user,updated_at\r
            https://api.atomscale.ai,video,v-1,v-1,'=run.mp4,bad,,ann,2025-03-01T12:00:00.000Z\r
            https://api.atomscale.ai,frame,f-9,v-1,run.mp4 · frame 9,,"blurred, ""again\"\"",ann,2025-03-01T12:00:01.000Z\r

            """)
    }

    @Test func jsonToAFileIsWrittenAtomically() async throws {
        let (dir, env) = try Self.stateWithMarks()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/export.json"
        try Data("old content".utf8).write(to: URL(fileURLWithPath: out))
        let r = await Self.run(["triage", "export", "--format", "json", "--output", out], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2 records written to \(out)"))
        let data = try #require(FileManager.default.contents(atPath: out))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["mark"] as? String == "bad" && rows[0]["label"] as? String == "=run.mp4")
        #expect(rows[1]["note"] as? String == "blurred, \"again\"")
        #expect(rows[1]["mark"] is NSNull)
        // Only the export and the database's own files: no temporary file left.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(names.sorted() == ["atomscale-tui", "export.json"], "\(names)")
    }

    @Test func noDatabaseYetExportsNothingAndCreatesNothing() async throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await Self.run(["triage", "export", "--format", "json"], env: ["XDG_STATE_HOME": dir])
        #expect(r.status == 0)
        #expect(r.stdout == "[]\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aCorruptDatabaseIsARuntimeErrorWithTheReason() async throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["XDG_STATE_HOME": dir]
        let path = TriagePaths.defaultDatabasePath(environment: env)
        try FileManager.default.createDirectory(atPath: dir + "/atomscale-tui", withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let r = await Self.run(["triage", "export"], env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains(path) && r.stderr.contains("not a database"), "\(r.stderr)")
    }

    @Test func usageErrorsExitTwo() async {
        for args in [["triage"], ["triage", "import"], ["triage", "export", "extra"],
                     ["triage", "export", "--format", "xml"], ["triage", "export", "--output"],
                     ["triage", "export", "--bogus"]] {
            let r = await Self.run(args, env: ["XDG_STATE_HOME": "/nonexistent"])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("atomscale-tui triage --help"), "\(args)")
        }
        let help = await Self.run(["triage", "--help"], env: [:])
        #expect(help.status == 0 && help.stdout.contains("triage export [--format csv|json] [--output FILE]"))
    }
}

func makeTemporaryDirectory() -> String {
    var template = Array("/tmp/atui-app-tests-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

/// Fixed, increasing instants (one second apart from 2025-03-01T12:00:00Z).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next: TimeInterval = 1_740_830_400
    @Sendable func now() -> Date {
        lock.withLock {
            defer { next += 1 }
            return Date(timeIntervalSince1970: next)
        }
    }
}
