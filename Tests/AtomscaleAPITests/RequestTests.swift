import DemoServer
import Foundation
import Testing
@testable import AtomscaleAPI

/// What the server actually receives: paths, query encoding, and where the key goes.
@Suite struct RequestTests {
    @Test func searchSendsEveryFilterAsRepeatedProperlyEncodedKeys() async throws {
        let server = try TestServer.start { _, _ in .json("[]") }
        defer { server.stop() }
        var query = SearchQuery()
        query.keywords = ["a+b", "x&y=z", "two words", "Ünïcødé ✓", "100%", "semi;colon#hash"]
        query.dataIDs = ["id-1", "id-2"]
        query.status = "running"
        query.growthLengthMin = 60
        _ = try await makeClient(server.base).search(query)

        let request = try #require(server.log.all.first)
        #expect(request.method == "GET")
        #expect(request.path == "/data_entries/")
        #expect(request.queryValues("keywords") == query.keywords)
        #expect(request.queryValues("data_ids") == ["id-1", "id-2"])
        #expect(request.queryValues("include_organization_data") == ["true"])
        #expect(request.queryValues("data_type") == ["optical"])
        #expect(request.queryValues("status") == ["running"])
        #expect(request.queryValues("growth_length_min") == ["60"])
        #expect(request.query.map(\.name) == query.queryItems.map(\.name))
    }

    @Test func idsAreOnePathSegmentWhateverTheyContain() async throws {
        let server = try TestServer.start { request, _ in
            if request.path.hasPrefix("/data_entries/processed_data/") { return .json(#"{"url": "http://127.0.0.1:1/x.png"}"#) }
            return request.path.hasPrefix("/optical/timeseries/") ? .json("{}") : .json(#"{"frames": []}"#)
        }
        defer { server.stop() }
        let client = makeClient(server.base)
        let hostile = ["../../data_entries?x=1", "a/b", "..", ".", "50%off", "id#frag", "spa ce+plus", "ü/?"]
        for id in hostile {
            _ = try await client.frames(videoID: id)
            _ = try await client.timeseries(videoID: id)
            _ = try await client.imageLink(imageUUID: id)
        }
        let seen = server.log.all
        #expect(seen.count == hostile.count * 3)
        for (i, id) in hostile.enumerated() {
            let (frames, series, link) = (seen[3 * i], seen[3 * i + 1], seen[3 * i + 2])
            #expect(frames.path == "/optical/frame/video_single_frames/" + id)
            #expect(frames.query.isEmpty, "\(id)")
            #expect(series.path == "/optical/timeseries/" + id + "/")
            #expect(series.query.isEmpty, "\(id)")
            #expect(link.path == "/data_entries/processed_data/" + id)
            #expect(link.query.map(\.name) == ["return_as"] && link.queryValues("return_as") == ["url-download"], "\(id)")
        }
    }

    @Test func apiCallsCarryTheKeyAndAcceptJSON() async throws {
        let server = try TestServer.start { _, _ in .json("[]") }
        defer { server.stop() }
        _ = try await makeClient(server.base).search(.opticalVideos)
        let request = try #require(server.log.all.first)
        #expect(request.header("X-API-KEY") == testKey)
        #expect(request.header("accept") == "application/json")
        #expect(request.header("cookie") == nil)
    }

    @Test func everyCallFailsWithMissingKeyBeforeAnyNetworkIO() async throws {
        let server = try TestServer.start { _, _ in .json("[]") }
        defer { server.stop() }
        let client = makeClient(server.base, key: nil)
        #expect(await apiError { try await client.search(.opticalVideos) } == .missingAPIKey)
        #expect(await apiError { try await client.frames(videoID: "v") } == .missingAPIKey)
        #expect(await apiError { try await client.timeseries(videoID: "v") } == .missingAPIKey)
        #expect(await apiError { try await client.imageLink(imageUUID: "i") } == .missingAPIKey)
        #expect(await apiError { try await client.imageData(imageUUID: "i") } == .missingAPIKey)
        #expect(server.log.all.isEmpty)
    }

    /// The link points at the same server under `localhost`: another origin, which must not
    /// see the key, while the link request itself carries it.
    @Test func presignedDownloadGoesWithoutTheKey() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4])
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, _ in
            if request.path.hasPrefix("/data_entries/processed_data/") {
                let url = "http://localhost:\(port.withLock { $0 })/bucket/f.png?X-Amz-Signature=sig"
                return .json(#"{"url": "\#(url)", "file_name": "f.png", "file_format": "png"}"#)
            }
            return HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: png)
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        let client = makeClient(server.base)
        let link = try await client.imageLink(imageUUID: "img-1")
        #expect(link.fileName == "f.png" && link.fileFormat == "png")
        #expect(try await client.imageData(imageUUID: "img-1") == png)

        let linkRequests = server.log.requests("/data_entries/processed_data/img-1")
        #expect(linkRequests.count == 2 && linkRequests.allSatisfy { $0.header("x-api-key") == testKey })
        let downloads = server.log.requests("/bucket/f.png")
        #expect(downloads.count == 1)
        #expect(downloads.first?.header("x-api-key") == nil)
        #expect(downloads.first?.queryValues("X-Amz-Signature") == ["sig"])
    }

    /// Even a presigned URL on the API's own origin is fetched without the key: it carries
    /// its own authorisation.
    @Test func presignedDownloadOnTheSameOriginStillGoesWithoutTheKey() async throws {
        let port = LockedValue<UInt16>(0)
        let server = try TestServer.start { request, _ in
            if request.path.hasPrefix("/data_entries/") {
                return .json(#"{"url": "http://127.0.0.1:\#(port.withLock { $0 })/blob/1"}"#)
            }
            return HTTPResponse(status: 200, body: Data([1, 2, 3]))
        }
        defer { server.stop() }
        port.withLock { $0 = server.http.port }
        #expect(try await makeClient(server.base).imageData(imageUUID: "x") == Data([1, 2, 3]))
        #expect(server.log.requests("/blob/1").first?.header("x-api-key") == nil)
        #expect(server.log.requests("/blob/1").count == 1)
    }

    @Test func redirectToAnotherOriginDropsTheKey() async throws {
        let other = try TestServer.start { _, _ in .json("[]") }
        defer { other.stop() }
        let api = try TestServer.start { _, _ in
            HTTPResponse(status: 302, headers: ["Location": other.otherOriginBase.absoluteString + "moved/"])
        }
        defer { api.stop() }
        let entries = try await makeClient(api.base).search(.opticalVideos)
        #expect(entries.isEmpty)
        #expect(api.log.all.first?.header("x-api-key") == testKey)
        let moved = try #require(other.log.requests("/moved/").first)
        #expect(moved.header("x-api-key") == nil)
    }

    @Test func redirectWithinTheOriginKeepsTheKey() async throws {
        let server = try TestServer.start { request, _ in
            request.path == "/data_entries/"
                ? HTTPResponse(status: 307, headers: ["Location": "/v2/entries"])
                : .json(#"[{"data_id": "moved"}]"#)
        }
        defer { server.stop() }
        let entries = try await makeClient(server.base).search(.opticalVideos)
        #expect(entries.map(\.dataID) == ["moved"])
        let moved = try #require(server.log.requests("/v2/entries").first)
        #expect(moved.header("x-api-key") == testKey)
    }

    @Test func redirectFromTheSameHostToAnotherPortDropsTheKey() async throws {
        let other = try TestServer.start { _, _ in .json(#"{"frames": []}"#) }
        defer { other.stop() }
        let api = try TestServer.start { _, _ in
            HTTPResponse(status: 301, headers: ["Location": other.base.absoluteString + "elsewhere"])
        }
        defer { api.stop() }
        _ = try await makeClient(api.base).frames(videoID: "v")
        #expect(other.log.all.count == 1)
        #expect(other.log.all.first?.header("x-api-key") == nil)
    }
}
