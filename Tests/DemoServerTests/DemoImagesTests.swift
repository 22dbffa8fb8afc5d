import DemoServer
import Foundation
import Testing

/// Frame images in two steps: the link from `processed_data`, then the bytes from the
/// pretend object store on another origin.
struct DemoImagesTests {
    let server: DemoServer
    let http: DemoHTTP
    var facts: DemoCatalogue.Facts { server.catalogue.facts }

    init() throws {
        server = try DemoServer.start()
        http = DemoHTTP(server: server)
    }

    func link(_ imageUUID: String) async throws -> (url: URL, object: [String: Any]) {
        let r = try await http.get("data_entries/processed_data/\(imageUUID)?return_as=url-download")
        #expect(r.status == 200, "\(r.text)")
        let obj = try r.object()
        let text = try #require(obj["url"] as? String)
        return (try #require(URL(string: text)), obj)
    }

    func frames(_ videoID: String) throws -> [DemoFrame] { try #require(server.catalogue.frames(videoID: videoID)) }

    @Test func linkPointsAtLocalhostStorageAndServesAValidPNG() async throws {
        defer { server.stop() }
        let frame = try frames(facts.video300FramesID)[150]
        let (url, obj) = try await link(frame.imageUUID)
        #expect(url.scheme == "http" && url.host == "localhost" && url.port == Int(server.http.port))
        #expect(url.path == "/storage/\(frame.imageUUID).png")
        #expect(url.query?.contains("X-Amz-Signature=") == true && url.query?.contains("X-Amz-Expires=600") == true)
        #expect(obj["file_format"] as? String == "png" && (obj["file_name"] as? String)?.hasSuffix(".png") == true)

        let image = try await http.fetch(url, key: nil)
        #expect(image.status == 200)
        #expect(image.header("Content-Type") == "image/png")
        let png = try PNGInspector(image.body)
        #expect(png.width == 640 && png.height == 480 && png.bitDepth == 8 && png.colorType == 2)
        #expect(png.chunkTypes == ["IHDR", "IDAT", "IEND"])
        // A bright island on a dark substrate: the centre is much brighter than a corner.
        let centre = png.pixel(320, 240), corner = png.pixel(4, 4)
        #expect(Int(centre.0) + Int(centre.1) > Int(corner.0) + Int(corner.1) + 150)
        // The request reached storage without the key, on the localhost origin.
        let storage = try #require(server.requests().last)
        #expect(storage.path.hasPrefix("/storage/") && storage.header("X-API-KEY") == nil)
        #expect(storage.header("Host")?.hasPrefix("localhost") == true)
    }

    @Test func imagesHaveEachVideosSizeAndChangeFromFrameToFrame() async throws {
        defer { server.stop() }
        let hd = try frames(facts.hdVideoID)
        let first = try PNGInspector(try await http.fetch(try await link(hd[0].imageUUID).url).body)
        #expect(first.width == 1280 && first.height == 720)
        let small = try frames(facts.video600FramesID)
        let a = try PNGInspector(try await http.fetch(try await link(small[10].imageUUID).url).body)
        let b = try PNGInspector(try await http.fetch(try await link(small[11].imageUUID).url).body)
        let late = try PNGInspector(try await http.fetch(try await link(small[590].imageUUID).url).body)
        #expect(a.width == 320 && a.height == 240)
        #expect(a.rgb != b.rgb, "neighbouring frames must differ")
        #expect(late.meanBrightness > a.meanBrightness + 10, "the island should have grown")
        // Same image twice: same bytes (deterministic, and served from the cache the second time).
        let again = try await http.fetch(try await link(small[10].imageUUID).url)
        #expect(try PNGInspector(again.body).rgb == a.rgb)
    }

    @Test func storageRejectsTheAPIKeyAndBadSignatures() async throws {
        defer { server.stop() }
        let frame = try frames(facts.video300FramesID)[0]
        let (url, _) = try await link(frame.imageUUID)
        let leaked = try await http.fetch(url, key: "test-key")
        #expect(leaked.status == 400)
        #expect(try leaked.object()["detail"] as? String == "X-API-KEY must not be sent to object storage")
        var parts = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        parts.queryItems = parts.queryItems?.map { $0.name == "X-Amz-Signature" ? URLQueryItem(name: $0.name, value: "0000") : $0 }
        #expect(try await http.fetch(try #require(parts.url)).status == 403)
        parts.queryItems = parts.queryItems?.filter { $0.name != "X-Amz-Signature" }
        #expect(try await http.fetch(try #require(parts.url)).status == 403)
        // Another image's signature does not open this one.
        let other = try await link(try frames(facts.video300FramesID)[1].imageUUID).url
        var swapped = try #require(URLComponents(url: other, resolvingAgainstBaseURL: false))
        swapped.path = "/storage/\(frame.imageUUID).png"
        #expect(try await http.fetch(try #require(swapped.url)).status == 403)
        #expect(try await http.fetch(url).status == 200)
    }

    @Test func processedDataIs404ForUnknownImages() async throws {
        defer { server.stop() }
        for bad in ["no-such-image", facts.video300FramesID, "00000000-0000-4000-8000-000000000000"] {
            let r = try await http.get("data_entries/processed_data/\(bad)?return_as=url-download")
            #expect(r.status == 404, "\(bad)")
        }
    }

    @Test func damagedFramesAreNotValidPNGs() async throws {
        defer { server.stop() }
        let truncated = try await http.fetch(try await link(facts.truncatedFrameImageUUID).url)
        #expect(truncated.status == 200)
        #expect(Array(truncated.body.prefix(8)) == PNGInspector.signature)
        #expect(throws: PNGInspector.Invalid.self) { try PNGInspector(truncated.body) }

        let huge = try await http.fetch(try await link(facts.hugeHeaderFrameImageUUID).url)
        #expect(huge.status == 200 && huge.body.count < 4096)
        let ihdr = Array(huge.body[16..<24])
        #expect(ihdr == [0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60], "IHDR should claim 60000x60000")
        #expect(throws: PNGInspector.Invalid.self) { try PNGInspector(huge.body) }

        // The corrupt video's other frames are fine.
        let good = try frames(facts.corruptVideoID).first { $0.damage == .none }!
        _ = try PNGInspector(try await http.fetch(try await link(good.imageUUID).url).body)
    }
}
