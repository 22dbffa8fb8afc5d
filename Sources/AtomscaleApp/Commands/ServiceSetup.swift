import AtomscaleAPI
import DemoServer
import Foundation

/// Builds the API client from flags, environment and config file, or starts the in-process
/// demo server and points a client at it (so the demo exercises the same client code as
/// production).
struct ServiceSetup {
    let service: any AtomscaleService
    let isDemo: Bool
    /// nil for the demo.
    let configuration: APIConfiguration?
    /// Keeps the in-process demo server alive as long as the setup is.
    private let demo: DemoServer?

    /// What the title bar names as the data source: "demo", or the endpoint's host.
    var sourceLabel: String {
        if isDemo { return "demo" }
        guard let url = configuration?.endpoint else { return "?" }
        return (url.host ?? url.absoluteString) + (url.port.map { ":\($0)" } ?? "")
    }

    /// Flags override the environment (AS_API_ENDPOINT, AS_API_KEY), which overrides the
    /// config file.
    /// `notices` hears the client's retries and transfer progress (the browser's status line).
    static func make(_ args: Arguments, environment: [String: String], config: ConfigFile? = nil,
                     notices: ClientNotices? = nil) throws -> ServiceSetup {
        func client(_ configuration: APIConfiguration) -> AtomscaleClient {
            guard let notices else { return AtomscaleClient(configuration: configuration) }
            return AtomscaleClient(configuration: configuration, onRetry: { notices.retrying($0) },
                                   onProgress: { notices.progress($0) })
        }
        if args.has("--demo") {
            let scale = try demoScale(args)
            let server = try DemoServer.start(scale: scale)
            // The demo accepts any key; this one is not a secret.
            let config = APIConfiguration(endpoint: server.apiURL, apiKey: "demo", timeout: 20)
            return ServiceSetup(service: client(config), isDemo: true,
                                configuration: nil, demo: server)
        }
        let resolved = try APIConfiguration.resolve(
            endpointFlag: args.value("--endpoint"),
            apiKeyFile: args.value("--api-key-file"),
            environment: environment,
            configEndpoint: config?.endpoint,
            configKeyFile: config?.apiKeyFile)
        return ServiceSetup(service: client(resolved), isDemo: false,
                            configuration: resolved, demo: nil)
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
