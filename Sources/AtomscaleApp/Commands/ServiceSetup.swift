import AtomscaleAPI
import DemoServer
import Foundation

/// Builds the API client from flags and environment, or starts the in-process demo server
/// and points a client at it (so the demo exercises the same client code as production).
struct ServiceSetup {
    let service: any AtomscaleService
    let isDemo: Bool
    /// Keeps the in-process demo server alive as long as the setup is.
    private let demo: DemoServer?

    static func make(_ args: Arguments, environment: [String: String]) throws -> ServiceSetup {
        if args.has("--demo") {
            let scale = try demoScale(args)
            let server = try DemoServer.start(scale: scale)
            // The demo accepts any key; this one is not a secret.
            let config = APIConfiguration(endpoint: server.apiURL, apiKey: "demo", timeout: 20)
            return ServiceSetup(service: AtomscaleClient(configuration: config), isDemo: true, demo: server)
        }
        let config = try APIConfiguration.resolve(
            endpointFlag: args.value("--endpoint"),
            apiKeyFile: args.value("--api-key-file"),
            environment: environment)
        return ServiceSetup(service: AtomscaleClient(configuration: config), isDemo: false, demo: nil)
    }

    static func demoScale(_ args: Arguments) throws(UsageError) -> DemoScale {
        switch args.value("--scale") {
        case nil, "standard": return .standard
        case "large": return .large
        case let other?: throw UsageError("--scale must be standard or large, not '\(other)'")
        }
    }

    func stop() { demo?.stop() }
}
