import Foundation

/// How big a catalogue the demo serves.
public enum DemoScale: String, Sendable, CaseIterable {
    /// 22 optical videos plus 6 other entries (see `DemoCatalogue.Facts`).
    case standard
    /// 100,000 entries (half optical) and one video with 20,000 frames, generated lazily.
    case large
}

/// The built-in demo catalogue served over real HTTP on 127.0.0.1. Presigned image URLs
/// point at `localhost` on the same port, a different origin as far as a client can tell.
public final class DemoServer: Sendable {
    public let http: HTTPServer
    public let catalogue: DemoCatalogue
    /// The API base URL, `http://127.0.0.1:PORT/`.
    public var apiURL: URL { http.baseURL }
    /// Where presigned URLs point: `http://localhost:PORT/storage/`.
    public var storageURL: URL { URL(string: "http://localhost:\(http.port)/storage/")! }

    private let routes: DemoRoutes
    private let faults: FaultInjector
    private let log: RequestLog

    private init(http: HTTPServer, catalogue: DemoCatalogue, routes: DemoRoutes, faults: FaultInjector, log: RequestLog) {
        self.http = http; self.catalogue = catalogue; self.routes = routes; self.faults = faults; self.log = log
    }

    public static func start(scale: DemoScale = .standard, port: UInt16 = 0) throws -> DemoServer {
        try start(scale: scale, port: port, faults: .none)
    }

    /// Starts a server that misbehaves as `faults` says (see `FaultPlan`).
    public static func start(scale: DemoScale = .standard, port: UInt16 = 0, faults plan: FaultPlan) throws -> DemoServer {
        let catalogue = DemoCatalogue.of(scale)
        let routes = DemoRoutes(catalogue: catalogue)
        let faults = FaultInjector(plan)
        let log = RequestLog()
        let http = try HTTPServer.start(port: port) { request in
            let fault = faults.take(for: request.path)
            let response = fault.map { FaultInjector.apply($0) { routes.respond(request) } } ?? routes.respond(request)
            log.append(DemoExchange(request: request, status: response.status, fault: fault))
            return response
        }
        routes.setPort(http.port)
        return DemoServer(http: http, catalogue: catalogue, routes: routes, faults: faults, log: log)
    }

    /// Replaces the fault plan (with fresh use counts); `.none` makes the server behave.
    public func setFaults(_ plan: FaultPlan) { faults.replace(with: plan) }

    /// Requests answered so far, oldest first (the newest 20,000 are kept).
    public func requests() -> [HTTPRequest] { log.all.map(\.request) }

    /// Requests with the status they got and the fault applied, oldest first.
    public func exchanges() -> [DemoExchange] { log.all }

    /// Requests answered since start (or the last `clearRequestLog`), including any no
    /// longer kept.
    public var requestCount: Int { log.total }

    public func clearRequestLog() { log.clear() }

    public func stop() { http.stop() }
}
