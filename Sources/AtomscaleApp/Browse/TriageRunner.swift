import BrowserCore
import Dispatch
import Foundation
import TriageStore

/// Carries out `.loadTriage` and `.saveTriage` against the SQLite store, off the UI thread
/// but strictly in the order the reducer sent them: one serial queue does every database
/// call, so "mark bad, then good" can never be stored as "good, then bad", and a load sent
/// after a save reads it. Each change is its own committed transaction before its answer is
/// posted (see TriageStore for what that guarantees on a crash).
///
/// The database is opened on first use. When it cannot be opened for writing, a read-only
/// open is tried so existing marks still show; when even that fails, the browser runs without
/// marks. Either way the reason goes back to the reducer, which shows it and refuses the
/// mark keys. A later load (`r`) tries again, so moving a damaged file aside and pressing
/// `r` is enough.
final class TriageRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "atomscale-tui.triage")
    private let path: String
    private let origin: String
    private let mailbox: Mailbox
    private let open: @Sendable (_ path: String, _ readOnly: Bool) throws(TriageStoreError) -> TriageStore
    // Touched only on `queue`.
    private var store: TriageStore?
    private var readOnlyReason: String?

    init(path: String, origin: String, mailbox: Mailbox,
         open: @escaping @Sendable (String, Bool) throws(TriageStoreError) -> TriageStore = { path, readOnly throws(TriageStoreError) in
             try TriageStore.open(at: path, readOnly: readOnly)
         }) {
        self.path = path
        self.origin = origin
        self.mailbox = mailbox
        self.open = open
    }

    func load(request: RequestID) {
        queue.async { [self] in
            if store == nil || store?.isReadOnly == true { reopen() }
            guard let store else {
                mailbox.post(.triageLoaded(request: request, .failure(TriageFailure(readOnlyReason ?? "no database"))))
                return
            }
            do {
                let videos = try store.records(origin: origin, kind: .video).mapValues(Self.entry)
                let frames = try store.records(origin: origin, kind: .frame).mapValues(Self.entry)
                let snapshot = TriageSnapshot(videos: videos, frames: frames, readOnlyReason: readOnlyReason)
                mailbox.post(.triageLoaded(request: request, .success(snapshot)))
            } catch {
                mailbox.post(.triageLoaded(request: request, .failure(Self.failure(error))))
            }
        }
    }

    func save(_ change: TriageChange) {
        queue.async { [self] in
            if store == nil { reopen() }
            guard let store else {
                mailbox.post(.triageSaved(change, .failure(TriageFailure(readOnlyReason ?? "no database"))))
                return
            }
            do {
                let record = try Self.apply(change, to: store, origin: origin)
                mailbox.post(.triageSaved(change, .success(record.map(Self.entry))))
            } catch {
                mailbox.post(.triageSaved(change, .failure(Self.failure(error))))
            }
        }
    }

    /// Blocks until every change sent so far is stored (quitting waits for this).
    func drain() { queue.sync {} }

    // MARK: - On the queue

    private func reopen() {
        do {
            let opened = try open(path, false)
            store = opened
            readOnlyReason = opened.isReadOnly ? "\(path) is write-protected" : nil
        } catch let writable {
            // Marks that exist can still be shown.
            if let readable = try? open(path, true) {
                store = readable
                readOnlyReason = writable.message
            } else {
                store = nil
                readOnlyReason = writable.message
            }
        }
    }

    static func apply(_ change: TriageChange, to store: TriageStore,
                      origin: String) throws(TriageStoreError) -> TriageRecord? {
        let item = change.item
        let key = TriageKey(origin: origin, kind: item.kind == .video ? .video : .frame, itemID: item.itemID)
        switch change.edit {
        case .setMark(let mark):
            return try store.setMark(TriageMark(rawValue: mark.rawValue) ?? .review, for: key,
                                     videoID: item.videoID, label: item.label)
        case .clearMark:
            return try store.clearMark(for: key)
        case .setNote(let text):
            return try store.setNote(text, for: key, videoID: item.videoID, label: item.label)
        }
    }

    static func failure(_ error: Error) -> TriageFailure {
        TriageFailure((error as? TriageStoreError)?.message ?? String(describing: error))
    }

    static func entry(_ record: TriageRecord) -> TriageEntry {
        TriageEntry(mark: record.mark.flatMap { Mark(rawValue: $0.rawValue) }, note: record.note,
                    user: record.user, updatedAt: record.updatedAt)
    }
}
