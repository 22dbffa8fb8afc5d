import AtomscaleAPI
import DemoServer
import Foundation
import FrameDownloads
import Testing
@testable import AtomscaleApp

/// `atomscale-tui download` against the demo server.
@Suite struct DownloadCommandTests {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ args: [String], env: [String: String]) async -> Run {
        let captured = CapturedOutput()
        let status = await AtomscaleMain.run(arguments: args, environment: env, output: captured.output)
        return Run(status: status, stdout: captured.stdout, stderr: captured.stderr)
    }

    @Test func savesEveryFrameThenSkipsThemOnASecondRun() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
        var chosen: (CatalogueEntry, Int)?
        for video in try await client.search(.opticalVideos).filter(\.isOptical) {
            let count = try await client.frames(videoID: video.dataID).frames.count
            if (2...30).contains(count) { chosen = (video, count); break }
        }
        let (video, count) = try #require(chosen)
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": "k", "XDG_CONFIG_HOME": "/nonexistent"]

        let first = await Self.run(["download", video.dataID, "--dir", dir, "--jobs", "2"], env: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        let folder = dir + "/" + DownloadNaming.folderName(videoName: video.displayName, dataID: video.dataID)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == count)
        #expect(files.first?.hasPrefix("frame-00001-") == true)
        #expect(first.stderr.contains("\(count) saved, 0 already there, 0 failed"), "\(first.stderr)")

        let second = await Self.run(["download", video.dataID, "--dir", dir], env: env)
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 saved, \(count) already there, 0 failed"), "\(second.stderr)")
    }

    @Test func anUnknownVideoIsARuntimeError() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let r = await Self.run(["download", "00000000-0000-0000-0000-00000000dead", "--dir", "/tmp"],
                               env: ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": "k",
                                     "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("404"), "\(r.stderr)")
    }

    @Test func failedFramesMakeTheExitStatusOne() async throws {
        let server = try DemoServer.start(faults: FaultPlan([.init(pathPrefix: "/storage/", action: .status(500))]))
        defer { server.stop() }
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
        let videos = try await client.search(.opticalVideos).filter(\.isOptical)
        var chosen: CatalogueEntry?
        for v in videos where try await !client.frames(videoID: v.dataID).frames.isEmpty { chosen = v; break }
        let video = try #require(chosen)
        let dir = makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await Self.run(["download", video.dataID, "--dir", dir],
                               env: ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": "k",
                                     "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("failed") && r.stderr.contains("500"), "\(r.stderr)")
    }
}
