/// Schema versions live in `PRAGMA user_version`: no bookkeeping table to keep in step, and
/// SQLite stores it in the header, so reading it is also the first check that the file is a database.
enum TriageSchema {
    static let currentVersion: Int64 = 1

    /// Brings a writable database from `version` to `currentVersion`, one step per version,
    /// each step inside the caller's transaction together with its `user_version` bump.
    static func migrate(_ db: SQLiteConnection, from version: Int64) throws(TriageStoreError) {
        if version < 1 {
            try db.exec("""
                CREATE TABLE IF NOT EXISTS triage (
                    origin     TEXT NOT NULL,
                    kind       TEXT NOT NULL CHECK (kind IN ('video', 'frame')),
                    item_id    TEXT NOT NULL,
                    video_id   TEXT NOT NULL,
                    label      TEXT NOT NULL DEFAULT '',
                    mark       TEXT CHECK (mark IS NULL OR mark IN ('good', 'bad', 'review')),
                    note       TEXT,
                    "user"     TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (origin, kind, item_id)
                )
                """, doing: "creating the triage table")
            // The browser asks "which frames of this video are marked" when it opens a video.
            try db.exec("CREATE INDEX IF NOT EXISTS triage_by_video ON triage (origin, video_id)",
                        doing: "creating the triage index")
            try db.exec("PRAGMA user_version = 1", doing: "recording the schema version")
        }
    }
}
