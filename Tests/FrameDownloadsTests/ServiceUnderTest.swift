import AtomscaleAPI
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The service the downloads are tested through.
func makeService(_ server: StorageServer) -> any AtomscaleService {
    LoopbackImageClient(base: server.apiURL, key: StorageServer.key)
}

/// Stands in for AtomscaleClient until it lands on main: the two-step image fetch, the key
/// only on the API's own origin.
struct LoopbackImageClient: AtomscaleService {
    let base: URL
    let key: String

    var origin: String { "http://127.0.0.1:\(base.port ?? 0)" }

    func search(_ query: SearchQuery) async throws -> [CatalogueEntry] { throw APIError.transport("unused") }
    func frames(videoID: String) async throws -> FrameList { throw APIError.transport("unused") }
    func timeseries(videoID: String) async throws -> Timeseries { throw APIError.transport("unused") }

    func imageLink(imageUUID: String) async throws -> ImageLink {
        var request = URLRequest(url: base.appendingPathComponent("data_entries/processed_data/\(imageUUID)"))
        request.url = URL(string: request.url!.absoluteString + "?return_as=url-download")
        request.setValue(key, forHTTPHeaderField: "X-API-KEY")
        let (data, response) = try await fetch(request)
        guard response.statusCode == 200,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = object["url"] as? String, let url = URL(string: text) else {
            throw APIError.http(status: response.statusCode, message: String(decoding: data.prefix(80), as: UTF8.self))
        }
        return ImageLink(url: url, fileName: object["file_name"] as? String, fileFormat: object["file_format"] as? String)
    }

    func imageData(imageUUID: String) async throws -> Data {
        let link = try await imageLink(imageUUID: imageUUID)
        let (data, response) = try await fetch(URLRequest(url: link.url))
        guard response.statusCode == 200 else {
            throw APIError.http(status: response.statusCode, message: String(decoding: data.prefix(80), as: UTF8.self))
        }
        return data
    }

    private func fetch(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return (data, response as! HTTPURLResponse)
        } catch {
            if Task.isCancelled { throw APIError.cancelled }
            throw APIError.transport(String(describing: error))
        }
    }
}
