import Foundation
import Testing
@testable import TriageStore

private let key = TriageKey.video(origin: "https://api.atomscale.ai", dataID: "d1")

@Suite struct TriageStoreFailureTests {
    @Test func aDirectoryInTheWayGivesAMessage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message == "Cannot open the triage database at \(path): it is a directory, not a file.")
    }

    @Test func aFileWhereTheDirectoryShouldBeGivesAMessage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        writeBytes(Array("not a directory".utf8), to: dir.file("state"))
        let path = dir.file("state/atomscale-tui/triage.sqlite3")
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message.contains(dir.file("state")) == true)
    }

    @Test func randomBytesAreReportedAsNotADatabase() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        var generator = SystemRandomNumberGenerator()
        writeBytes((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: path)
        let before = FileManager.default.contents(atPath: path)
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path) }
        #expect(error?.kind == .corrupt)
        #expect(error?.message.hasPrefix("The triage database at \(path) is damaged or not a database") == true)
        // Opening must not "repair" the user's file by overwriting it.
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aDamagedDatabaseIsReported() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        do {
            let store = try TriageStore.open(at: path)
            for index in 0..<500 {
                let k = TriageKey(origin: "o", kind: .frame, itemID: "frame-\(index)")
                try store.setNote(String(repeating: "n", count: 200), for: k, videoID: "v", label: "f")
            }
        }
        // Closing checkpointed the WAL into the file; scribble over pages 2 and 3 (the table).
        var bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        #expect(bytes.count > 4096 * 4)
        for i in 4096..<(4096 * 3) { bytes[i] = 0xA5 }
        writeBytes(bytes, to: path)
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path) }
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains(path) == true)
    }

    @Test func readOnlyOpenReadsButRefusesWrites() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        try TriageStore.open(at: path).setMark(.good, for: key, videoID: "d1", label: "run.mp4")

        let store = try TriageStore.open(at: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try store.record(for: key)?.mark == .good)
        let error = #expect(throws: TriageStoreError.self) {
            try store.setMark(.bad, for: key, videoID: "d1", label: "run.mp4")
        }
        #expect(error?.kind == .readOnly)
        #expect(error?.message == "The triage database at \(path) is open read-only; saving a mark is not possible.")
        #expect(throws: TriageStoreError.self) { try store.setNote("x", for: key, videoID: "d1", label: "r") }
        #expect(throws: TriageStoreError.self) { try store.clearMark(for: key) }
        #expect(try store.record(for: key)?.mark == .good)
    }

    @Test func readOnlyOpenOfAMissingFileGivesAMessage() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("absent.sqlite3")
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path, readOnly: true) }
        #expect(error?.message == "Cannot open the triage database at \(path) read-only: the file does not exist.")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    // Root ignores file modes, so this only means something for an ordinary user.
    @Test(.enabled(if: geteuid() != 0, "running as root: chmod 0444 does not stop root writing"))
    func writeProtectedFileOpensReadOnly() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        try TriageStore.open(at: path).setMark(.good, for: key, videoID: "d1", label: "run.mp4")
        chmod(path, 0o444)
        let store = try TriageStore.open(at: path)
        #expect(store.isReadOnly)
        #expect(try store.record(for: key)?.mark == .good)
        let error = #expect(throws: TriageStoreError.self) { try store.clearMark(for: key) }
        #expect(error?.kind == .readOnly)
    }

    // As root, an immutable file (chattr +i, ext4 and friends) is the write-protected file we can
    // really produce: open(O_RDWR) fails with EPERM and SQLite falls back to read-only.
    @Test(.enabled(if: canMakeImmutableFiles(), "chattr +i not available here (filesystem or capability)"))
    func immutableFileOpensReadOnly() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        try TriageStore.open(at: path).setMark(.good, for: key, videoID: "d1", label: "run.mp4")
        #expect(chattr("+i", path))
        defer { _ = chattr("-i", path) }
        let store = try TriageStore.open(at: path)
        #expect(store.isReadOnly)
        #expect(try store.record(for: key)?.mark == .good)
        let error = #expect(throws: TriageStoreError.self) { try store.setNote("x", for: key, videoID: "d1", label: "r") }
        #expect(error?.kind == .readOnly)
        #expect(error?.message == "The triage database at \(path) is open read-only; saving a note is not possible.")
    }

    @Test func aNewerSchemaIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("triage.sqlite3")
        _ = try TriageStore.open(at: path)
        // user_version lives at header offset 60 (big-endian); pretend a future build wrote it.
        var bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        bytes[63] = 99
        writeBytes(bytes, to: path)
        let error = #expect(throws: TriageStoreError.self) { try TriageStore.open(at: path) }
        #expect(error?.kind == .incompatibleSchema)
        #expect(error?.message.contains("schema 99") == true)
    }
}

private func chattr(_ flag: String, _ path: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

private func canMakeImmutableFiles() -> Bool {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else { return false }
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.file("probe")
    writeBytes([0], to: path)
    guard chattr("+i", path) else { return false }
    let fd = open(path, O_WRONLY)
    if fd >= 0 { close(fd) }
    let writable = fd >= 0
    _ = chattr("-i", path)
    return !writable
}
