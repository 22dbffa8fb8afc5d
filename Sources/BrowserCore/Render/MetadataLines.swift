import AtomscaleAPI
import ScreenKit

/// One display line of a metadata pane: a label (empty on continuation lines) and text.
public struct MetadataLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Label in the label column, text in the value column.
        case field
        /// A wrapped value's later line, in the value column.
        case continuation
        /// A label too long for the column, on a line of its own...
        case longLabel
        /// ...and its value, indented below it.
        case longValue
        case heading
    }
    public var kind: Kind
    public var label: String
    public var text: String
}

/// The metadata panes' content, wrapped to a width. Values are wrapped, never cut, because
/// operators copy ids from here; every field the API sent is listed, known ones first.
public enum MetadataLines {
    static func labelWidth(for width: Int) -> Int { min(13, max(0, width / 3)) }

    /// `triage`: the operator's mark and note, listed first (they are what they typed).
    public static func video(_ entry: CatalogueEntry?, triage: TriageEntry? = nil, width: Int) -> [MetadataLine] {
        guard let e = entry else { return [] }
        var pairs: [(String, String?)] = [
            ("data_id", e.dataID),
            ("name", e.rawName),
            ("status", e.pipelineStatus),
            ("sample", e.sampleName),
            ("sample id", e.physicalSampleID),
            ("sample name", e.physicalSampleName),
            ("instrument", e.sourceName),
            ("file type", e.rawFileType),
            ("growth", e.growthLength.map(formatDuration)),
            ("uploaded", e.uploadDatetime),
            ("updated", e.lastUpdated),
            ("collected", e.collectedDatetime),
            ("owner", e.owner),
            ("projects", e.projects.isEmpty ? nil : e.projects.map { $0.name ?? $0.id ?? "?" }.joined(separator: ", ")),
            ("tags", e.tags.isEmpty ? nil : e.tags.joined(separator: ", ")),
            ("note", e.fields["detail_note_content"]?.stringValue),
        ]
        pairs = (TriageCells.metadataPairs(triage) + pairs).filter { $0.1 != nil }
        let shown: Set<String> = ["data_id", "raw_name", "pipeline_status", "sample_name", "physical_sample_id",
                                  "physical_sample_name", "source_name", "raw_file_type", "growth_length",
                                  "upload_datetime", "collected_datetime", "name", "projects", "tags",
                                  "detail_note_content", e.fields["last_updated"] != nil ? "last_updated" : "last_accessed_datetime"]
        return build(pairs, others: e.fields, excluding: shown, width: width)
    }

    /// `metrics`: every metric's sample at this frame (`AppState.selectedFrameReadings`),
    /// listed after the frame's own fields.
    public static func frame(_ frame: VideoFrame?, triage: TriageEntry? = nil,
                             width: Int, metrics: [MetricReading] = []) -> [MetadataLine] {
        guard let f = frame else { return [] }
        let size = f.width.flatMap { w in f.height.map { "\(w) x \($0) px" } }
        let pairs: [(String, String?)] = [
            ("frame", "\(f.index + 1)"),
            ("image_uuid", f.imageUUID),
            ("file type", f.fileType),
            ("size", size),
            ("time", f.timeSeconds.map { formatSeconds($0) }),
            ("frame_number", f.frameNumber.map(String.init)),
        ]
        let shown: Set<String> = ["image_uuid", "time_seconds", "timestamp_seconds", "frame_number"]
        let known = (TriageCells.metadataPairs(triage) + pairs).filter { $0.1 != nil }
        guard !metrics.isEmpty, width > 0 else {
            return build(known, others: f.fields, excluding: shown, width: width)
        }
        return build(known, others: [:], excluding: shown, width: width)
            + metricLines(metrics, width: width)
            + build([], others: f.fields, excluding: shown, width: width)
    }

    /// A heading, then one field per metric: `value units · z … · ema z … · p …`, flagged
    /// when anomalous (the alignment rule is in the metrics pane's footer).
    static func metricLines(_ readings: [MetricReading], width: Int) -> [MetadataLine] {
        var lines = [MetadataLine(kind: .heading, label: "", text: "metrics")]
        for r in readings { lines += field(r.name, metricText(r), width: width) }
        return lines
    }

    static func metricText(_ r: MetricReading) -> String {
        guard let s = r.sample else { return "no sample" }
        var parts = [(s.value.map(MetricsPanel.formatValue) ?? "–") + (r.units.flatMap { $0.isEmpty ? nil : " " + Sanitizer.clean($0) } ?? "")]
        if let z = s.zScore { parts.append("z " + MetricsPanel.formatValue(z)) }
        if let z = s.emaZScore { parts.append("ema z " + MetricsPanel.formatValue(z)) }
        if let p = s.anomalyProbability { parts.append("p " + MetricsPanel.formatValue(p)) }
        var text = parts.joined(separator: " · ")
        if r.anomalous { text = "⚠ " + text + " · anomalous" }
        return text
    }

    private static func build(_ pairs: [(String, String?)], others: [String: JSONValue],
                              excluding shown: Set<String>, width: Int) -> [MetadataLine] {
        guard width > 0 else { return [] }
        var lines: [MetadataLine] = []
        for (label, value) in pairs { lines += field(label, value ?? "", width: width) }
        let rest = others.keys.filter { !shown.contains($0) }.sorted()
        if !rest.isEmpty {
            lines.append(MetadataLine(kind: .heading, label: "", text: "all other fields"))
            for key in rest { lines += field(key, others[key]?.displayText ?? "", width: width) }
        }
        return lines
    }

    /// A field whose label is too long for the label column gets a line of its own.
    private static func field(_ label: String, _ value: String, width: Int) -> [MetadataLine] {
        let lw = labelWidth(for: width)
        let valueWidth = max(1, width - lw - 1)
        let cleanLabel = Sanitizer.clean(label)
        var out: [MetadataLine] = []
        if DisplayWidth.of(cleanLabel) > lw || lw < 4 {
            out.append(MetadataLine(kind: .longLabel, label: cleanLabel, text: ""))
            let wrapped = TextWrap.lines(value, width: max(1, width - 2))
            out += wrapped.map { MetadataLine(kind: .longValue, label: "", text: $0) }
            return out
        }
        let wrapped = TextWrap.lines(value, width: valueWidth)
        for (i, line) in wrapped.enumerated() {
            out.append(MetadataLine(kind: i == 0 ? .field : .continuation, label: i == 0 ? cleanLabel : "", text: line))
        }
        return out
    }

    static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return String(seconds) }
        let s = Int(seconds.rounded())
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        let clock = h > 0 ? "\(h)h \(m)m \(r)s" : (m > 0 ? "\(m)m \(r)s" : "\(r)s")
        return "\(s) s (\(clock))"
    }

    static func formatSeconds(_ t: Double) -> String {
        guard t.isFinite else { return String(t) }
        return String(format: "%.2f s", t)
    }
}
