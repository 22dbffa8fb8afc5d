import Foundation

/// Filters of `GET data_entries/`, as the official SDK offers them.
public struct SearchQuery: Hashable, Sendable {
    public var keywords: [String] = []
    public var includeOrganizationData: Bool = true
    public var dataIDs: [String] = []
    public var physicalSampleIDs: [String] = []
    public var projectIDs: [String] = []
    public var dataType: String? = "optical"
    public var status: String? = nil
    public var growthLengthMin: Double? = nil
    public var growthLengthMax: Double? = nil
    public var uploadDatetimeMin: String? = nil
    public var uploadDatetimeMax: String? = nil
    public var lastUpdatedMin: String? = nil
    public var lastUpdatedMax: String? = nil

    public init() {}

    public static let opticalVideos = SearchQuery()

    /// Query items in a stable order; lists become repeated keys.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        for k in keywords { items.append(URLQueryItem(name: "keywords", value: k)) }
        items.append(URLQueryItem(name: "include_organization_data", value: includeOrganizationData ? "true" : "false"))
        for v in dataIDs { items.append(URLQueryItem(name: "data_ids", value: v)) }
        for v in physicalSampleIDs { items.append(URLQueryItem(name: "physical_sample_ids", value: v)) }
        for v in projectIDs { items.append(URLQueryItem(name: "project_ids", value: v)) }
        if let dataType { items.append(URLQueryItem(name: "data_type", value: dataType)) }
        if let status { items.append(URLQueryItem(name: "status", value: status)) }
        func num(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
        if let v = growthLengthMin { items.append(URLQueryItem(name: "growth_length_min", value: num(v))) }
        if let v = growthLengthMax { items.append(URLQueryItem(name: "growth_length_max", value: num(v))) }
        if let v = uploadDatetimeMin { items.append(URLQueryItem(name: "upload_datetime_min", value: v)) }
        if let v = uploadDatetimeMax { items.append(URLQueryItem(name: "upload_datetime_max", value: v)) }
        if let v = lastUpdatedMin { items.append(URLQueryItem(name: "last_updated_min", value: v)) }
        if let v = lastUpdatedMax { items.append(URLQueryItem(name: "last_updated_max", value: v)) }
        return items
    }

    /// A one-line summary for panel titles ("status=running keywords=GaN").
    public var summary: String {
        var parts: [String] = []
        if !keywords.isEmpty { parts.append("keywords=" + keywords.joined(separator: ",")) }
        if let status { parts.append("status=" + status) }
        if let v = uploadDatetimeMin { parts.append("from=" + v) }
        if let v = uploadDatetimeMax { parts.append("to=" + v) }
        return parts.joined(separator: " ")
    }
}
