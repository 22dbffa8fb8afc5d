import AtomscaleAPI
@testable import AtomscaleApp
import BrowserCore
import DemoServer
import Foundation
import Testing

/// Every fault the demo server can inject, through the browser's real stack without a
/// terminal (HeadlessBrowser): the message lands in the pane the failed load belongs to and
/// in the status line, and once the server behaves, `r` brings the program fully back.
@Suite struct FaultTests {
    static let catalogue = "/data_entries/"
    static let frames = "/optical/frame/"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rule: FaultPlan.Rule
        let pane: PanelID
        /// Part of the message the pane must show.
        let message: String
        /// The client retries this fault: the retries must have been in the status line.
        var retried: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "catalogue: 500 as an nginx HTML page", rule: .init(pathPrefix: catalogue, action: .html(status: 500)),
             pane: .videos, message: "HTTP 500 Internal Server Error"),
        Case(name: "catalogue: body cut short", rule: .init(pathPrefix: catalogue, action: .truncate(afterBytes: 1000)),
             pane: .videos, message: "closed after 1000 of", retried: "connection error"),
        Case(name: "catalogue: an object where the array belongs", rule: .init(pathPrefix: catalogue, action: .wrongJSONType),
             pane: .videos, message: "expected a JSON array of catalogue entries, got an object"),
        Case(name: "catalogue: empty body", rule: .init(pathPrefix: catalogue, action: .emptyBody),
             pane: .videos, message: "catalogue: empty response, expected JSON"),
        Case(name: "frames: 404", rule: .init(pathPrefix: frames, action: .status(404, body: #"{"detail": "Video not found"}"#)),
             pane: .frames, message: "HTTP 404 Not Found: Video not found"),
        Case(name: "frames: 502 HTML page from the proxy", rule: .init(pathPrefix: frames, action: .html(status: 502)),
             pane: .frames, message: "HTTP 502 Bad Gateway", retried: "HTTP 502"),
        Case(name: "frames: body cut short", rule: .init(pathPrefix: frames, action: .truncate(afterBytes: 300)),
             pane: .frames, message: "closed after 300 of", retried: "connection error"),
        Case(name: "frames: empty body", rule: .init(pathPrefix: frames, action: .emptyBody),
             pane: .frames, message: "frames: empty response, expected JSON"),
    ]

    @Test(arguments: cases)
    func aFaultIsAMessageInItsPaneAndRRecovers(_ fault: Case) async throws {
        let server = try DemoServer.start(faults: FaultPlan([fault.rule]))
        defer { server.stop() }
        let browser = try HeadlessBrowser(server: server)
        defer { browser.stop() }
        let failed = await browser.waitUntil { b in
            (fault.pane == .videos ? b.state.videosLoad.errorMessage : b.state.framesLoad.errorMessage) != nil
        }
        try #require(failed, "the load never failed; status line: \(browser.statusLine)")
        let pane = browser.flatText(of: fault.pane)
        #expect(pane.contains("error: ") && pane.contains(fault.message), "pane says: \(pane)")
        #expect(pane.contains("press r to retry"))
        #expect(!pane.contains("<html") && !pane.contains("<center>"), "raw HTML in the pane: \(pane)")
        #expect(browser.statusLine.contains("error: "), "status line: \(browser.statusLine)")
        if let reason = fault.retried {
            #expect(browser.statusLines.contains { $0.contains("retrying (2/3) after \(reason)…") }, "\(browser.statusLines)")
            #expect(browser.statusLines.contains { $0.contains("retrying (3/3) after \(reason)…") })
        }
        if fault.pane == .frames {
            // The other panes are untouched: the videos are listed.
            #expect(browser.state.videos.count == server.catalogue.facts.opticalCount)
            #expect(browser.flatText(of: .videos).contains("GaN_MOCVD_run04"))
        }

        // The server recovers; the operator presses r.
        server.setFaults(.none)
        browser.key(.char("r"))
        let recovered = await browser.waitUntil { b in
            b.state.videosLoad.value != nil && b.state.framesLoad.value != nil && b.state.videosRequest == nil
                && b.state.framesRequest == nil
        }
        try #require(recovered, "no recovery; status line: \(browser.statusLine)")
        #expect(browser.state.lastError == nil)
        #expect(!browser.statusLine.contains("error"), "status line: \(browser.statusLine)")
        #expect(browser.state.frames.count == 120)
        #expect(!browser.flatText(of: .videos).contains("error:") && !browser.flatText(of: .frames).contains("error:"))
        #expect(browser.flatText(of: .videos).contains("GaN_MOCVD_run04"))
    }

    @Test func serviceUnavailableTwiceThenOKLoadsWithTheRetriesShown() async throws {
        let rule = FaultPlan.Rule(pathPrefix: Self.catalogue, action: .status(503, retryAfter: 0), times: 2)
        let server = try DemoServer.start(faults: FaultPlan([rule]))
        defer { server.stop() }
        let browser = try HeadlessBrowser(server: server)
        defer { browser.stop() }
        try #require(await browser.waitUntil { $0.state.videosLoad.value != nil && $0.state.framesLoad.value != nil })
        #expect(browser.statusLines.contains { $0.contains("retrying (2/3) after HTTP 503…") }, "\(browser.statusLines)")
        #expect(browser.statusLines.contains { $0.contains("retrying (3/3) after HTTP 503…") })
        #expect(!browser.statusLine.contains("retrying") && !browser.statusLine.contains("error"), "\(browser.statusLine)")
        #expect(browser.flatText(of: .videos).contains("GaN_MOCVD_run04"))
        #expect(server.exchanges().filter { $0.request.path == Self.catalogue }.map(\.status) == [503, 503, 200])
    }

    /// While the catalogue arrives the status line counts its bytes (the client's progress
    /// reports, posted through ClientNotices), then says it is decoding.
    @Test func theStatusLineCountsTheBytesOfTheCatalogue() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let browser = try HeadlessBrowser(server: server)
        defer { browser.stop() }
        try #require(await browser.waitUntil { $0.state.videosLoad.value != nil })
        let progress = browser.statusLines.filter { $0.contains("loading videos (") }
        #expect(progress.contains { $0.contains("kB, decoding)…") }, "\(browser.statusLines)")
        #expect(!browser.statusLine.contains("kB"))
    }

    /// A catalogue that takes a minute: the keys still work, and `r` replaces the stalled
    /// load with one that answers (the stalled one is cancelled, never shown).
    @Test func aSlowLoadLeavesTheKeysWorkingAndReloadReplacesIt() async throws {
        let rule = FaultPlan.Rule(pathPrefix: Self.catalogue, action: .delay(60), times: 1)
        let server = try DemoServer.start(faults: FaultPlan([rule]))
        defer { server.stop() }
        let browser = try HeadlessBrowser(server: server)
        defer { browser.stop() }
        try #require(await browser.waitUntil { _ in server.exchanges().isEmpty == false || server.requestCount > 0 })
        #expect(browser.flatText(of: .videos).contains("loading videos…"))
        browser.key(.char("?"))
        #expect(browser.state.helpVisible)
        browser.key(.escape)
        browser.key(.char("2"))
        #expect(browser.state.focus == .frames)
        browser.key(.char("1"))
        browser.key(.char("r"))
        // Well inside the stalled answer's minute.
        // Settled means no load left in flight: a stalled load still remembered never settles.
        let settled = await browser.waitUntil(timeout: 45) {
            $0.state.videosLoad.value != nil && $0.state.framesLoad.value != nil && $0.runner.pendingCount == 0
        }
        #expect(settled, "the stalled load is still remembered: \(browser.runner.pendingCount) pending")
        #expect(browser.state.videos.count == server.catalogue.facts.opticalCount)
        #expect(browser.state.lastError == nil)
        #expect(server.requests().filter { $0.path == Self.catalogue }.count == 2)
    }

    /// Presigned URLs expire: storage answers 403 once, the client fetches a fresh link and
    /// the download (`d`) completes.
    @Test func anExpiredPresignedLinkIsFetchedAnewAndTheDownloadCompletes() async throws {
        let rule = FaultPlan.Rule(pathPrefix: "/storage/", action: .status(403, body: "<Error><Code>AccessDenied</Code></Error>"), times: 1)
        let server = try DemoServer.start(faults: FaultPlan([rule]))
        defer { server.stop() }
        let browser = try HeadlessBrowser(server: server)
        defer { browser.stop() }
        try #require(await browser.waitUntil { $0.state.framesLoad.value != nil && $0.state.selectedFrame != nil })
        let frame = try #require(browser.state.selectedFrame)
        browser.key(.char("d"))
        try #require(await browser.waitUntil { !$0.state.downloads.isRunning && $0.state.notice?.contains("downloaded") == true },
                     "status line: \(browser.statusLine)")
        #expect(browser.statusLine.contains("downloaded: 1 saved"), "status line: \(browser.statusLine)")
        #expect(browser.state.lastError == nil)
        let storage = server.exchanges().filter { $0.request.path.hasPrefix("/storage/") }
        #expect(storage.map(\.status) == [403, 200])
        let links = server.requests().filter { $0.path.hasPrefix("/data_entries/processed_data/") }
        #expect(links.count == 2 && links.allSatisfy { $0.path.hasSuffix(frame.imageUUID) })
        let files = try FileManager.default.subpathsOfDirectory(atPath: browser.directory.path).filter { $0.hasSuffix(".png") }
        #expect(files.count == 1, "\(files)")
    }
}
