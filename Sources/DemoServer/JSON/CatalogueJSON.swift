/// The demo's response bodies, written with `JSONWriter`. Key order follows what the real
/// service sends so that raw-JSON views in the client look familiar.
enum CatalogueJSON {
    static func write(_ e: DemoEntry, into w: inout JSONWriter) {
        let o = e.omitted
        w.beginObject()
        w.key("data_id"); w.string(e.dataID)
        w.key("char_source_type"); w.string(e.charSourceType)
        if !o.contains(.rawName) { w.key("raw_name"); w.string(e.rawName) }
        if !o.contains(.pipelineStatus) { w.key("pipeline_status"); w.string(e.pipelineStatus) }
        w.key("raw_file_type"); w.string(e.rawFileType)
        if !o.contains(.sourceName) { w.key("source_name"); w.string(e.sourceName) }
        if !o.contains(.sample) {
            w.key("sample_name"); w.string(e.sampleName)
            w.key("physical_sample_id"); w.string(e.physicalSampleID)
            w.key("physical_sample_name"); w.string(e.physicalSampleName)
        }
        if !o.contains(.growthLength) { w.key("growth_length"); w.double(e.growthLength, places: 1) }
        w.key("upload_datetime"); w.string(e.uploadDatetime)
        if !o.contains(.lastUpdated) {
            if e.useLastAccessedKey { w.key("last_accessed_datetime") } else { w.key("last_updated") }
            w.string(e.lastUpdated)
        }
        if !o.contains(.collected) { w.key("collected_datetime"); w.string(e.collectedDatetime) }
        if !o.contains(.note) {
            w.key("detail_note_content"); w.string(e.note)
            w.key("detail_note_last_updated"); w.string(e.noteUpdated)
        }
        if !o.contains(.fileMetadata) {
            w.key("file_metadata")
            if let m = e.fileMetadata {
                w.beginObject()
                w.key("codec"); w.string(m.codec)
                w.key("fps"); w.double(m.fps, places: 2)
                w.key("width"); w.int(m.width)
                w.key("height"); w.int(m.height)
                w.key("size_bytes"); w.int(m.sizeBytes)
                w.endObject()
            } else { w.null() }
        }
        if !o.contains(.tags) {
            w.key("tags"); w.beginArray()
            for t in e.tags { w.string(t) }
            w.endArray()
        }
        if !o.contains(.owner) { w.key("name"); w.string(e.owner) }
        if !o.contains(.userID) { w.key("user_id"); w.string(e.userID) }
        if !o.contains(.workspaces) {
            w.key("workspaces"); w.beginArray()
            for s in e.workspaces { w.string(s) }
            w.endArray()
        }
        if !o.contains(.projects) {
            w.key("projects"); w.beginArray()
            for p in e.projects {
                w.beginObject(); w.key("id"); w.string(p.id); w.key("name"); w.string(p.name); w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }

    static func frames(videoID: String, _ frames: [DemoFrame], spec v: DemoVideoSpec) -> JSONWriter {
        var w = JSONWriter(capacity: 64 + frames.count * 200)
        w.beginObject()
        w.key("video_uuid"); w.string(videoID)
        w.key("frames"); w.beginArray()
        for f in frames {
            w.beginObject()
            w.key("image_uuid"); w.string(f.imageUUID)
            if f.hasMetadata {
                w.key("processed_file_metadata"); w.beginObject()
                w.key("file_type"); w.string("png")
                w.key("width"); w.int(f.width)
                w.key("height"); w.int(f.height)
                w.endObject()
            }
            switch v.timeKey {
            case .timeSeconds: w.key("time_seconds"); w.double(f.timeSeconds)
            case .timestampSeconds: w.key("timestamp_seconds"); w.double(f.timeSeconds)
            case .none: break
            }
            if v.frameNumbers { w.key("frame_number"); w.int(f.index) }
            // A key no client knows, which api.md says must stay visible, not be dropped.
            if v.extraFrameKey { w.key("exposure_ms"); w.double(8 + Double(f.index % 5) * 0.25, places: 2) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w
    }

    private struct Series {
        let name: String
        let units: String
        let values: [Double]
        let places: Int
    }

    private static func series(_ m: DemoMetrics) -> [Series] {
        [Series(name: "perimeter_px", units: "px", values: m.perimeter, places: 2),
         Series(name: "perimeter_px_z_score", units: "", values: m.perimeterZ, places: 3),
         Series(name: "perimeter_px_ema_z_score", units: "", values: m.perimeterEmaZ, places: 3),
         Series(name: "perimeter_px_anomaly_probability", units: "", values: m.perimeterAnomaly, places: 4),
         Series(name: "circularity", units: "", values: m.circularity, places: 4),
         Series(name: "circularity_z_score", units: "", values: m.circularityZ, places: 3),
         Series(name: "circularity_anomaly_probability", units: "", values: m.circularityAnomaly, places: 4),
         Series(name: "edge_roughness", units: "px", values: m.edgeRoughness, places: 3),
         Series(name: "hausdorff_px", units: "px", values: m.hausdorff, places: 3)]
    }

    static func timeseries(_ v: DemoVideoSpec) -> JSONWriter {
        var w = JSONWriter(capacity: 64 + v.frameCount * 400)
        if v.timeseries == .empty || v.frameCount == 0 {
            w.beginObject(); w.endObject()
            return w
        }
        let m = DemoMetrics(v)
        func timestamp(_ i: Int) {
            if v.stringTimestamps { w.string(String(m.unixMs[i])) } else { w.int(m.unixMs[i]) }
        }
        switch v.timeseries {
        case .properties:
            w.beginObject(); w.key("properties"); w.beginObject()
            for s in series(m) {
                // One property's timestamps have a hole, which clients must skip.
                let hole = s.name == "circularity" ? v.nullTimestampAt : nil
                w.key(s.name); w.beginObject()
                w.key("relative_time_seconds"); w.beginArray()
                for i in 0..<m.count { if i == hole { w.null() } else { w.double(m.relativeTime[i]) } }
                w.endArray()
                w.key("unix_timestamp_ms"); w.beginArray()
                for i in 0..<m.count { if i == hole { w.null() } else { timestamp(i) } }
                w.endArray()
                w.key("values"); w.beginArray()
                for x in s.values { w.double(x, places: s.places) }
                w.endArray()
                w.key("units"); w.string(s.units)
                w.endObject()
            }
            w.endObject(); w.endObject()
        case .rows, .bareRows:
            let all = series(m)
            if v.timeseries == .rows { w.beginObject(); w.key("series") }
            w.beginArray()
            for i in 0..<m.count {
                w.beginObject()
                w.key("frame_number"); w.int(i)
                w.key("relative_time_seconds"); w.double(m.relativeTime[i])
                w.key("unix_timestamp_ms"); timestamp(i)
                for s in all { w.key(s.name); w.double(s.values[i], places: s.places) }
                w.endObject()
            }
            w.endArray()
            if v.timeseries == .rows { w.endObject() }
        case .empty:
            break
        }
        return w
    }
}
