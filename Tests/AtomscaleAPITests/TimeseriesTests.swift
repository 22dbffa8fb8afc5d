import DemoServer
import Foundation
import Testing
@testable import AtomscaleAPI

/// Both timeseries shapes, statistics folding, null timestamps, payload order, empty forms.
@Suite struct TimeseriesTests {
    typealias Sample = Timeseries.Sample

    @Test func propertyCentricShapeFoldsStatisticsByTimestamp() throws {
        let body = json(#"""
        {"properties": {
          "perimeter_px": {"relative_time_seconds": [0, 0.5, null, "1.5"], "unix_timestamp_ms": [1000, "1500", null, 2500.0],
                           "values": [10, "11.5", 99, null], "units": "px"},
          "perimeter_px_z_score": {"relative_time_seconds": [0, 1.5], "unix_timestamp_ms": ["1000", 2500], "values": [0.1, 0.3]},
          "perimeter_px_anomaly_probability": {"relative_time_seconds": [0.5], "unix_timestamp_ms": [1500], "values": ["0.9"]},
          "perimeter_px_ema_z_score": {"values": [1, 2, 3, 4]},
          "circularity": {"relative_time_seconds": [0, 1], "unix_timestamp_ms": [1000, 2000], "values": [0.8, 0.7]},
          "orphan_z_score": {"relative_time_seconds": [0], "unix_timestamp_ms": [1000], "values": [5]}
        }}
        """#)
        let ts = try APIDecoding.timeseries(body)
        #expect(ts.shape == .properties)
        #expect(ts.metrics.map(\.name) == ["perimeter_px", "circularity", "orphan_z_score"])
        let p = ts.metrics[0]
        #expect(p.units == "px")
        #expect(p.samples == [
            Sample(frameNumber: nil, relativeTime: 0, unixTimeMs: 1000, value: 10, zScore: 0.1, emaZScore: 1, anomalyProbability: nil),
            Sample(frameNumber: nil, relativeTime: 0.5, unixTimeMs: 1500, value: 11.5, zScore: nil, emaZScore: 2, anomalyProbability: 0.9),
            Sample(frameNumber: nil, relativeTime: 1.5, unixTimeMs: 2500, value: nil, zScore: 0.3, emaZScore: 4, anomalyProbability: nil),
        ])
        #expect(ts.metrics[1].samples.map(\.value) == [0.8, 0.7])
        #expect(ts.metrics[1].units == nil)
        #expect(ts.metrics[2].samples.map(\.value) == [5])
    }

    @Test func metricsKeepPayloadOrderEvenWithEscapedNames() throws {
        let body = json(#"{"video": "x", "properties": {"zeta": {"values": [1]}, "b\u00e9ta": {"values": [2]}, "alpha": {"values": [3]}, "mid\"q": [4]}}"#)
        let ts = try APIDecoding.timeseries(body)
        #expect(ts.metrics.map(\.name) == ["zeta", "béta", "alpha", "mid\"q"])
        #expect(ts.metrics[3].samples.map(\.value) == [4])
    }

    @Test func rowOrientedShapeFoldsStatisticsPerRow() throws {
        let body = json(#"""
        {"series": [
          {"frame_number": 0, "relative_time_seconds": 0, "unix_timestamp_ms": "1700000000000", "perimeter_px": 10,
           "perimeter_px_z_score": 0.5, "perimeter_px_ema_z_score": "0.25", "perimeter_px_anomaly_probability": 0.01,
           "circularity": "0.9", "label": "ok", "hausdorff_px": null},
          {"frame_number": 1, "relative_time_seconds": 0.5, "unix_timestamp_ms": 1700000000500, "perimeter_px": 12,
           "circularity": 0.8, "hausdorff_px": 3, "label": "ok"},
          {"frame_number": null, "relative_time_seconds": null, "unix_timestamp_ms": null, "perimeter_px": 999},
          "garbage",
          {"frame_number": "2", "perimeter_px": "NaN", "circularity": 0.7}
        ]}
        """#)
        let ts = try APIDecoding.timeseries(body)
        #expect(ts.shape == .rows)
        #expect(ts.metrics.map(\.name) == ["perimeter_px", "circularity", "hausdorff_px"])
        let p = ts.metrics[0].samples
        #expect(p == [
            Sample(frameNumber: 0, relativeTime: 0, unixTimeMs: 1_700_000_000_000, value: 10, zScore: 0.5, emaZScore: 0.25, anomalyProbability: 0.01),
            Sample(frameNumber: 1, relativeTime: 0.5, unixTimeMs: 1_700_000_000_500, value: 12),
            Sample(frameNumber: 2, relativeTime: nil, unixTimeMs: nil, value: nil),
        ])
        #expect(ts.metrics[1].samples.map(\.value) == [0.9, 0.8, 0.7])
        #expect(ts.metrics[2].samples.map(\.value) == [nil, 3])
    }

    @Test func bareArrayOfRowsIsReadToo() throws {
        let ts = try APIDecoding.timeseries(json(#"[{"frame_number": 0, "edge_roughness": 1.25, "circularity": 2}, {"frame_number": 1, "edge_roughness": 1.5}]"#))
        #expect(ts.shape == .rows)
        #expect(ts.metrics.map(\.name) == ["edge_roughness", "circularity"])
        #expect(ts.metrics[0].samples.map(\.frameNumber) == [0, 1])
    }

    @Test func emptyFormsAreEmpty() throws {
        for body in ["", "  \n", "{}", "null", "[]", #"{"properties": {}}"#, #"{"properties": null}"#, #"{"series": []}"#,
                     #"{"series": null}"#, #"[{"frame_number": 1, "note": "no metrics"}]"#, #"{"properties": {}, "series": []}"#] {
            #expect(try APIDecoding.timeseries(json(body)) == .empty, "\(body)")
        }
        let both = try APIDecoding.timeseries(json(#"{"properties": {}, "series": [{"m": 1}]}"#))
        #expect(both.shape == .rows && both.metrics.map(\.name) == ["m"])
    }

    @Test func wrongTypesAreDecodingErrors() {
        for body in [#"{"properties": [1, 2]}"#, #"{"series": {"m": 1}}"#, #""text""#, "3", #"{"detail": "nope"}"#, "{\"properties\": {", "<html>oops</html>"] {
            var failed = false
            do { _ = try APIDecoding.timeseries(json(body)) } catch {
                if case .decoding = error { failed = true }
            }
            #expect(failed, "\(body)")
        }
    }

    @Test func missingTimeseriesIsEmptyButMissingFramesIsAnError() async throws {
        let server = try TestServer.start { _, _ in .json(#"{"detail": "Not Found"}"#, status: 404) }
        defer { server.stop() }
        let client = makeClient(server.base)
        #expect(try await client.timeseries(videoID: "unknown") == .empty)
        #expect(await apiError { try await client.frames(videoID: "unknown") } == .http(status: 404, message: "Not Found"))
        #expect(server.log.all.count == 2)
    }

    @Test func keyOrderScannerFindsNestedObjects() {
        let text = json(#"  {"a": [1, {"x": "}"}], "series": [ 7, {"k2": 1, "k1": {"n": [2]}, "k\\3": null} ], "z": 1}"#)
        #expect(JSONKeyOrder.keys(text, at: [.key("series"), .index(1)]) == ["k2", "k1", "k\\3"])
        #expect(JSONKeyOrder.keys(text, at: []) == ["a", "series", "z"])
        #expect(JSONKeyOrder.keys(text, at: [.key("missing")]) == nil)
        #expect(JSONKeyOrder.keys(text, at: [.key("series"), .index(5)]) == nil)
        #expect(JSONKeyOrder.keys(json(#"{"a": 1, "b""#), at: []) == nil)
        #expect(JSONKeyOrder.ordered(["c", "a", "b"], scanned: ["b", "x", "b"]) == ["b", "a", "c"])
    }
}
