import AtomscaleAPI
import DemoServer
@testable import FrameDownloads
import Foundation
import Testing

/// A whole demo video through the real client and the demo server, whose presigned storage
/// lives on another origin and rejects the API key.
@Suite struct DemoDownloadTests {
    static func client(_ server: DemoServer) -> AtomscaleClient {
        AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "demo-key", timeout: 10,
                                                        retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01)))
    }

    /// A demo video with a handful of frames.
    static func smallVideo(_ client: AtomscaleClient) async throws -> (CatalogueEntry, [VideoFrame]) {
        for video in try await client.search(.opticalVideos).filter(\.isOptical) {
            let frames = try await client.frames(videoID: video.dataID).frames
            if (4...40).contains(frames.count) { return (video, frames) }
        }
        throw APIError.decoding("the demo has no small video")
    }

    @Test func aWholeVideoIsByteIdenticalAndTheKeyNeverReachesStorage() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let client = Self.client(server)
        let (video, frames) = try await Self.smallVideo(client)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let plan = DownloadNaming.plan(baseDirectory: dir.path, videoID: video.dataID, videoName: video.displayName,
                                       frames: frames, frameCount: frames.count)
        let result = await FrameDownloader(service: client).run(plan)
        #expect(result.progress.saved == frames.count && result.progress.failed == 0, "\(result.progress)")
        for (item, frame) in zip(plan.items, frames) {
            let expected = try await client.imageData(imageUUID: frame.imageUUID)
            #expect(FileManager.default.contents(atPath: plan.path(of: item)) == expected, "\(item.fileName)")
        }
        let storage = server.requests().filter { $0.path.hasPrefix("/storage/") }
        #expect(storage.count >= frames.count)
        #expect(storage.allSatisfy { $0.header("X-API-KEY") == nil })
        #expect(server.requests().filter { !$0.path.hasPrefix("/storage/") }.allSatisfy { $0.header("X-API-KEY") == "demo-key" })
    }

    @Test func storageThatAlwaysCutsTheBodyShortLeavesNoFiles() async throws {
        let server = try DemoServer.start(faults: FaultPlan([.init(pathPrefix: "/storage/", action: .truncate(afterBytes: 200))]))
        defer { server.stop() }
        let client = Self.client(server)
        let (video, frames) = try await Self.smallVideo(client)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let plan = DownloadNaming.plan(baseDirectory: dir.path, videoID: video.dataID, videoName: video.displayName,
                                       frames: frames, frameCount: frames.count)
        let result = await FrameDownloader(service: client).run(plan)
        #expect(result.progress.failed == frames.count && result.progress.saved == 0, "\(result.progress)")
        #expect(dir.files().isEmpty, "\(dir.files())")
    }
}
