/// Told to the client's observer while a response body arrives (at most every
/// `TransferProgress.interval` seconds per request), and once more when it is complete and
/// about to be decoded, so a UI can show "loading videos… 12.3 of 43.5 MB".
public struct TransferProgress: Hashable, Sendable {
    /// Which call the request belongs to.
    public enum Resource: String, Hashable, Sendable {
        case catalogue, frames, timeseries, imageLink, image
    }

    public let resource: Resource
    /// Body bytes received so far (of this attempt).
    public let received: Int
    /// The announced length (Content-Length), when there is one.
    public let expected: Int?
    /// The whole body is in; decoding comes next.
    public let complete: Bool

    /// Seconds between two reports of one request.
    public static let interval = 0.1

    public init(resource: Resource, received: Int, expected: Int?, complete: Bool) {
        self.resource = resource; self.received = received; self.expected = expected; self.complete = complete
    }
}
