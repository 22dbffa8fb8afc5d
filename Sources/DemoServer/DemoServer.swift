import Foundation

/// How big a catalogue the demo serves.
public enum DemoScale: String, Sendable, CaseIterable {
    /// A dozen or more optical videos plus a few other entries.
    case standard
    /// 100,000 entries (half optical) and one video with 20,000 frames, generated lazily.
    case large
}

/// The built-in demo catalogue served over real HTTP on 127.0.0.1.
public final class DemoServer: Sendable {
    public let http: HTTPServer
    /// The API base URL, `http://127.0.0.1:PORT/`.
    public var apiURL: URL { http.baseURL }

    private init(http: HTTPServer) { self.http = http }

    public static func start(scale: DemoScale = .standard, port: UInt16 = 0) throws -> DemoServer {
        DemoServer(http: try HTTPServer.start(port: port) { _ in .json("{\"detail\":\"not implemented\"}", status: 501) })
    }

    public func stop() { http.stop() }
}
