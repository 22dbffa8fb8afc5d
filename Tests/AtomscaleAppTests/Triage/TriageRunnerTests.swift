import BrowserCore
import Foundation
import Testing
import TriageStore
@testable import AtomscaleApp

/// The app side of marks: effects carried out against a real SQLite file, answers posted in
/// order, and the read-only fallbacks.
@Suite struct TriageRunnerTests {
    static let origin = "http://127.0.0.1:9"

    func item(_ id: String, kind: TriageItem.Kind = .frame) -> TriageItem {
        TriageItem(kind: kind, itemID: id, videoID: "video-1", label: "run · frame \(id)")
    }

    func runner(_ path: String, origin: String = TriageRunnerTests.origin) -> (TriageRunner, Mailbox) {
        let mailbox = Mailbox(wake: {})
        return (TriageRunner(path: path, origin: origin, mailbox: mailbox), mailbox)
    }

    @Test func changesAreStoredInOrderAndAnsweredInOrder() throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/state/triage.sqlite3"
        let (runner, mailbox) = runner(path)
        runner.load(request: RequestID(1))
        runner.save(TriageChange(item: item("f1"), edit: .setMark(.bad)))
        runner.save(TriageChange(item: item("f1"), edit: .setMark(.good)))
        runner.save(TriageChange(item: item("f1"), edit: .setNote("checked twice")))
        runner.save(TriageChange(item: item("v", kind: .video), edit: .setMark(.review)))
        runner.load(request: RequestID(2))
        runner.drain()
        let events = mailbox.drain()
        #expect(events.count == 6)
        guard case .triageLoaded(RequestID(1), .success(let empty)) = events[0] else { Issue.record("\(events[0])"); return }
        #expect(empty == TriageSnapshot())
        guard case .triageSaved(_, .success(let stored?)) = events[3] else { Issue.record("\(events[3])"); return }
        #expect(stored.mark == .good && stored.note == "checked twice" && !stored.user.isEmpty)
        guard case .triageLoaded(RequestID(2), .success(let snapshot)) = events[5] else { Issue.record("\(events[5])"); return }
        #expect(snapshot.frames["f1"]?.mark == .good)
        #expect(snapshot.videos["v"]?.mark == .review)
        #expect(snapshot.readOnlyReason == nil)
        // In the file, under this origin only.
        let store = try TriageStore.open(at: path, readOnly: true)
        #expect(try store.records(origin: Self.origin, kind: .frame)["f1"]?.mark == .good)
        #expect(try store.records(origin: "demo", kind: .frame).isEmpty)
    }

    @Test func twoInstancesSeeEachOthersMarksOnReload() throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/triage.sqlite3"
        let (a, mailA) = runner(path)
        let (b, mailB) = runner(path)
        a.save(TriageChange(item: item("x1"), edit: .setMark(.bad)))
        b.save(TriageChange(item: item("x2"), edit: .setMark(.good)))
        a.drain(); b.drain()
        a.load(request: RequestID(7))
        a.drain()
        _ = mailB.drain()
        guard case .triageLoaded(_, .success(let seen))? = mailA.drain().last else { Issue.record("no load"); return }
        #expect(seen.frames["x1"]?.mark == .bad && seen.frames["x2"]?.mark == .good)
    }

    @Test func aCorruptDatabaseGivesTheReasonAndAReloadAfterMovingItAsideWorks() throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/triage.sqlite3"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        let (runner, mailbox) = runner(path)
        runner.load(request: RequestID(1))
        runner.save(TriageChange(item: item("f"), edit: .setMark(.bad)))
        runner.drain()
        let events = mailbox.drain()
        guard case .triageLoaded(_, .failure(let failure)) = events[0] else { Issue.record("\(events)"); return }
        #expect(failure.message.contains(path) && failure.message.contains("not a database"), "\(failure.message)")
        guard case .triageSaved(_, .failure) = events[1] else { Issue.record("\(events)"); return }
        // The operator moves the file aside and presses r.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".broken")
        runner.load(request: RequestID(2))
        runner.drain()
        guard case .triageLoaded(_, .success(let snapshot))? = mailbox.drain().first else { Issue.record("no reload"); return }
        #expect(snapshot.readOnlyReason == nil)
    }

    @Test func aWriteProtectedDatabaseIsShownReadOnly() throws {
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/triage.sqlite3"
        let seed = try TriageStore.open(at: path)
        try seed.setMark(.good, for: .video(origin: Self.origin, dataID: "v"), videoID: "v", label: "v")
        // A store that opens read-only (as SQLite does for a write-protected file; chmod does
        // not stop root, who runs CI, so the open is told directly).
        let mailbox = Mailbox(wake: {})
        let runner = TriageRunner(path: path, origin: Self.origin, mailbox: mailbox) { p, _ throws(TriageStoreError) in
            try TriageStore.open(at: p, readOnly: true)
        }
        runner.load(request: RequestID(1))
        runner.save(TriageChange(item: item("v", kind: .video), edit: .setMark(.bad)))
        runner.drain()
        let events = mailbox.drain()
        guard case .triageLoaded(_, .success(let snapshot)) = events[0] else { Issue.record("\(events)"); return }
        #expect(snapshot.videos["v"]?.mark == .good)
        #expect(snapshot.readOnlyReason?.contains("write-protected") == true)
        guard case .triageSaved(_, .failure(let failure)) = events[1] else { Issue.record("\(events)"); return }
        #expect(failure.message.contains("read-only"))
    }

    @Test func anUnopenableLocationFallsBackToNoMarksWithTheReason() {
        let (runner, mailbox) = runner("/proc/atomscale-tui-cannot-exist/triage.sqlite3")
        runner.load(request: RequestID(1))
        runner.drain()
        guard case .triageLoaded(_, .failure(let failure))? = mailbox.drain().first else { Issue.record("no answer"); return }
        #expect(failure.message.contains("/proc/atomscale-tui-cannot-exist"), "\(failure.message)")
    }
}
