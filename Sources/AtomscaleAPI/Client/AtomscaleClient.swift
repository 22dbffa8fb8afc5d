import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession implementation of `AtomscaleService`.
public final class AtomscaleClient: AtomscaleService, @unchecked Sendable {
    public let configuration: APIConfiguration

    public init(configuration: APIConfiguration) {
        self.configuration = configuration
    }

    public var origin: String { "" }

    public func search(_ query: SearchQuery) async throws -> [CatalogueEntry] { throw APIError.transport("not implemented") }
    public func frames(videoID: String) async throws -> FrameList { throw APIError.transport("not implemented") }
    public func timeseries(videoID: String) async throws -> Timeseries { throw APIError.transport("not implemented") }
    public func imageLink(imageUUID: String) async throws -> ImageLink { throw APIError.transport("not implemented") }
    public func imageData(imageUUID: String) async throws -> Data { throw APIError.transport("not implemented") }
}

extension APIConfiguration {
    /// Resolves the endpoint (flag, AS_API_ENDPOINT, config file, default) and the key
    /// (key file flag, AS_API_KEY, config key file).
    public static func resolve(endpointFlag: String?, apiKeyFile: String?, environment: [String: String],
                               configEndpoint: URL?, configKeyFile: String?) throws -> APIConfiguration {
        throw ConfigurationError("not implemented")
    }
}
