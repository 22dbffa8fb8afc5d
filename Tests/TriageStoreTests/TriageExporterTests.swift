import Foundation
import Testing
@testable import TriageStore

private let tricky = TriageRecord(
    key: TriageKey(origin: "https://api.atomscale.ai", kind: .frame, itemID: "img-1"),
    videoID: "vid-1", label: "=HYPERLINK(\"http://x\")", mark: .bad,
    note: "blurry, \"very\"\nsecond line", user: "alice", updatedAt: "2025-03-01T12:00:00.000Z")
private let plain = TriageRecord(
    key: TriageKey(origin: "https://api.atomscale.ai", kind: .video, itemID: "vid-1"),
    videoID: "vid-1", label: "run-7.mp4", mark: nil, note: "-5 dB, @bob +1",
    user: "bob", updatedAt: "2025-03-01T12:00:01.000Z")

@Suite struct TriageExporterTests {
    @Test func csvQuotesAndNeutralisesFormulas() {
        let expected = "origin,kind,item_id,video_id,label,mark,note,user,updated_at\r\n"
            + "https://api.atomscale.ai,frame,img-1,vid-1,\"'=HYPERLINK(\"\"http://x\"\")\",bad,"
            + "\"blurry, \"\"very\"\"\nsecond line\",alice,2025-03-01T12:00:00.000Z\r\n"
            + "https://api.atomscale.ai,video,vid-1,vid-1,run-7.mp4,,\"'-5 dB, @bob +1\",bob,"
            + "2025-03-01T12:00:01.000Z\r\n"
        #expect(TriageExporter.csv([tricky, plain]) == expected)
    }

    @Test func csvFieldRules() {
        #expect(TriageExporter.csvField("plain") == "plain")
        #expect(TriageExporter.csvField("") == "")
        #expect(TriageExporter.csvField("a,b") == "\"a,b\"")
        #expect(TriageExporter.csvField("cr\rlf") == "\"cr\rlf\"")
        #expect(TriageExporter.csvField("crlf\r\nx") == "\"crlf\r\nx\"")
        #expect(TriageExporter.csvField("+1") == "'+1")
        #expect(TriageExporter.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(TriageExporter.csvField("a=b") == "a=b")
    }

    @Test func jsonIsExactAndOrdered() {
        let expected = """
            [
              {
                "origin": "https://api.atomscale.ai",
                "kind": "frame",
                "item_id": "img-1",
                "video_id": "vid-1",
                "label": "=HYPERLINK(\\"http://x\\")",
                "mark": "bad",
                "note": "blurry, \\"very\\"\\nsecond line",
                "user": "alice",
                "updated_at": "2025-03-01T12:00:00.000Z"
              },
              {
                "origin": "https://api.atomscale.ai",
                "kind": "video",
                "item_id": "vid-1",
                "video_id": "vid-1",
                "label": "run-7.mp4",
                "mark": null,
                "note": "-5 dB, @bob +1",
                "user": "bob",
                "updated_at": "2025-03-01T12:00:01.000Z"
              }
            ]

            """
        #expect(TriageExporter.json([tricky, plain]) == expected)
        #expect(TriageExporter.json([]) == "[]\n")
    }

    @Test func jsonIsValidAndRoundTripsControlCharacters() throws {
        var odd = plain
        odd.note = "tab\there \u{1}\u{1F} back\\slash ünï 🎞"
        let data = Data(TriageExporter.json([odd]).utf8)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect(parsed[0]["note"] as? String == odd.note)
        #expect(parsed[0]["mark"] is NSNull)
    }

    @Test func exportFromStoreToFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let clock = FixedClock()
        let store = try TriageStore.open(at: dir.file("t.sqlite3"), user: "alice", now: clock.now)
        let frameKey = TriageKey(origin: "https://api.atomscale.ai", kind: .frame, itemID: "img-1")
        let videoKey = TriageKey(origin: "https://api.atomscale.ai", kind: .video, itemID: "vid-1")
        try store.setMark(.bad, for: frameKey, videoID: "vid-1", label: "frame 1")
        try store.setMark(.good, for: videoKey, videoID: "vid-1", label: "run-7.mp4")
        let out = dir.file("export.csv")
        try TriageExporter.export(store, format: .csv, to: out)
        // Videos come before their frames.
        #expect(readText(out) == "origin,kind,item_id,video_id,label,mark,note,user,updated_at\r\n"
                + "https://api.atomscale.ai,video,vid-1,vid-1,run-7.mp4,good,,alice,2025-03-01T12:00:01.000Z\r\n"
                + "https://api.atomscale.ai,frame,img-1,vid-1,frame 1,bad,,alice,2025-03-01T12:00:00.000Z\r\n")
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesExistingContentAndLeavesNoTemporaryFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("out.json")
        writeBytes(Array("old content that is longer than the new one".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(readText(path) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func abortedWriterLeavesTargetUntouched() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("video.mp4")
        writeBytes(Array("complete".utf8), to: path)
        do {
            let writer = try AtomicFile.Writer(path: path)
            try writer.append(Data("partial".utf8))
            #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
            writer.abort()
        }
        do {
            // Dropped without commit: cleaned up as well.
            let writer = try AtomicFile.Writer(path: path)
            try writer.append(Data("partial".utf8))
        }
        #expect(readText(path) == "complete")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["video.mp4"])
    }

    @Test func streamedChunksAreJoined() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("new.bin")
        let writer = try AtomicFile.Writer(path: path, permissions: 0o600)
        for chunk in ["a", "b", "c"] { try writer.append(Data(chunk.utf8)) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.commit()
        #expect(readText(path) == "abc")
    }

    @Test func missingDirectoryGivesAMessage() {
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(Data("x".utf8), to: "/nonexistent-dir-for-test/out.csv")
        }
        #expect(error?.message.hasPrefix("Cannot write /nonexistent-dir-for-test/out.csv: cannot create a temporary file in /nonexistent-dir-for-test") == true)
    }
}
