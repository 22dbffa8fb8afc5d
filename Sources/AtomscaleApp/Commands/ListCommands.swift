import AtomscaleAPI
import Foundation

/// `videos` and `frames`: the browser's data without the UI, for scripts.
enum ListCommands {
    static func videos(_ argv: [String], environment: [String: String], output: Output) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: .global.adding(flags: ["--json"], options: ["--search", "--status"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.videos); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("videos takes no arguments (got '\(args.positionals[0])')") }
        var query = SearchQuery.opticalVideos
        query.keywords = args.values("--search").filter { !$0.isEmpty }
        if let status = args.value("--status") {
            guard PipelineStatus.all.contains(status) else {
                throw UsageError("--status must be one of \(PipelineStatus.all.joined(separator: ", "))")
            }
            query.status = status
        }
        let setup = try ServiceSetup.make(args, environment: environment, config: try ConfigFile.load(environment: environment))
        defer { setup.stop() }
        let entries = try await setup.service.search(query).filter(\.isOptical)
        if args.has("--json") {
            output.print(try JSONText.encode(entries.map { JSONValue.object($0.fields) }))
            return 0
        }
        var table = TextTable(headers: ["DATA_ID", "STATUS", "NAME", "SAMPLE", "UPLOADED"])
        table.cuttable = [2: 48, 3: 24]
        table.rows = entries.map { e in
            [e.dataID, e.pipelineStatus ?? "-", e.rawName ?? "-",
             e.sampleName ?? e.physicalSampleName ?? "-", e.uploadDatetime.map(DateText.short) ?? "-"]
        }
        output.print(table.render())
        output.rawError("\(entries.count) optical video\(entries.count == 1 ? "" : "s")\n")
        return 0
    }

    static func frames(_ argv: [String], environment: [String: String], output: Output) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: .global.adding(flags: ["--json"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.frames); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.count == 1, let id = args.positionals.first, !id.isEmpty else {
            throw UsageError("frames needs exactly one DATA_ID")
        }
        let setup = try ServiceSetup.make(args, environment: environment, config: try ConfigFile.load(environment: environment))
        defer { setup.stop() }
        let list = try await setup.service.frames(videoID: id)
        if args.has("--json") {
            var object: [String: JSONValue] = ["frames": .array(list.frames.map { .object($0.fields) })]
            if let v = list.videoUUID { object["video_uuid"] = .string(v) }
            output.print(try JSONText.encode(JSONValue.object(object)))
            return 0
        }
        var table = TextTable(headers: ["INDEX", "IMAGE_UUID", "SIZE", "TIME_S"])
        table.rows = list.frames.map { f in
            let size = f.width.flatMap { w in f.height.map { "\(w)x\($0)" } } ?? "-"
            return [String(f.index), f.imageUUID, size, f.timeSeconds.map { String(format: "%.2f", $0) } ?? "-"]
        }
        output.print(table.render())
        output.rawError("\(list.frames.count) frame\(list.frames.count == 1 ? "" : "s")\(list.skipped > 0 ? " (\(list.skipped) without image_uuid skipped)" : "")\n")
        return 0
    }
}

enum PipelineStatus {
    static let all = ["success", "pending", "error", "running", "stream_active", "stream_interrupted",
                      "stream_finalizing", "stream_error", "all"]
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }
}

enum DateText {
    /// `2026-03-04T10:11:12.123Z` -> `2026-03-04 10:11`; anything else is shown as given.
    static func short(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 16, chars[4] == "-", chars[10] == "T" || chars[10] == " " else { return iso }
        return String(chars[0..<10]) + " " + String(chars[11..<16])
    }
}
