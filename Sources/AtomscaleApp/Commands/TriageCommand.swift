import Foundation
import TriageStore

/// `triage export [--format csv|json] [--output FILE]`: every mark and note of every origin,
/// from the same database the browser writes. The file is replaced atomically (TriageExporter
/// writes through AtomicFile), so a reader never sees half an export; without --output the
/// export goes to stdout.
enum TriageCommand {
    static func run(_ argv: [String], environment: [String: String], output: Output) throws -> Int32 {
        let args = try Arguments.parse(argv, spec: ArgumentSpec(flags: ["--help", "-h", "--version"],
                                                                 options: ["--format", "--output"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.triage); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard let action = args.positionals.first else {
            throw UsageError("triage needs an action: export")
        }
        guard action == "export" else { throw UsageError("unknown triage action '\(action)' (known: export)") }
        guard args.positionals.count == 1 else {
            throw UsageError("triage export takes no arguments (got '\(args.positionals[1])')")
        }
        let formatName = args.value("--format") ?? "csv"
        guard let format = TriageExporter.Format(rawValue: formatName) else {
            throw UsageError("--format must be csv or json, not '\(formatName)'")
        }
        if let out = args.value("--output"), out.isEmpty { throw UsageError("--output needs a file name") }

        let path = TriagePaths.defaultDatabasePath(environment: environment)
        let records = try readAll(path)
        let text = format == .csv ? TriageExporter.csv(records) : TriageExporter.json(records)
        if let file = args.value("--output") {
            try AtomicFile.write(Data(text.utf8), to: file)
            output.rawError("\(records.count) record\(records.count == 1 ? "" : "s") written to \(file)\n")
        } else {
            output.write(text)
        }
        return 0
    }

    /// No database yet means nothing was ever marked: an empty export, and no file created.
    /// An existing one is opened read-only first, so exporting never writes to it (and works
    /// on a write-protected copy); a WAL database whose -shm cannot be created read-only is
    /// opened normally instead.
    static func readAll(_ path: String) throws -> [TriageRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return try TriageStore.open(at: path, readOnly: true).allRecords()
        } catch let readOnlyError {
            do {
                return try TriageStore.open(at: path).allRecords()
            } catch {
                throw RuntimeError(readOnlyError.message)
            }
        }
    }
}
