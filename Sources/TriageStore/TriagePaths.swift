import Foundation

public enum TriagePaths {
    /// `$XDG_STATE_HOME/atomscale-tui/triage.sqlite3`, else `~/.local/state/atomscale-tui/triage.sqlite3`.
    /// Marks are state (they accumulate from use and are not hand-edited), not config or cache,
    /// hence XDG_STATE_HOME. A relative XDG_STATE_HOME is ignored, as the XDG spec requires.
    public static func defaultDatabasePath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/atomscale-tui/triage.sqlite3"
        }
        return homeDirectory(environment: environment) + "/.local/state/atomscale-tui/triage.sqlite3"
    }

    static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// Creates every missing directory of `path` with mode 0700: notes may name samples and
    /// people, so they are nobody else's business on a shared machine.
    static func createDirectories(_ path: String) throws(TriageStoreError) {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw TriageStoreError(kind: .cannotOpen, path: path,
                                   message: "Cannot create the triage directory \(path): a file is in the way.")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createDirectories(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw TriageStoreError(kind: .cannotOpen, path: path,
                                   message: "Cannot create the triage directory \(path): \(reason).")
        }
    }

    /// The user recorded on each change: $USER, else the passwd entry, else "unknown".
    public static func currentUser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

enum Timestamp {
    /// ISO 8601 UTC with milliseconds. Formatted by hand: fixed width, locale-free, and
    /// lexicographic order equals time order, which the SQL ordering relies on.
    static func iso8601(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        var t = time_t(whole)
        var parts = tm()
        gmtime_r(&t, &parts)
        let millis = min(999, Int(((seconds - whole) * 1000).rounded(.down)))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + "T" + pad(Int(parts.tm_hour), 2) + ":"
            + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2) + "."
            + pad(millis, 3) + "Z"
    }
}
