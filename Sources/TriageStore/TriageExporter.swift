import Foundation

/// Writes every triage record as CSV or JSON, to a file (atomically) or to stdout.
public enum TriageExporter {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    public static let columns = ["origin", "kind", "item_id", "video_id", "label", "mark", "note",
                                 "user", "updated_at"]

    /// Exports `store.allRecords()`; `outputPath == nil` means stdout.
    public static func export(_ store: TriageStore, format: Format, to outputPath: String?) throws {
        try export(try store.allRecords(), format: format, to: outputPath)
    }

    public static func export(_ records: [TriageRecord], format: Format, to outputPath: String?) throws {
        let text = format == .csv ? csv(records) : json(records)
        let data = Data(text.utf8)
        if let outputPath {
            try AtomicFile.write(data, to: outputPath)
        } else {
            try FileHandle.standardOutput.write(contentsOf: data)
        }
    }

    // MARK: CSV

    /// RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a quote,
    /// CR or LF, with quotes doubled.
    public static func csv(_ records: [TriageRecord]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for record in records {
            out += values(record).map { csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ raw: String) -> String {
        var value = raw
        // Formula injection: spreadsheets treat a cell starting with = + - @ (or tab/CR, which
        // some strip first) as a formula, and labels come from server file names while notes are
        // free text: a crafted one could run =HYPERLINK/DDE payloads when the export is opened
        // in Excel or LibreOffice. A leading apostrophe makes the cell plain text there. This
        // changes the raw value, so use the JSON export for exact round trips.
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    // MARK: JSON

    /// An array of objects with keys in `columns` order (stable and readable, unlike
    /// JSONEncoder's unordered or alphabetical output), two-space indent, null for no mark/note.
    public static func json(_ records: [TriageRecord]) -> String {
        if records.isEmpty { return "[]\n" }
        let objects = records.map { record -> String in
            let fields = zip(columns, values(record)).map { name, value in
                "    \"\(name)\": " + (value.map(jsonString) ?? "null")
            }
            return "  {\n" + fields.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func values(_ r: TriageRecord) -> [String?] {
        [r.key.origin, r.key.kind.rawValue, r.key.itemID, r.videoID, r.label, r.mark?.rawValue,
         r.note, r.user, r.updatedAt]
    }
}
