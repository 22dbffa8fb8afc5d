import AtomscaleAPI
@testable import FrameDownloads
import Foundation
import Testing

/// Downloads through a real loopback server: real sockets, the real two-step fetch.
@Suite struct FrameDownloaderTests {
    func setUp(_ count: Int, delay: Double = 0, truncate: Set<Int> = []) throws -> (StorageServer, [VideoFrame], TemporaryDirectory) {
        let server = try StorageServer(delay: delay)
        let list = frames(count: count)
        for (i, f) in list.enumerated() { server.add(f.imageUUID, fakePNG(i), truncate: truncate.contains(i)) }
        return (server, list, TemporaryDirectory())
    }

    func plan(_ list: [VideoFrame], _ dir: TemporaryDirectory) -> FrameDownloadPlan {
        DownloadNaming.plan(baseDirectory: dir.path, videoID: "3f1c0d2e-aaaa-4000-8000-000000000001",
                            videoName: "GaN run 7.mp4", frames: list, frameCount: list.count)
    }

    @Test func filesAreCompleteByteIdenticalAndNamedInFrameOrder() async throws {
        let (server, list, dir) = try setUp(12)
        defer { server.stop(); dir.remove() }
        let progress = Recorded()
        let result = await FrameDownloader(service: makeService(server)).run(plan(list, dir)) { progress.add($0) }
        #expect(result.progress.saved == 12 && result.progress.failed == 0, "\(result.progress.firstError ?? "")")
        #expect(!result.cancelled)
        #expect(result.directory == dir.path + "/GaN_run_7-3f1c0d2e")
        let names = dir.files()
        #expect(names.count == 12)
        #expect(names.first == "GaN_run_7-3f1c0d2e/frame-00001-a1b20000.png")
        #expect(names == names.sorted())
        for (i, f) in list.enumerated() {
            let path = result.directory + "/" + DownloadNaming.fileName(number: i + 1, frameCount: 12,
                                                                          imageUUID: f.imageUUID, fileType: "png")
            #expect(FileManager.default.contents(atPath: path) == fakePNG(i), "frame \(i + 1)")
        }
        #expect(progress.items.map(\.finished) == Array(1...12))
    }

    @Test func theKeyGoesToTheAPIAndNeverToTheStorageHost() async throws {
        let (server, list, dir) = try setUp(5)
        defer { server.stop(); dir.remove() }
        let result = await FrameDownloader(service: makeService(server)).run(plan(list, dir))
        #expect(result.progress.saved == 5)
        let stats = server.stats
        #expect(stats.keyOnStorage == 0)
        #expect(stats.keyMissingOnAPI == 0)
        #expect(stats.storage.count == 5)
    }

    @Test func completeFilesAreSkippedAndPartialOnesFetchedAgain() async throws {
        let (server, list, dir) = try setUp(4)
        defer { server.stop(); dir.remove() }
        let p = plan(list, dir)
        try FileManager.default.createDirectory(atPath: p.directory, withIntermediateDirectories: true)
        try fakePNG(1).write(to: URL(fileURLWithPath: p.path(of: p.items[1])))
        try fakePNG(2).prefix(500).write(to: URL(fileURLWithPath: p.path(of: p.items[2])))
        let result = await FrameDownloader(service: makeService(server)).run(p)
        #expect(result.progress.saved == 3 && result.progress.skipped == 1, "\(result.progress)")
        #expect(!server.stats.storage.contains(list[1].imageUUID))
        #expect(FileManager.default.contents(atPath: p.path(of: p.items[2])) == fakePNG(2))
        // A second run fetches nothing.
        let again = await FrameDownloader(service: makeService(server)).run(p)
        #expect(again.progress.skipped == 4 && again.progress.saved == 0)
        #expect(server.stats.storage.count == 3)
    }

    @Test func aTruncatedBodyLeavesNoFileUnderTheFinalName() async throws {
        let (server, list, dir) = try setUp(4, truncate: [2])
        defer { server.stop(); dir.remove() }
        let p = plan(list, dir)
        let result = await FrameDownloader(service: makeService(server)).run(p)
        #expect(result.progress.saved == 3 && result.progress.failed == 1, "\(result.progress)")
        #expect(result.progress.firstError?.hasPrefix(p.items[2].fileName) == true, "\(result.progress.firstError ?? "")")
        #expect(!FileManager.default.fileExists(atPath: p.path(of: p.items[2])))
        // No temporary file left behind either.
        #expect(dir.files().count == 3, "\(dir.files())")
    }

    @Test func cancellingStopsWithoutPartialFiles() async throws {
        let (server, list, dir) = try setUp(40, delay: 0.15)
        defer { server.stop(); dir.remove() }
        let p = plan(list, dir)
        let downloader = FrameDownloader(service: makeService(server), concurrency: 4)
        let task = Task { await downloader.run(p) }
        try await Task.sleep(nanoseconds: 400_000_000)
        task.cancel()
        let result = await task.value
        #expect(result.cancelled)
        #expect(result.progress.finished < 40)
        #expect(result.progress.failed == 0, "\(result.progress)")
        let files = dir.files()
        #expect(files.count == result.progress.saved, "\(files)")
        #expect(files.allSatisfy { !$0.contains(".tmp-") }, "\(files)")
        for item in p.items {
            let path = p.path(of: item)
            if FileManager.default.fileExists(atPath: path) {
                #expect(CompleteImage.fileIsComplete(atPath: path, fileType: "png"))
            }
        }
    }

    @Test func concurrencyIsBounded() async throws {
        let (server, list, dir) = try setUp(16, delay: 0.1)
        defer { server.stop(); dir.remove() }
        let result = await FrameDownloader(service: makeService(server), concurrency: 3).run(plan(list, dir))
        #expect(result.progress.saved == 16)
        #expect(server.stats.maxActive <= 3)
        #expect(server.stats.maxActive >= 2, "downloads did not overlap at all")
    }

    @Test func anUnknownImageFailsThatFileOnly() async throws {
        let (server, list, dir) = try setUp(2)
        defer { server.stop(); dir.remove() }
        let ghost = VideoFrame(index: 2, json: ["image_uuid": .string("deadbeef-0000")])!
        let result = await FrameDownloader(service: makeService(server)).run(plan(list + [ghost], dir))
        #expect(result.progress.saved == 2 && result.progress.failed == 1)
        #expect(result.progress.firstError?.contains("404") == true, "\(result.progress.firstError ?? "")")
    }

    @Test func anUnwritableDirectoryFailsEveryFileWithTheReason() async throws {
        let (server, list, dir) = try setUp(2)
        defer { server.stop(); dir.remove() }
        let blocker = dir.path + "/file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let p = DownloadNaming.plan(baseDirectory: blocker, videoID: "v", videoName: "v", frames: list, frameCount: 2)
        let result = await FrameDownloader(service: makeService(server)).run(p)
        #expect(result.progress.failed == 2)
        #expect(result.progress.firstError?.contains("cannot create") == true)
    }
}

final class Recorded: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [FrameDownloadProgress] = []
    func add(_ p: FrameDownloadProgress) { lock.withLock { list.append(p) } }
    var items: [FrameDownloadProgress] { lock.withLock { list } }
}
