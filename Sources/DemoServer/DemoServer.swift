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
    private let log: RequestLog

    private init(http: HTTPServer, catalogue: DemoCatalogue, routes: DemoRoutes, log: RequestLog) {
        self.http = http; self.catalogue = catalogue; self.routes = routes; self.log = log
    }

    public static func start(scale: DemoScale = .standard, port: UInt16 = 0) throws -> DemoServer {
        let catalogue = DemoCatalogue.of(scale)
        let routes = DemoRoutes(catalogue: catalogue)
        let log = RequestLog()
        let http = try HTTPServer.start(port: port) { request in
            let response = routes.respond(request)
            log.append(DemoExchange(request: request, status: response.status))
            return response
        }
        routes.setPort(http.port)
        return DemoServer(http: http, catalogue: catalogue, routes: routes, log: log)
    }

    /// Requests answered so far, oldest first (the newest 20,000 are kept).
    public func requests() -> [HTTPRequest] { log.all.map(\.request) }

    /// Requests with the status they got, oldest first.
    public func exchanges() -> [DemoExchange] { log.all }

    /// Requests answered since start (or the last `clearRequestLog`), including any no
    /// longer kept.
    public var requestCount: Int { log.total }

    public func clearRequestLog() { log.clear() }

    public func stop() { http.stop() }
}
