/// Everything the store can fail with. `message` is meant to be shown to the user as is:
/// it names the database path and the reason, so the app can fall back to running without
/// (or read-only) triage and say why.
public struct TriageStoreError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file or its directory could not be opened or created.
        case cannotOpen
        /// The file is not an SQLite database or fails its consistency check.
        case corrupt
        /// A write was attempted on a store that is open read-only.
        case readOnly
        /// The schema is newer than this build understands, or too old to upgrade read-only.
        case incompatibleSchema
        /// Another process held the write lock past the busy timeout.
        case busy
        /// Any other SQLite or I/O failure.
        case failed
    }

    public let kind: Kind
    public let path: String
    public let message: String
    /// The SQLite result code when one was involved.
    public let sqliteCode: Int32?

    public init(kind: Kind, path: String, message: String, sqliteCode: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.sqliteCode = sqliteCode
    }

    public var description: String { message }
}
