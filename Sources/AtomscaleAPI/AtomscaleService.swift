import Foundation

/// What the rest of the program needs from the platform. The URLSession client implements
/// it; tests of the repository use a hand-driven fake. Every method throws `APIError` only.
public protocol AtomscaleService: Sendable {
    /// The origin the key is sent to, e.g. `https://api.atomscale.ai` (used to scope triage).
    var origin: String { get }
    func search(_ query: SearchQuery) async throws -> [CatalogueEntry]
    func frames(videoID: String) async throws -> FrameList
    func timeseries(videoID: String) async throws -> Timeseries
    func imageLink(imageUUID: String) async throws -> ImageLink
    /// Both steps: the link, then the bytes (never with the key), re-linking once on 403.
    func imageData(imageUUID: String) async throws -> Data
}
