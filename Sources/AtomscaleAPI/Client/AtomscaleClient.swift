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

    public var origin: String { configuration.origin }

    public func search(_ query: SearchQuery) async throws -> [CatalogueEntry] { throw APIError.transport("not implemented") }
    public func frames(videoID: String) async throws -> FrameList { throw APIError.transport("not implemented") }
    public func timeseries(videoID: String) async throws -> Timeseries { throw APIError.transport("not implemented") }
    public func imageLink(imageUUID: String) async throws -> ImageLink { throw APIError.transport("not implemented") }
    public func imageData(imageUUID: String) async throws -> Data { throw APIError.transport("not implemented") }
}
