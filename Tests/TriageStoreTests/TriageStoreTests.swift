import Foundation
import Testing
@testable import TriageStore

private let origin = "https://api.atomscale.ai"
private let video = TriageKey.video(origin: origin, dataID: "6f1c0e9a-0000-4000-8000-000000000001")
private let frame = TriageKey.frame(origin: origin, imageUUID: "a7d3b2c1-0000-4000-8000-000000000012")

@Suite struct TriageStoreTests {
    @Test func markAndNoteRoundTrip() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let clock = FixedClock()
        let store = try TriageStore.open(at: dir.file("t.sqlite3"), user: "alice", now: clock.now)

        let afterMark = try store.setMark(.bad, for: frame, videoID: video.itemID, label: "frame 12")
        #expect(afterMark?.mark == .bad)
        #expect(afterMark?.note == nil)
        try store.setNote("streaks, \"blurred\"\nsee run 4", for: frame, videoID: video.itemID, label: "frame 12")

        let record = try #require(try store.record(for: frame))
        #expect(record == TriageRecord(key: frame, videoID: video.itemID, label: "frame 12", mark: .bad,
                                       note: "streaks, \"blurred\"\nsee run 4", user: "alice",
                                       updatedAt: "2025-03-01T12:00:01.000Z"))
        // Marks of videos and frames with the same origin are kept apart.
        #expect(try store.record(for: video) == nil)
        #expect(try store.records(origin: origin, kind: .frame).keys.sorted() == [frame.itemID])
        #expect(try store.records(origin: origin, kind: .video).isEmpty)
        #expect(try store.records(origin: "http://127.0.0.1:8080", kind: .frame).isEmpty)

        // Survives closing and reopening.
        let reopened = try TriageStore.open(at: dir.file("t.sqlite3"))
        #expect(try reopened.record(for: frame) == record)
    }

    @Test func changingTheMarkKeepsTheNote() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try TriageStore.open(at: dir.file("t.sqlite3"), user: "bob")
        try store.setNote("check focus", for: video, videoID: video.itemID, label: "run-7.mp4")
        try store.setMark(.review, for: video, videoID: video.itemID, label: "run-7.mp4")
        try store.setMark(.good, for: video, videoID: video.itemID, label: "run-7 (renamed).mp4")
        let record = try #require(try store.record(for: video))
        #expect(record.mark == .good)
        #expect(record.note == "check focus")
        #expect(record.label == "run-7 (renamed).mp4")
        #expect(record.user == "bob")
    }

    @Test func emptyNoteClearsTheNote() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try TriageStore.open(at: dir.file("t.sqlite3"))
        try store.setMark(.good, for: frame, videoID: video.itemID, label: "frame 12")
        try store.setNote("temporary", for: frame, videoID: video.itemID, label: "frame 12")
        let cleared = try store.setNote("  \n", for: frame, videoID: video.itemID, label: "frame 12")
        #expect(cleared?.note == nil)
        #expect(cleared?.mark == .good)
        #expect(try store.record(for: frame)?.note == nil)
    }

    @Test func rowIsDeletedWhenMarkAndNoteAreBothCleared() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try TriageStore.open(at: dir.file("t.sqlite3"))
        try store.setMark(.bad, for: frame, videoID: video.itemID, label: "frame 12")
        try store.setNote("why", for: frame, videoID: video.itemID, label: "frame 12")

        #expect(try store.clearMark(for: frame)?.note == "why")
        #expect(try store.allRecords().count == 1)
        #expect(try store.setNote("", for: frame, videoID: video.itemID, label: "frame 12") == nil)
        #expect(try store.record(for: frame) == nil)
        #expect(try store.allRecords().isEmpty)

        // Clearing what was never there is a no-op, not an error, and leaves no row.
        #expect(try store.clearMark(for: video) == nil)
        #expect(try store.clearNote(for: video) == nil)
        #expect(try store.allRecords().isEmpty)
    }

    @Test func twoInstancesOnOneFileSeeEachOthersChanges() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("shared.sqlite3")
        let first = try TriageStore.open(at: path, user: "first")
        let second = try TriageStore.open(at: path, user: "second")

        try first.setMark(.good, for: video, videoID: video.itemID, label: "run-7.mp4")
        try second.setMark(.bad, for: frame, videoID: video.itemID, label: "frame 12")
        #expect(try first.record(for: frame)?.mark == .bad)
        #expect(try first.record(for: frame)?.user == "second")
        #expect(try second.record(for: video)?.mark == .good)

        try second.setNote("second opinion", for: video, videoID: video.itemID, label: "run-7.mp4")
        let seen = try #require(try first.record(for: video))
        #expect(seen.mark == .good)
        #expect(seen.note == "second opinion")
        #expect(seen.user == "second")
    }

    @Test func concurrentWritersFromThreadsAndInstancesAllLand() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("busy.sqlite3")
        let stores = [try TriageStore.open(at: path), try TriageStore.open(at: path)]
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            let key = TriageKey(origin: origin, kind: .frame, itemID: "f\(index)")
            do {
                try stores[index % 2].setMark(.review, for: key, videoID: "v", label: "frame \(index)")
            } catch {
                failures.lock(); errors.append("\(error)"); failures.unlock()
            }
        }
        #expect(errors.isEmpty)
        #expect(try stores[0].records(origin: origin, kind: .frame).count == 200)
        #expect(try stores[1].integrityCheck() == "ok")
    }

    @Test func valuesAreBoundNotInterpolated() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try TriageStore.open(at: dir.file("t.sqlite3"))
        let hostile = TriageKey(origin: origin, kind: .video, itemID: "x'); DROP TABLE triage; --")
        try store.setNote("it's \u{0}fine", for: hostile, videoID: "v'--", label: "O'Brien")
        let record = try #require(try store.record(for: hostile))
        #expect(record.note == "it's \u{0}fine")
        #expect(record.label == "O'Brien")
        #expect(try store.allRecords().count == 1)
    }

    @Test func defaultPathFollowsXDGStateHome() {
        #expect(TriagePaths.defaultDatabasePath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                == "/s/atomscale-tui/triage.sqlite3")
        #expect(TriagePaths.defaultDatabasePath(environment: ["HOME": "/h"])
                == "/h/.local/state/atomscale-tui/triage.sqlite3")
        // The XDG spec says relative values are invalid and must be ignored.
        #expect(TriagePaths.defaultDatabasePath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/atomscale-tui/triage.sqlite3")
    }

    @Test func missingDirectoriesAreCreatedPrivate() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("state/atomscale-tui/triage.sqlite3")
        _ = try TriageStore.open(at: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("state/atomscale-tui"))
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func schemaVersionIsRecordedAndWALIsOn() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("t.sqlite3")
        do {
            let store = try TriageStore.open(at: path)
            try store.setMark(.good, for: video, videoID: video.itemID, label: "v")
        }
        // Read after close: the last connection checkpoints the WAL into the main file.
        // Header bytes 18/19 are 2 in WAL mode; the user_version is the big-endian int at 60.
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(64)
        #expect(header[18] == 2 && header[19] == 2)
        #expect(Array(header[60..<64]) == [0, 0, 0, UInt8(TriageSchema.currentVersion)])
    }
}
