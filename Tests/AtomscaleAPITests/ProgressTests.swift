import DemoServer
import Foundation
import Testing
@testable import AtomscaleAPI

/// `onProgress`: bytes of a body as it arrives, then one report when it is complete.
@Suite struct ProgressTests {
    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [TransferProgress] = []
        func add(_ p: TransferProgress) { lock.withLock { list.append(p) } }
        var all: [TransferProgress] { lock.withLock { list } }
    }

    static func client(_ base: URL, _ log: ProgressLog) -> AtomscaleClient {
        AtomscaleClient(configuration: APIConfiguration(endpoint: base, apiKey: testKey, timeout: 10, retry: .fast),
                        onProgress: log.add)
    }

    @Test func aLargeBodyIsReportedAsItArrivesAndWhenComplete() async throws {
        let body = "[" + (0..<40_000).map { #"{"data_id": "entry-\#($0)", "char_source_type": "optical"}"# }.joined(separator: ",") + "]"
        let server = try TestServer.start { _, _ in .json(body) }
        defer { server.stop() }
        let log = ProgressLog()
        let entries = try await Self.client(server.base, log).search(.opticalVideos)
        #expect(entries.count == 40_000)
        let reports = log.all
        #expect(reports.allSatisfy { $0.resource == .catalogue })
        #expect(reports.filter(\.complete).count == 1)
        #expect(reports.last == TransferProgress(resource: .catalogue, received: body.utf8.count, expected: body.utf8.count, complete: true))
        // At least the first chunk was reported before the end, and counts only grow.
        #expect(reports.count >= 2)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.received <= $1.received })
    }

    @Test func failedAnswersAreNotReportedComplete() async throws {
        let server = try TestServer.start { _, _ in .json(#"{"detail": "no such video"}"#, status: 404) }
        defer { server.stop() }
        let log = ProgressLog()
        _ = await apiError { try await Self.client(server.base, log).frames(videoID: "v") }
        #expect(!log.all.contains { $0.complete })
        #expect(log.all.allSatisfy { $0.resource == .frames })
    }
}
