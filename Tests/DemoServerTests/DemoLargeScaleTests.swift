import DemoServer
import Foundation
import Testing

/// The large catalogue over HTTP. Takes a few seconds (a ~70 MB list); no timing asserted.
struct DemoLargeScaleTests {
    /// Counts `"key":"value"` occurrences without parsing 70 MB into Foundation objects.
    static func occurrences(of needle: String, in data: Data) -> Int {
        let n = Array(needle.utf8)
        var count = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            let last = b.count - n.count
            while i <= last {
                if b[i] == n[0] {
                    var j = 1
                    while j < n.count && b[i + j] == n[j] { j += 1 }
                    if j == n.count { count += 1; i += n.count; continue }
                }
                i += 1
            }
        }
        return count
    }

    @Test func hundredThousandEntriesHalfOpticalAndATwentyThousandFrameVideo() async throws {
        let server = try DemoServer.start(scale: .large)
        defer { server.stop() }
        let http = DemoHTTP(server: server)

        let all = try await http.get("data_entries/")
        #expect(all.status == 200)
        #expect(all.body.first == UInt8(ascii: "[") && all.body.last == UInt8(ascii: "]"))
        #expect(Self.occurrences(of: "\"data_id\":", in: all.body) == 100_000)
        #expect(Self.occurrences(of: "\"char_source_type\":\"optical\"", in: all.body) == 50_000)

        // The optical list is parsed for real: valid JSON, 50,000 distinct ids.
        let optical = try await http.get("data_entries/?data_type=optical").array()
        #expect(optical.count == 50_000)
        #expect(Set(DemoHTTP.ids(optical)).count == 50_000)
        #expect(optical.allSatisfy { $0["char_source_type"] as? String == "optical" })

        let huge = server.catalogue.facts.largestVideoID
        let frames = try await http.get("optical/frame/video_single_frames/\(huge)").object()["frames"] as? [[String: Any]]
        #expect(frames?.count == 20_000)
        let last = try #require(frames?.last?["image_uuid"] as? String)
        let link = try await http.get("data_entries/processed_data/\(last)?return_as=url-download").object()
        let url = try #require(link["url"] as? String)
        let png = try await http.fetch(try #require(URL(string: url)))
        #expect(try PNGInspector(png.body).width == 320)

        let series = try await http.get("optical/timeseries/\(huge)/").object()
        let perimeter = ((series["properties"] as? [String: Any])?["perimeter_px"] as? [String: Any])?["values"] as? [Any]
        #expect(perimeter?.count == 20_000)

        // A generated entry deep in the list resolves by id without a scan.
        let deep = try #require(optical.last?["data_id"] as? String)
        let byID = try await http.entries("?data_ids=\(deep)")
        #expect(DemoHTTP.ids(byID) == [deep])
        // The standard catalogue's special entries are there too.
        let ids = Set(DemoHTTP.ids(optical))
        #expect(server.catalogue.facts.hostileVideoIDs.allSatisfy(ids.contains))
    }
}
