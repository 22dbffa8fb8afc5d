import AtomscaleAPI
import DemoServer
import Foundation
import Testing
@testable import AtomscaleApp

/// The scripting commands against a real demo server: output, exit status, stderr.
@Suite struct ListCommandsTests {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ args: [String], env: [String: String]) async -> Run {
        let captured = CapturedOutput()
        let status = await AtomscaleMain.run(arguments: args, environment: env, output: captured.output)
        return Run(status: status, stdout: captured.stdout, stderr: captured.stderr)
    }

    static func env(_ server: DemoServer, key: String = "secret-key-123") -> [String: String] {
        ["AS_API_ENDPOINT": server.apiURL.absoluteString, "AS_API_KEY": key, "XDG_CONFIG_HOME": "/nonexistent-config"]
    }

    static func catalogue(_ server: DemoServer) async throws -> [CatalogueEntry] {
        try await AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
            .search(.opticalVideos).filter(\.isOptical)
    }

    @Test func videosJSONListsExactlyTheOpticalVideos() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let expected = try await Self.catalogue(server)
        let r = await Self.run(["videos", "--json"], env: Self.env(server))
        #expect(r.status == 0, "\(r.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let ids = try #require(decoded).compactMap { $0["data_id"] as? String }
        #expect(ids == expected.map(\.dataID))
        #expect(!expected.isEmpty)
    }

    @Test func videosTableHasOneSanitisedRowPerVideo() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let expected = try await Self.catalogue(server)
        let r = await Self.run(["videos"], env: Self.env(server))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DATA_ID") == true)
        #expect(lines.count == expected.count + 1)
        for e in expected { #expect(r.stdout.contains(e.dataID)) }
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) },
                "control characters from the API reached the output")
        #expect(r.stderr.contains("\(expected.count) optical video"))
    }

    @Test func videosStatusFilterIsSentToTheServer() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let all = try await Self.catalogue(server)
        let r = await Self.run(["videos", "--json", "--status", "running"], env: Self.env(server))
        #expect(r.status == 0)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.allSatisfy { ($0["pipeline_status"] as? String) == "running" })
        #expect(decoded.count == all.filter { $0.pipelineStatus == "running" }.count)
    }

    @Test func framesPrintsEveryFrameInOrder() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: server.apiURL, apiKey: "k", timeout: 10))
        let videos = try await Self.catalogue(server)
        var checked = false
        for video in videos {
            let frames = try await client.frames(videoID: video.dataID).frames
            guard frames.count > 3 else { continue }
            let r = await Self.run(["frames", video.dataID, "--json"], env: Self.env(server))
            #expect(r.status == 0)
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let uuids = (obj["frames"] as? [[String: Any]])?.compactMap { $0["image_uuid"] as? String }
            #expect(uuids == frames.map(\.imageUUID))
            let table = await Self.run(["frames", video.dataID], env: Self.env(server))
            #expect(table.stdout.split(separator: "\n").count == frames.count + 1)
            checked = true
            break
        }
        #expect(checked, "the demo catalogue has no video with frames")
    }

    @Test func unknownIdIsARuntimeErrorOnStderr() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let r = await Self.run(["frames", "no-such-video"], env: Self.env(server))
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("404"))
        #expect(!r.stderr.contains("secret-key-123"))
    }

    @Test func usageErrorsExitTwo() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        for args in [["frames"], ["videos", "--status", "bogus"], ["videos", "--nope"], ["videos", "--api-key", "x"], ["frames", "a", "b"]] {
            let r = await Self.run(args, env: Self.env(server))
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("--help"), "\(args)")
        }
    }

    @Test func helpAndVersionEverywhere() async {
        for cmd in [[], ["videos"], ["frames"], ["demo-server"], ["keys"]] {
            let help = await Self.run(cmd + ["--help"], env: [:])
            #expect(help.status == 0 && help.stdout.contains("usage"), "\(cmd)")
            let version = await Self.run(cmd + ["--version"], env: [:])
            #expect(version.status == 0 && version.stdout.hasPrefix("atomscale-tui "), "\(cmd)")
        }
    }

    @Test func unreachableEndpointIsARuntimeError() async throws {
        let probe = try HTTPServer.start { _ in .json("[]") }
        let url = probe.baseURL.absoluteString
        probe.stop()
        let r = await Self.run(["videos"], env: ["AS_API_ENDPOINT": url, "AS_API_KEY": "secret-key-123",
                                                 "XDG_CONFIG_HOME": "/nonexistent-config"])
        #expect(r.status == 1)
        #expect(!r.stderr.isEmpty && !r.stderr.contains("secret-key-123"))
    }

    @Test func missingKeyIsAClearRuntimeError() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let r = await Self.run(["videos"], env: ["AS_API_ENDPOINT": server.apiURL.absoluteString,
                                                 "XDG_CONFIG_HOME": "/nonexistent-config", "HOME": "/nonexistent-home"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("AS_API_KEY"))
    }
}
