import DemoServer
import Foundation
import Testing

/// The API routes over real HTTP, as a client sees them.
struct DemoRoutesTests {
    let server: DemoServer
    let http: DemoHTTP
    var facts: DemoCatalogue.Facts { server.catalogue.facts }

    init() throws {
        server = try DemoServer.start()
        http = DemoHTTP(server: server)
    }

    @Test func twoServersServeIdenticalBodies() async throws {
        let other = try DemoServer.start()
        defer { other.stop(); server.stop() }
        let b = DemoHTTP(server: other)
        let video = facts.video300FramesID
        for path in ["data_entries/", "data_entries/?data_type=optical", "optical/frame/video_single_frames/\(video)",
                     "optical/timeseries/\(video)/", "optical/timeseries/\(facts.rowTimeseriesVideoIDs[0])/"] {
            let one = try await http.get(path), two = try await b.get(path)
            #expect(one.status == 200, "\(path)")
            #expect(one.body == two.body, "\(path) differs between two servers")
        }
    }

    @Test func everyAPIRouteNeedsAKey() async throws {
        defer { server.stop() }
        let video = facts.video300FramesID
        for path in ["data_entries/", "optical/frame/video_single_frames/\(video)", "optical/timeseries/\(video)/",
                     "data_entries/processed_data/\(facts.truncatedFrameImageUUID)?return_as=url-download"] {
            for key in [nil, "", "  "] as [String?] {
                let r = try await http.get(path, key: key)
                #expect(r.status == 401, "\(path) key=\(String(describing: key))")
                #expect(try r.object()["detail"] as? String == "Not authenticated")
            }
            #expect(try await http.get(path, key: "anything").status == 200, "\(path)")
        }
    }

    @Test func listWithoutFilterHasOtherKindsAndOpticalFilterDropsThem() async throws {
        defer { server.stop() }
        let all = try await http.entries()
        let optical = try await http.entries("?data_type=optical")
        #expect(all.count == server.catalogue.count)
        #expect(optical.count == server.catalogue.opticalCount && optical.count >= 16)
        #expect(optical.allSatisfy { $0["char_source_type"] as? String == "optical" })
        let kinds = Set(all.compactMap { $0["char_source_type"] as? String })
        #expect(kinds.isSuperset(of: ["optical", "rheed_stationary", "xps", "raman", "recipe"]))
        #expect(DemoHTTP.ids(optical) == DemoHTTP.ids(all.filter { $0["char_source_type"] as? String == "optical" }))
        #expect(try await http.entries("?data_type=xps").count == 1)
        // Missing and null fields: some entry lacks a key entirely, some has nulls.
        #expect(optical.contains { $0["projects"] == nil && $0["name"] == nil })
        #expect(optical.contains { $0["growth_length"] is NSNull })
        #expect(optical.contains { $0["file_metadata"] is NSNull } && optical.contains { $0["file_metadata"] is [String: Any] })
        #expect(optical.contains { $0["last_accessed_datetime"] != nil && $0["last_updated"] == nil })
        let first = try #require(optical.first)
        #expect((first["projects"] as? [[String: Any]])?.first?["id"] is String)
        #expect((first["upload_datetime"] as? String)?.hasPrefix("202") == true)
    }

    @Test func statusAndKeywordFiltersNarrowTheList() async throws {
        defer { server.stop() }
        let optical = try await http.entries("?data_type=optical")
        let running = try await http.entries("?data_type=optical&status=running")
        #expect(!running.isEmpty && running.allSatisfy { $0["pipeline_status"] as? String == "running" })
        #expect(running.count == optical.filter { $0["pipeline_status"] as? String == "running" }.count)
        #expect(try await http.entries("?data_type=optical&status=all").count == optical.count)
        #expect(try await http.get("data_entries/?status=bogus").status == 422)

        let gan = try await http.entries("?data_type=optical&keywords=gan")
        #expect(!gan.isEmpty && gan.count < optical.count)
        let ganCase = try await http.entries("?data_type=optical&keywords=GaN")
        #expect(DemoHTTP.ids(gan) == DemoHTTP.ids(ganCase))
        // Every keyword must match.
        let both = try await http.entries("?data_type=optical&keywords=gan&keywords=overnight")
        #expect(both.count < gan.count)
        #expect(both.allSatisfy { ($0["tags"] as? [String] ?? []).contains("overnight") || ($0["raw_name"] as? String ?? "").lowercased().contains("overnight") })
        let cjk = try await http.entries("?keywords=%E7%AA%92%E5%8C%96")
        #expect(cjk.count == 1)
        #expect(try await http.entries("?keywords=no-such-word-anywhere").isEmpty)
    }

    @Test func idProjectSampleAndDateFilters() async throws {
        defer { server.stop() }
        let optical = try await http.entries("?data_type=optical")
        let pick = [optical[2], optical[9]]
        let ids = DemoHTTP.ids(pick)
        #expect(DemoHTTP.ids(try await http.entries("?data_ids=\(ids[0])&data_ids=\(ids[1])")).sorted() == ids.sorted())
        let project = try #require((pick[0]["projects"] as? [[String: Any]])?.first?["id"] as? String)
        let inProject = try await http.entries("?project_ids=\(project)")
        #expect(inProject.contains { $0["data_id"] as? String == ids[0] })
        #expect(inProject.allSatisfy { ($0["projects"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == project } })
        let sample = try #require(pick[0]["physical_sample_id"] as? String)
        let ofSample = try await http.entries("?physical_sample_ids=\(sample)")
        #expect(!ofSample.isEmpty && ofSample.allSatisfy { $0["physical_sample_id"] as? String == sample })
        let dates = optical.compactMap { $0["upload_datetime"] as? String }.sorted()
        let mid = String(dates[dates.count / 2].prefix(10))
        let after = try await http.entries("?data_type=optical&upload_datetime_min=\(mid)")
        let before = try await http.entries("?data_type=optical&upload_datetime_max=\(mid)")
        #expect(!after.isEmpty && !before.isEmpty && after.count + before.count == optical.count)
        #expect(after.allSatisfy { ($0["upload_datetime"] as? String ?? "") >= mid })
    }

    @Test func framesRouteShapeVariantsAnd404() async throws {
        defer { server.stop() }
        let r = try await http.get("optical/frame/video_single_frames/\(facts.video300FramesID)")
        let obj = try r.object()
        #expect(obj["video_uuid"] as? String == facts.video300FramesID)
        let frames = try #require(obj["frames"] as? [[String: Any]])
        #expect(frames.count == 300)
        let meta = try #require(frames[0]["processed_file_metadata"] as? [String: Any])
        #expect(meta["file_type"] as? String == "png" && meta["width"] as? Int == 640 && meta["height"] as? Int == 480)
        #expect(frames[1]["time_seconds"] is Double || frames[1]["time_seconds"] is Int)
        #expect(frames.map { $0["frame_number"] as? Int } == (0..<300).map { $0 })

        func framesOf(_ id: String) async throws -> [[String: Any]] {
            try #require(try await http.get("optical/frame/video_single_frames/\(id)").object()["frames"] as? [[String: Any]])
        }
        let stamped = try await framesOf(facts.timestampSecondsVideoIDs[0])
        #expect(stamped.allSatisfy { $0["timestamp_seconds"] != nil && $0["time_seconds"] == nil })
        #expect(try await framesOf(facts.extraFrameKeyVideoID).allSatisfy { $0["exposure_ms"] != nil })
        let gappy = try await framesOf(facts.missingMetadataVideoID)
        #expect(gappy.contains { $0["processed_file_metadata"] == nil } && gappy.contains { $0["processed_file_metadata"] != nil })
        #expect(try await framesOf(facts.zeroFrameVideoID).isEmpty)

        for bad in ["no-such-video", facts.standardNonOpticalIDs[0], facts.truncatedFrameImageUUID] {
            let missing = try await http.get("optical/frame/video_single_frames/\(bad)")
            #expect(missing.status == 404, "\(bad)")
            #expect(try missing.object()["detail"] as? String == "Video not found")
        }
        #expect(try await http.get("no/such/route").status == 404)
    }

    @Test func timeseriesComesInBothShapesAndEmpty() async throws {
        defer { server.stop() }
        let v = facts.video300FramesID
        let props = try #require(try await http.get("optical/timeseries/\(v)/").object()["properties"] as? [String: Any])
        for name in ["perimeter_px", "perimeter_px_z_score", "perimeter_px_anomaly_probability", "circularity",
                     "edge_roughness", "hausdorff_px"] {
            let p = try #require(props[name] as? [String: Any], "\(name)")
            #expect((p["values"] as? [Any])?.count == 300, "\(name)")
            #expect((p["relative_time_seconds"] as? [Any])?.count == 300 && (p["unix_timestamp_ms"] as? [Any])?.count == 300)
            #expect(p["units"] is String)
        }
        let perimeter = try #require((props["perimeter_px"] as? [String: Any])?["values"] as? [Double])
        #expect(perimeter.last! > perimeter.first! * 2, "the island should grow")
        let circularity = try #require((props["circularity"] as? [String: Any])?["values"] as? [Double])
        let probability = try #require((props["perimeter_px_anomaly_probability"] as? [String: Any])?["values"] as? [Double])
        let anomalies = server.catalogue.anomalyFrames(videoID: v)
        #expect(probability.indices.filter { probability[$0] >= 0.5 } == anomalies)
        let normal = circularity.indices.filter { !anomalies.contains($0) }.map { circularity[$0] }
        #expect(normal.allSatisfy { (0.8...0.99).contains($0) })

        let rows = try await http.get("optical/timeseries/\(facts.rowTimeseriesVideoIDs[0])/").object()
        let series = try #require(rows["series"] as? [[String: Any]])
        #expect(series.first?["frame_number"] as? Int == 0 && series.first?["perimeter_px"] is Double)
        #expect(series.first?["perimeter_px_anomaly_probability"] != nil)
        let bare = try await http.get("optical/timeseries/\(facts.bareRowTimeseriesVideoID)/")
        #expect(try bare.json() is [[String: Any]])

        let strings = try await http.get("optical/timeseries/\(facts.stringTimestampVideoID)/").object()
        let stamps = ((strings["properties"] as? [String: Any])?["perimeter_px"] as? [String: Any])?["unix_timestamp_ms"] as? [Any]
        #expect(stamps?.first is String)
        let holes = try await http.get("optical/timeseries/\(facts.nullTimestampVideoID)/").object()
        let circ = (holes["properties"] as? [String: Any])?["circularity"] as? [String: Any]
        #expect((circ?["unix_timestamp_ms"] as? [Any])?.contains { $0 is NSNull } == true)

        for id in facts.emptyTimeseriesVideoIDs {
            let empty = try await http.get("optical/timeseries/\(id)/")
            #expect(empty.status == 200 && empty.text == "{}")
        }
        #expect(try await http.get("optical/timeseries/no-such-video/").status == 404)
    }

    @Test func requestLogRecordsWhatWasAsked() async throws {
        defer { server.stop() }
        _ = try await http.get("data_entries/?data_type=optical")
        _ = try await http.get("data_entries/", key: nil)
        let log = server.exchanges()
        #expect(log.count == 2 && server.requestCount == 2)
        #expect(log[0].request.path == "/data_entries/" && log[0].request.queryValues("data_type") == ["optical"])
        #expect(log[0].request.header("X-API-KEY") == "test-key" && log[0].status == 200)
        #expect(log[1].status == 401 && log[1].request.header("X-API-KEY") == nil)
        server.clearRequestLog()
        #expect(server.requests().isEmpty && server.requestCount == 0)
    }
}
