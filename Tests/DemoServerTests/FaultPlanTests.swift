import DemoServer
import Foundation
import Testing

/// Fault rules: matched by path prefix, applied N times (or always), then normal service.
struct FaultPlanTests {
    @Test func statusTwiceThenOK() async throws {
        let server = try DemoServer.start(faults: FaultPlan([
            .init(pathPrefix: "/data_entries/", action: .status(503, retryAfter: 2), times: 2),
        ]))
        defer { server.stop() }
        let http = DemoHTTP(server: server)
        for _ in 0..<2 {
            let r = try await http.get("data_entries/")
            #expect(r.status == 503)
            #expect(r.header("Retry-After") == "2")
            #expect(try r.object()["detail"] != nil)
        }
        #expect(try await http.get("data_entries/").status == 200)
        #expect(try await http.get("data_entries/").status == 200)
        let faults = server.exchanges().map { $0.fault != nil }
        #expect(faults == [true, true, false, false])
        // Other paths were never affected.
        let video = server.catalogue.facts.video300FramesID
        #expect(try await http.get("optical/timeseries/\(video)/").status == 200)
    }

    @Test func firstMatchingRuleWithTurnsLeftApplies() async throws {
        let server = try DemoServer.start(faults: FaultPlan([
            .init(pathPrefix: "/optical/", action: .html(status: 502), times: 1),
            .init(pathPrefix: "/optical/frame/", action: .wrongJSONType, times: 1),
            .init(pathPrefix: "/optical/timeseries/", action: .emptyBody),
        ]))
        defer { server.stop() }
        let http = DemoHTTP(server: server)
        let video = server.catalogue.facts.video300FramesID
        let html = try await http.get("optical/frame/video_single_frames/\(video)")
        #expect(html.status == 502 && html.header("Content-Type") == "text/html")
        #expect(html.text.contains("<center><h1>502 Bad Gateway</h1></center>") && html.text.contains("nginx"))
        let wrong = try await http.get("optical/frame/video_single_frames/\(video)")
        #expect(wrong.status == 200)
        #expect((try wrong.json() as? [[String: Any]])?.first?["video_uuid"] as? String == video)
        let normal = try await http.get("optical/frame/video_single_frames/\(video)")
        #expect((try normal.object()["frames"] as? [Any])?.count == 300)
        // An `always` rule never runs out.
        for _ in 0..<3 {
            let empty = try await http.get("optical/timeseries/\(video)/")
            #expect(empty.status == 200 && empty.body.isEmpty)
        }
    }

    @Test func wrongJSONTypeWrapsAnArrayInAnObject() async throws {
        let server = try DemoServer.start(faults: FaultPlan([.init(pathPrefix: "/data_entries/", action: .wrongJSONType)]))
        defer { server.stop() }
        let r = try await DemoHTTP(server: server).get("data_entries/?data_type=optical")
        let obj = try r.object()
        #expect((obj["data"] as? [Any])?.count == server.catalogue.opticalCount)
    }

    @Test func truncatedBodyAndDelayAndRuntimeReplacement() async throws {
        let server = try DemoServer.start(faults: FaultPlan([
            .init(pathPrefix: "/data_entries/", action: .truncate(afterBytes: 100), times: 1),
        ]))
        defer { server.stop() }
        let http = DemoHTTP(server: server)
        await #expect(throws: (any Error).self) { _ = try await http.get("data_entries/") }
        #expect(try await http.get("data_entries/").status == 200)

        server.setFaults(FaultPlan([.init(pathPrefix: "/", action: .delay(0.3), times: 1)]))
        let delayed = try await http.get("data_entries/?data_type=optical")
        #expect(delayed.status == 200 && server.exchanges().last?.fault == .delay(0.3), "\(server.exchanges().map { "\($0.request.path) \($0.status) \(String(describing: $0.fault))" })")
        #expect(server.exchanges().last?.status == 200)

        server.setFaults(FaultPlan([.init(pathPrefix: "/storage/", action: .status(403, body: "{}"))]))
        #expect(try await http.get("data_entries/").status == 200)
        server.setFaults(.none)
        #expect(try await http.get("data_entries/").status == 200)
    }

    @Test func faultsApplyBeforeAuthentication() async throws {
        // A proxy in front answers before the API sees the (missing) key.
        let server = try DemoServer.start(faults: FaultPlan([.init(pathPrefix: "/", action: .html(status: 504), times: 1)]))
        defer { server.stop() }
        let http = DemoHTTP(server: server)
        #expect(try await http.get("data_entries/", key: nil).status == 504)
        #expect(try await http.get("data_entries/", key: nil).status == 401)
    }
}
