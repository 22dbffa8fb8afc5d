import Foundation

/// The demo's HTTP surface: the API routes of api.md on 127.0.0.1 and a pretend object
/// store under /storage/ that presigned URLs point at through `localhost` (another origin,
/// so a client that leaks its API key to the presigned host is caught: see `storage`).
final class DemoRoutes: @unchecked Sendable {
    let catalogue: DemoCatalogue
    // Generated bodies: catalogue lists (up to ~70 MB at large scale), frame lists, metrics.
    private let bodies = BoundedCache<String, Data>(maxEntries: 64, maxCost: 384 << 20)
    // Generated PNGs, keyed by image_uuid.
    private let images = BoundedCache<String, Data>(maxEntries: 256, maxCost: 96 << 20)
    // Serialises building of catalogue lists so concurrent first requests for the large
    // catalogue do not each spend a second and 70 MB on the same body.
    private let listBuild = NSLock()
    private let portLock = NSLock()
    private var storagePort: UInt16 = 0

    init(catalogue: DemoCatalogue) { self.catalogue = catalogue }

    /// Set once the listening port is known; presigned URLs carry it.
    func setPort(_ port: UInt16) { portLock.withLock { storagePort = port } }
    private var port: UInt16 { portLock.withLock { storagePort } }

    func respond(_ r: HTTPRequest) -> HTTPResponse {
        if r.path.hasPrefix("/storage/") { return storage(r) }
        guard let key = r.header("X-API-KEY"), !key.trimmingCharacters(in: .whitespaces).isEmpty else {
            var res = HTTPResponse.json("{\"detail\":\"Not authenticated\"}", status: 401)
            res.headers["WWW-Authenticate"] = "APIKey"
            return res
        }
        guard r.method == "GET" || r.method == "HEAD" else {
            return .json("{\"detail\":\"Method Not Allowed\"}", status: 405)
        }
        let parts = r.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.count {
        case 1 where parts[0] == "data_entries" && r.path.hasSuffix("/"):
            return list(r)
        case 3 where parts[0] == "data_entries" && parts[1] == "processed_data":
            return imageLink(parts[2], r)
        case 4 where parts[0] == "optical" && parts[1] == "frame" && parts[2] == "video_single_frames":
            return frames(parts[3])
        case 3 where parts[0] == "optical" && parts[1] == "timeseries":
            return timeseries(parts[2])
        default:
            return .json("{\"detail\":\"Not Found\"}", status: 404)
        }
    }

    // MARK: - API routes

    private func list(_ r: HTTPRequest) -> HTTPResponse {
        let filter: EntryFilter
        do { filter = try EntryFilter(r) } catch { return .json(error.body, status: 422) }
        let key = "list|" + filter.cacheKey
        if let body = bodies.value(for: key) { return .json(body) }
        return listBuild.withLock {
            let body = bodies.value(for: key, cost: \.count) { buildList(filter) }
            return .json(body)
        }
    }

    /// The whole matching list in one JSON array, as the real service sends it.
    func buildList(_ filter: EntryFilter) -> Data {
        var w = JSONWriter(capacity: 1 << 16)
        w.beginArray()
        if let ids = filter.dataIDs {
            // By id: decode the ids instead of scanning 100,000 entries.
            var seen = Set<String>()
            for id in ids where seen.insert(id).inserted {
                if let e = catalogue.entry(id: id), filter.matches(e) { CatalogueJSON.write(e, into: &w) }
            }
        } else {
            for i in 0..<catalogue.count {
                let e = catalogue.entry(at: i)
                if filter.matches(e) { CatalogueJSON.write(e, into: &w) }
            }
        }
        w.endArray()
        return w.data
    }

    private func frames(_ id: String) -> HTTPResponse {
        guard let e = catalogue.entry(id: id), let v = e.video, let list = catalogue.frames(videoID: id) else {
            return .json("{\"detail\":\"Video not found\"}", status: 404)
        }
        return .json(bodies.value(for: "frames|" + id, cost: \.count) {
            CatalogueJSON.frames(videoID: e.dataID, list, spec: v).data
        })
    }

    private func timeseries(_ id: String) -> HTTPResponse {
        guard let v = catalogue.entry(id: id)?.video else {
            return .json("{\"detail\":\"Video not found\"}", status: 404)
        }
        return .json(bodies.value(for: "timeseries|" + id, cost: \.count) { CatalogueJSON.timeseries(v).data })
    }

    private func imageLink(_ imageUUID: String, _ r: HTTPRequest) -> HTTPResponse {
        if let mode = r.queryValues("return_as").last, mode != "url-download" {
            return .json("{\"detail\":\"return_as must be url-download in the demo\"}", status: 422)
        }
        guard let frame = catalogue.frame(imageUUID: imageUUID)?.frame else {
            return .json("{\"detail\":\"Processed data not found\"}", status: 404)
        }
        var w = JSONWriter()
        w.beginObject()
        w.key("url"); w.string(Self.presignedURL(port: port, imageUUID: imageUUID))
        w.key("file_name"); w.string("frame_" + String(1_000_000 + frame.index).dropFirst() + "_" + imageUUID.prefix(8) + ".png")
        w.key("file_format"); w.string("png")
        w.endObject()
        return .json(w.data)
    }

    /// Shaped like an S3 presigned GET; only the signature is checked. The credential is
    /// percent-encoded as S3's is, so a client that re-encodes the URL breaks visibly.
    static func presignedURL(port: UInt16, imageUUID: String) -> String {
        "http://localhost:\(port)/storage/\(imageUUID).png?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=DEMOACCESSKEY%2F20250101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20250101T000000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=" + DemoID.signature(for: imageUUID)
    }

    // MARK: - object storage

    private func storage(_ r: HTTPRequest) -> HTTPResponse {
        // Loud on purpose: the API key must never travel to the presigned host.
        if r.header("X-API-KEY") != nil {
            return .json("{\"detail\":\"X-API-KEY must not be sent to object storage\"}", status: 400)
        }
        guard r.method == "GET" || r.method == "HEAD" else { return Self.s3Error(405, "MethodNotAllowed") }
        let name = String(r.path.dropFirst("/storage/".count))
        guard name.hasSuffix(".png") else { return Self.s3Error(404, "NoSuchKey") }
        let imageUUID = String(name.dropLast(4))
        guard r.queryValues("X-Amz-Signature").last == DemoID.signature(for: imageUUID) else {
            return Self.s3Error(403, "SignatureDoesNotMatch")
        }
        guard let found = catalogue.frame(imageUUID: imageUUID) else { return Self.s3Error(404, "NoSuchKey") }
        let png = images.value(for: imageUUID, cost: \.count) { FrameImages.png(video: found.video, frame: found.frame.index) }
        return HTTPResponse(status: 200, headers: ["Content-Type": "image/png", "ETag": "\"\(imageUUID.prefix(8))\""],
                            body: png)
    }

    private static func s3Error(_ status: Int, _ code: String) -> HTTPResponse {
        .text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(code)</Message></Error>",
              status: status, contentType: "application/xml")
    }
}
