import CSQLite3
import Foundation

/// Marks and notes on videos and frames, kept in one SQLite file.
///
/// `@unchecked Sendable`: the only mutable state is the `sqlite3*` connection, and every use of
/// it happens while holding `lock`, so calls from any thread are serialised. The connection is
/// opened with SQLITE_OPEN_NOMUTEX because that lock already provides the exclusion.
///
/// Durability: WAL journal with `synchronous=NORMAL`. A commit appends the transaction to the
/// -wal file with write(2) before `sqlite3_step` returns; from then on the data is in the
/// kernel's page cache, which a SIGKILL or crash of this process cannot take back, and the next
/// open replays the WAL. What NORMAL gives up against FULL is only the fsync per commit, i.e.
/// the last few marks can be lost (never corrupted) on a power cut or kernel crash. That trade
/// keeps bulk marking (one transaction per item) fast on slow disks.
public final class TriageStore: @unchecked Sendable {
    public let path: String
    /// True when opened read-only (asked for, or the file is write-protected). Writes then throw
    /// a `.readOnly` error; reads work.
    public let isReadOnly: Bool

    private let lock = NSLock()
    private let db: SQLiteConnection
    private let user: String
    private let now: @Sendable () -> Date

    private init(path: String, isReadOnly: Bool, db: SQLiteConnection, user: String,
                 now: @escaping @Sendable () -> Date) {
        self.path = path
        self.isReadOnly = isReadOnly
        self.db = db
        self.user = user
        self.now = now
    }

    /// Opens (creating if needed, with missing directories made 0700) the database at `path`.
    /// Throws a `TriageStoreError` whose `message` names the path and the reason when the file
    /// cannot be opened or created, is damaged or not a database, or has a newer schema.
    public static func open(
        at path: String,
        readOnly: Bool = false,
        user: String = TriagePaths.currentUser(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(TriageStoreError) -> TriageStore {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw TriageStoreError(kind: .cannotOpen, path: path,
                                       message: "Cannot open the triage database at \(path): it is a directory, not a file.")
            }
        } else if errno == ENOENT {
            if readOnly {
                throw TriageStoreError(kind: .cannotOpen, path: path,
                                       message: "Cannot open the triage database at \(path) read-only: the file does not exist.")
            }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try TriagePaths.createDirectories(directory) }
        } else {
            let reason = String(cString: strerror(errno))
            throw TriageStoreError(kind: .cannotOpen, path: path,
                                   message: "Cannot open the triage database at \(path): \(reason).")
        }

        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let db = try SQLiteConnection(path: path, flags: flags)
        // Another instance (a second terminal) may hold the write lock briefly; wait for it
        // rather than failing a keypress.
        sqlite3_busy_timeout(db.handle, 5000)
        // SQLite silently falls back to read-only when the file is write-protected.
        let isReadOnly = readOnly || db.isReadOnly

        // Reading the header is the first touch of the file: random bytes fail here.
        let version = try userVersion(db)
        let check = try quickCheck(db)
        if check != "ok" {
            throw TriageStoreError(kind: .corrupt, path: path,
                                   message: "The triage database at \(path) is damaged (quick_check: \(check)). Move the file aside to start a new one.")
        }
        if version > TriageSchema.currentVersion {
            throw TriageStoreError(kind: .incompatibleSchema, path: path,
                                   message: "The triage database at \(path) was written by a newer atomscale-tui (schema \(version), this build knows up to \(TriageSchema.currentVersion)).")
        }

        if isReadOnly {
            if version < TriageSchema.currentVersion {
                throw TriageStoreError(kind: .incompatibleSchema, path: path,
                                       message: "The triage database at \(path) is read-only and has an older schema (\(version)) that cannot be upgraded in place.")
            }
        } else {
            try db.exec("PRAGMA journal_mode = WAL", doing: "switching to WAL mode")
            try db.exec("PRAGMA synchronous = NORMAL", doing: "setting synchronous mode")
            try db.transaction(doing: "upgrading the schema") { () throws(TriageStoreError) in
                // Re-read inside the write lock: another process may have migrated meanwhile.
                let current = try userVersion(db)
                if current < TriageSchema.currentVersion { try TriageSchema.migrate(db, from: current) }
            }
        }
        return TriageStore(path: path, isReadOnly: isReadOnly, db: db, user: user, now: now)
    }

    // MARK: Writes — each one its own committed transaction.

    /// Sets the mark, keeping any note. Returns the record as stored.
    @discardableResult
    public func setMark(_ mark: TriageMark, for key: TriageKey, videoID: String,
                        label: String) throws(TriageStoreError) -> TriageRecord? {
        try write(key, doing: "saving a mark") { () throws(TriageStoreError) in
            let stmt = try db.prepare("""
                INSERT INTO triage (origin, kind, item_id, video_id, label, mark, note, "user", updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8)
                ON CONFLICT (origin, kind, item_id) DO UPDATE SET
                    video_id = excluded.video_id, label = excluded.label, mark = excluded.mark,
                    "user" = excluded."user", updated_at = excluded.updated_at
                """, doing: "saving a mark")
            try stmt.bind([key.origin, key.kind.rawValue, key.itemID, videoID, label, mark.rawValue,
                           user, Timestamp.iso8601(now())])
            try stmt.step()
        }
    }

    /// Sets the note, keeping any mark. An empty or all-whitespace note clears it.
    @discardableResult
    public func setNote(_ note: String, for key: TriageKey, videoID: String,
                        label: String) throws(TriageStoreError) -> TriageRecord? {
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return try clearNote(for: key)
        }
        return try write(key, doing: "saving a note") { () throws(TriageStoreError) in
            let stmt = try db.prepare("""
                INSERT INTO triage (origin, kind, item_id, video_id, label, mark, note, "user", updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8)
                ON CONFLICT (origin, kind, item_id) DO UPDATE SET
                    video_id = excluded.video_id, label = excluded.label, note = excluded.note,
                    "user" = excluded."user", updated_at = excluded.updated_at
                """, doing: "saving a note")
            try stmt.bind([key.origin, key.kind.rawValue, key.itemID, videoID, label, note,
                           user, Timestamp.iso8601(now())])
            try stmt.step()
        }
    }

    /// Removes the mark; the row goes too if it has no note.
    @discardableResult
    public func clearMark(for key: TriageKey) throws(TriageStoreError) -> TriageRecord? {
        try write(key, doing: "clearing a mark") { () throws(TriageStoreError) in
            let stmt = try db.prepare("""
                UPDATE triage SET mark = NULL, "user" = ?4, updated_at = ?5
                WHERE origin = ?1 AND kind = ?2 AND item_id = ?3
                """, doing: "clearing a mark")
            try stmt.bind([key.origin, key.kind.rawValue, key.itemID, user, Timestamp.iso8601(now())])
            try stmt.step()
        }
    }

    /// Removes the note; the row goes too if it has no mark.
    @discardableResult
    public func clearNote(for key: TriageKey) throws(TriageStoreError) -> TriageRecord? {
        try write(key, doing: "clearing a note") { () throws(TriageStoreError) in
            let stmt = try db.prepare("""
                UPDATE triage SET note = NULL, "user" = ?4, updated_at = ?5
                WHERE origin = ?1 AND kind = ?2 AND item_id = ?3
                """, doing: "clearing a note")
            try stmt.bind([key.origin, key.kind.rawValue, key.itemID, user, Timestamp.iso8601(now())])
            try stmt.step()
        }
    }

    // MARK: Reads — always from the file, so changes by other instances are seen.

    public func record(for key: TriageKey) throws(TriageStoreError) -> TriageRecord? {
        lock.lock()
        defer { lock.unlock() }
        return try fetch(key)
    }

    /// All records of one origin and kind, keyed by item id, for lookups while drawing a list.
    public func records(origin: String, kind: TriageKind) throws(TriageStoreError) -> [String: TriageRecord] {
        lock.lock()
        defer { lock.unlock() }
        let stmt = try db.prepare("""
            SELECT origin, kind, item_id, video_id, label, mark, note, "user", updated_at
            FROM triage WHERE origin = ?1 AND kind = ?2
            """, doing: "reading marks")
        try stmt.bind([origin, kind.rawValue])
        var result: [String: TriageRecord] = [:]
        while try stmt.step() {
            if let record = Self.decode(stmt) { result[record.key.itemID] = record }
        }
        return result
    }

    /// Every record, ordered by origin, video, kind (videos before frames) and item id.
    public func allRecords() throws(TriageStoreError) -> [TriageRecord] {
        lock.lock()
        defer { lock.unlock() }
        let stmt = try db.prepare("""
            SELECT origin, kind, item_id, video_id, label, mark, note, "user", updated_at
            FROM triage ORDER BY origin, video_id, kind DESC, item_id
            """, doing: "reading marks")
        var result: [TriageRecord] = []
        while try stmt.step() {
            if let record = Self.decode(stmt) { result.append(record) }
        }
        return result
    }

    /// Runs `PRAGMA integrity_check`; returns "ok" or SQLite's first complaint.
    public func integrityCheck() throws(TriageStoreError) -> String {
        lock.lock()
        defer { lock.unlock() }
        let stmt = try db.prepare("PRAGMA integrity_check", doing: "checking integrity")
        return try stmt.step() ? (stmt.text(0) ?? "") : ""
    }

    // MARK: Internals

    /// Runs `change` and the "drop empty rows" cleanup in one transaction, then returns the row.
    private func write(_ key: TriageKey, doing context: String,
                       _ change: () throws(TriageStoreError) -> Void) throws(TriageStoreError) -> TriageRecord? {
        lock.lock()
        defer { lock.unlock() }
        if isReadOnly {
            throw TriageStoreError(kind: .readOnly, path: path,
                                   message: "The triage database at \(path) is open read-only; \(context) is not possible.")
        }
        return try db.transaction(doing: context) { () throws(TriageStoreError) -> TriageRecord? in
            try change()
            let cleanup = try db.prepare("""
                DELETE FROM triage
                WHERE origin = ?1 AND kind = ?2 AND item_id = ?3 AND mark IS NULL AND note IS NULL
                """, doing: context)
            try cleanup.bind([key.origin, key.kind.rawValue, key.itemID])
            try cleanup.step()
            return try fetch(key)
        }
    }

    private func fetch(_ key: TriageKey) throws(TriageStoreError) -> TriageRecord? {
        let stmt = try db.prepare("""
            SELECT origin, kind, item_id, video_id, label, mark, note, "user", updated_at
            FROM triage WHERE origin = ?1 AND kind = ?2 AND item_id = ?3
            """, doing: "reading a mark")
        try stmt.bind([key.origin, key.kind.rawValue, key.itemID])
        return try stmt.step() ? Self.decode(stmt) : nil
    }

    /// Column order as in the SELECTs above. Rows with an unknown kind (a future version's)
    /// are skipped rather than failing the whole read.
    private static func decode(_ stmt: SQLiteStatement) -> TriageRecord? {
        guard let origin = stmt.text(0), let kind = stmt.text(1).flatMap(TriageKind.init(rawValue:)),
              let itemID = stmt.text(2) else { return nil }
        return TriageRecord(key: TriageKey(origin: origin, kind: kind, itemID: itemID),
                            videoID: stmt.text(3) ?? "", label: stmt.text(4) ?? "",
                            mark: stmt.text(5).flatMap(TriageMark.init(rawValue:)),
                            note: stmt.text(6), user: stmt.text(7) ?? "",
                            updatedAt: stmt.text(8) ?? "")
    }

    private static func userVersion(_ db: SQLiteConnection) throws(TriageStoreError) -> Int64 {
        let stmt = try db.prepare("PRAGMA user_version", doing: "reading the schema version")
        return try stmt.step() ? stmt.int(0) : 0
    }

    private static func quickCheck(_ db: SQLiteConnection) throws(TriageStoreError) -> String {
        let stmt = try db.prepare("PRAGMA quick_check", doing: "checking the database")
        return try stmt.step() ? (stmt.text(0) ?? "") : ""
    }
}
