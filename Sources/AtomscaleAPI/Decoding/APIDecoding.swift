import Foundation

/// Response bodies to models. Tolerant of missing fields, nulls and extra keys; strict about
/// the outer shape, so that an HTML page or an error object served with status 200 is an
/// error rather than an empty list. Every function throws `APIError` (`.decoding`) only.
public enum APIDecoding {
    /// `GET data_entries/`: a JSON array; entries without `data_id` (or not objects) are
    /// skipped.
    public static func catalogue(_ data: Data) throws(APIError) -> [CatalogueEntry] {
        let value = try JSONBody.parse(data, what: "catalogue")
        guard let items = value.arrayValue else {
            var message = "expected a JSON array of catalogue entries, got \(value.kindDescription)"
            if let detail = value.objectValue?["detail"]?.stringValue {
                message += " (\"\(TextExcerpt.clean(detail, limit: 80))\")"
            }
            throw .decoding(message)
        }
        return items.compactMap { $0.objectValue.flatMap(CatalogueEntry.init(json:)) }
    }

    /// `GET optical/frame/video_single_frames/{id}`: `{"video_uuid", "frames": [...]}`; a
    /// bare array of frames is read too. Missing or null `frames` is an empty list. Frames
    /// without `image_uuid` are counted in `skipped`; `index` is the position in the result,
    /// so `frames[i].index == i` holds.
    public static func frames(_ data: Data) throws(APIError) -> FrameList {
        let value = try JSONBody.parse(data, what: "frames")
        let videoUUID: String?
        let raw: [JSONValue]
        switch value {
        case .object(let object):
            videoUUID = object["video_uuid"]?.stringValue
            switch object["frames"] {
            case nil, .null?: raw = []
            case .array(let items)?: raw = items
            case let other?: throw .decoding("frames: expected \"frames\" to be an array, got \(other.kindDescription)")
            }
        case .array(let items):
            videoUUID = nil
            raw = items
        default:
            throw .decoding("frames: expected a JSON object with \"frames\", got \(value.kindDescription)")
        }
        var frames: [VideoFrame] = []
        frames.reserveCapacity(raw.count)
        var skipped = 0
        for item in raw {
            if let object = item.objectValue, let frame = VideoFrame(index: frames.count, json: object) {
                frames.append(frame)
            } else {
                skipped += 1
            }
        }
        return FrameList(videoUUID: videoUUID, frames: frames, skipped: skipped)
    }

    /// `GET data_entries/processed_data/{uuid}?return_as=url-download`:
    /// `{"url", "file_name", "file_format"}`. The URL must be http(s) with a host. Messages
    /// never quote it: a presigned URL carries its own credentials.
    public static func imageLink(_ data: Data) throws(APIError) -> ImageLink {
        let value = try JSONBody.parse(data, what: "image link")
        guard let object = value.objectValue else {
            throw .decoding("image link: expected a JSON object, got \(value.kindDescription)")
        }
        guard let text = object["url"]?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw .decoding("image link: the response has no \"url\"")
        }
        guard let url = URL(string: text), URLOrigin(url) != nil else {
            throw .decoding("image link: \"url\" is not an http(s) URL")
        }
        func str(_ k: String) -> String? { object[k]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        return ImageLink(url: url, fileName: str("file_name"), fileFormat: str("file_format"))
    }
}
