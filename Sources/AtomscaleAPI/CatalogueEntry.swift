import Foundation

/// One entry of `GET data_entries/`. Only `data_id` is required; every other field may be
/// missing, null or of an unexpected type, and all raw fields are kept in `fields` so the
/// metadata pane can show what this client does not model.
public struct CatalogueEntry: Hashable, Sendable, Identifiable {
    public var id: String { dataID }
    public let dataID: String
    public let charSourceType: String?
    public let rawName: String?
    public let pipelineStatus: String?
    public let rawFileType: String?
    public let sourceName: String?
    public let sampleName: String?
    public let physicalSampleID: String?
    public let physicalSampleName: String?
    public let growthLength: Double?
    public let uploadDatetime: String?
    public let lastUpdated: String?
    public let collectedDatetime: String?
    public let owner: String?
    public let tags: [String]
    public let projects: [Project]
    /// Every field as received, in the server's key set.
    public let fields: [String: JSONValue]

    public struct Project: Hashable, Sendable {
        public let id: String?
        public let name: String?
        public init(id: String?, name: String?) { self.id = id; self.name = name }
    }

    public var isOptical: Bool { charSourceType?.lowercased() == "optical" }

    /// The name an operator recognises: the file name, else the sample, else the id.
    public var displayName: String { rawName ?? sampleName ?? physicalSampleName ?? dataID }

    /// Builds an entry from a decoded JSON object; nil when `data_id` is absent or empty.
    public init?(json: [String: JSONValue]) {
        guard let id = json["data_id"]?.stringValue, !id.isEmpty else { return nil }
        func str(_ k: String) -> String? {
            guard let v = json[k], let s = v.stringValue, !s.isEmpty else { return nil }
            return s
        }
        dataID = id
        charSourceType = str("char_source_type")
        rawName = str("raw_name")
        pipelineStatus = str("pipeline_status")
        rawFileType = str("raw_file_type")
        sourceName = str("source_name")
        sampleName = str("sample_name")
        physicalSampleID = str("physical_sample_id")
        physicalSampleName = str("physical_sample_name")
        growthLength = json["growth_length"]?.doubleValue
        uploadDatetime = str("upload_datetime")
        lastUpdated = str("last_updated") ?? str("last_accessed_datetime")
        collectedDatetime = str("collected_datetime")
        owner = str("name")
        tags = json["tags"]?.arrayValue?.compactMap { $0.stringValue ?? $0.objectValue?["name"]?.stringValue } ?? []
        projects = json["projects"]?.arrayValue?.compactMap { v -> Project? in
            if let o = v.objectValue { return Project(id: o["id"]?.stringValue, name: o["name"]?.stringValue) }
            if let s = v.stringValue { return Project(id: nil, name: s) }
            return nil
        } ?? []
        fields = json
    }
}
