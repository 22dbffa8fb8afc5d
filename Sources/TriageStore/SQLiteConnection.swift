import CSQLite3

// SQLite's SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot
// import; it tells SQLite to copy bound text before bind returns, so Swift's temporary
// C strings may be freed right after the call.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A thin owner of one `sqlite3*`. Not thread-safe by itself: `TriageStore` serialises all use.
/// Only constant SQL reaches `exec`/`prepare`; every value goes through `bind`.
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String

    init(path: String, flags: Int32) throws(TriageStoreError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let detail = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw TriageStoreError(kind: .cannotOpen, path: path,
                                   message: "Cannot open the triage database at \(path): \(detail).",
                                   sqliteCode: rc)
        }
        handle = db
        self.path = path
        // Extended codes tell a read-only file (SQLITE_READONLY_*) from other failures.
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    func exec(_ sql: StaticString, doing context: String) throws(TriageStoreError) {
        let rc = sqlite3_exec(handle, sql.description, nil, nil, nil)
        if rc != SQLITE_OK { throw error(rc, doing: context) }
    }

    func prepare(_ sql: StaticString, doing context: String) throws(TriageStoreError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql.description, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, doing: context) }
        return SQLiteStatement(handle: stmt, connection: self, context: context)
    }

    /// Runs `body` as one IMMEDIATE transaction: the write lock is taken up front (waiting up to
    /// the busy timeout) so the commit itself cannot fail on lock contention.
    func transaction<T>(doing context: String,
                        _ body: () throws(TriageStoreError) -> T) throws(TriageStoreError) -> T {
        try exec("BEGIN IMMEDIATE", doing: context)
        do {
            let value = try body()
            try exec("COMMIT", doing: context)
            return value
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    /// Maps an SQLite failure to a user-facing error naming the file and what was being done.
    func error(_ rc: Int32, doing context: String) -> TriageStoreError {
        let detail = String(cString: sqlite3_errmsg(handle))
        let primary = rc & 0xff
        switch primary {
        case SQLITE_READONLY:
            return TriageStoreError(kind: .readOnly, path: path,
                                    message: "The triage database at \(path) is read-only; \(context) failed (\(detail)).",
                                    sqliteCode: rc)
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return TriageStoreError(kind: .corrupt, path: path,
                                    message: "The triage database at \(path) is damaged or not a database (\(detail)); \(context) failed. Move the file aside to start a new one.",
                                    sqliteCode: rc)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return TriageStoreError(kind: .busy, path: path,
                                    message: "The triage database at \(path) stayed locked by another process; \(context) failed (\(detail)).",
                                    sqliteCode: rc)
        case SQLITE_CANTOPEN, SQLITE_PERM:
            return TriageStoreError(kind: .cannotOpen, path: path,
                                    message: "Cannot open the triage database at \(path): \(detail); \(context) failed.",
                                    sqliteCode: rc)
        default:
            return TriageStoreError(kind: .failed, path: path,
                                    message: "Triage database \(path): \(context) failed (\(detail)).",
                                    sqliteCode: rc)
        }
    }
}

final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    private let context: String

    init(handle: OpaquePointer, connection: SQLiteConnection, context: String) {
        self.handle = handle
        self.connection = connection
        self.context = context
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to parameters 1...n; nil binds SQL NULL.
    func bind(_ values: [String?]) throws(TriageStoreError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            if let value {
                // Explicit byte length so a note with an embedded NUL is stored whole.
                rc = sqlite3_bind_text(handle, index, value, Int32(value.utf8.count), SQLITE_TRANSIENT)
            } else {
                rc = sqlite3_bind_null(handle, index)
            }
            if rc != SQLITE_OK { throw connection.error(rc, doing: context) }
        }
    }

    /// Steps once: true when a row is available, false when done.
    @discardableResult
    func step() throws(TriageStoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(rc, doing: context)
        }
    }

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL,
              let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
}
