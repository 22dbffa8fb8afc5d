/// The `data_entries/` query parameters the demo honours, parsed once per request. Entries
/// without the filtered field never match (as a SQL WHERE would behave).
struct EntryFilter {
    static let statuses: Set<String> = ["success", "pending", "error", "running", "stream_active",
                                        "stream_interrupted", "stream_finalizing", "stream_error"]

    var dataTypes: Set<String> = []
    var statuses: Set<String> = []
    /// Lower-cased; every one must match somewhere.
    var keywords: [String] = []
    var dataIDs: [String]? = nil
    var projectIDs: Set<String>? = nil
    var sampleIDs: Set<String>? = nil
    var uploadMin: String? = nil, uploadMax: String? = nil
    var updatedMin: String? = nil, updatedMax: String? = nil
    var growthMin: Double? = nil, growthMax: Double? = nil

    /// A 422 body in FastAPI's validation-error shape.
    struct Invalid: Error { let body: String }

    init(_ r: HTTPRequest) throws(Invalid) {
        func values(_ name: String) -> [String] { r.queryValues(name).filter { !$0.isEmpty } }
        dataTypes = Set(values("data_type").map { $0.lowercased() })
        for s in values("status") {
            if s == "all" { continue }
            guard Self.statuses.contains(s) else { throw Self.invalid("status", s) }
            statuses.insert(s)
        }
        keywords = values("keywords").map { $0.lowercased() }
        if !values("data_ids").isEmpty { dataIDs = values("data_ids") }
        if !values("project_ids").isEmpty { projectIDs = Set(values("project_ids")) }
        if !values("physical_sample_ids").isEmpty { sampleIDs = Set(values("physical_sample_ids")) }
        uploadMin = values("upload_datetime_min").last.map(Self.dateKey)
        uploadMax = values("upload_datetime_max").last.map(Self.dateKey)
        // Older deployments named these last_accessed_datetime_*.
        updatedMin = (values("last_updated_min") + values("last_accessed_datetime_min")).last.map(Self.dateKey)
        updatedMax = (values("last_updated_max") + values("last_accessed_datetime_max")).last.map(Self.dateKey)
        for (name, slot) in [("growth_length_min", \EntryFilter.growthMin), ("growth_length_max", \EntryFilter.growthMax)] {
            guard let raw = values(name).last else { continue }
            guard let v = Double(raw) else { throw Self.invalid(name, raw) }
            self[keyPath: slot] = v
        }
    }

    /// A key that identifies this filter for the body cache.
    var cacheKey: String {
        func list(_ s: Set<String>?) -> String { s.map { $0.sorted().joined(separator: ",") } ?? "-" }
        var parts: [String] = [list(dataTypes), list(statuses), keywords.joined(separator: "\u{1F}")]
        parts.append(dataIDs?.joined(separator: ",") ?? "-")
        parts.append(list(projectIDs))
        parts.append(list(sampleIDs))
        parts += [uploadMin, uploadMax, updatedMin, updatedMax].map { $0 ?? "-" }
        parts += [growthMin, growthMax].map { $0.map { String($0) } ?? "-" }
        return parts.joined(separator: "|")
    }

    func matches(_ e: DemoEntry) -> Bool {
        if !dataTypes.isEmpty && !dataTypes.contains(e.charSourceType) { return false }
        if !statuses.isEmpty && !(e.pipelineStatus.map(statuses.contains) ?? false) { return false }
        if let dataIDs, !dataIDs.contains(e.dataID) { return false }
        if let projectIDs {
            if e.omitted.contains(.projects) || !e.projects.contains(where: { projectIDs.contains($0.id) }) { return false }
        }
        if let sampleIDs {
            guard !e.omitted.contains(.sample), let id = e.physicalSampleID, sampleIDs.contains(id) else { return false }
        }
        if !Self.within(e.uploadDatetime, uploadMin, uploadMax) { return false }
        let updated = e.omitted.contains(.lastUpdated) ? nil : e.lastUpdated
        if !Self.within(updated, updatedMin, updatedMax) { return false }
        if growthMin != nil || growthMax != nil {
            guard !e.omitted.contains(.growthLength), let g = e.growthLength else { return false }
            if let lo = growthMin, g < lo { return false }
            if let hi = growthMax, g > hi { return false }
        }
        if !keywords.isEmpty {
            let haystack = Self.searchText(e)
            for k in keywords where !haystack.contains(k) { return false }
        }
        return true
    }

    /// What keywords search: names, samples, tags and project names, lower-cased.
    static func searchText(_ e: DemoEntry) -> String {
        var parts = [e.rawName ?? ""]
        if !e.omitted.contains(.sample) { parts += [e.sampleName ?? "", e.physicalSampleName ?? ""] }
        if !e.omitted.contains(.tags) { parts += e.tags }
        if !e.omitted.contains(.projects) { parts += e.projects.map(\.name) }
        return parts.joined(separator: "\u{1F}").lowercased()
    }

    /// ISO timestamps compare as strings once cut to `YYYY-MM-DDTHH:MM:SS`; a bare date
    /// then sorts before every time on that day, as midnight would.
    static func dateKey(_ s: String) -> String {
        String(s.replacingOccurrences(of: " ", with: "T").prefix(19))
    }

    private static func within(_ value: String?, _ lo: String?, _ hi: String?) -> Bool {
        guard lo != nil || hi != nil else { return true }
        guard let value else { return false }
        let key = dateKey(value)
        if let lo, key < lo { return false }
        if let hi, key > hi { return false }
        return true
    }

    private static func invalid(_ name: String, _ value: String) -> Invalid {
        var w = JSONWriter()
        w.beginObject(); w.key("detail"); w.beginArray(); w.beginObject()
        w.key("loc"); w.beginArray(); w.string("query"); w.string(name); w.endArray()
        w.key("msg"); w.string("Input is not a valid value for \(name)")
        w.key("type"); w.string("value_error")
        w.key("input"); w.string(value)
        w.endObject(); w.endArray(); w.endObject()
        return Invalid(body: String(decoding: w.bytes, as: UTF8.self))
    }
}
