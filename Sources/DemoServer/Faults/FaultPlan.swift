/// Misbehaviour the demo server can be told to show, for tests and for demonstrating how the
/// client copes: rules matched by path prefix, each applying to the first N matching
/// requests or to all of them. "503 twice, then OK" is
/// `FaultPlan([.init(pathPrefix: "/data_entries/", action: .status(503), times: 2)])`.
public struct FaultPlan: Sendable {
    public enum Action: Sendable, Hashable {
        /// Answer this status with this body (JSON content type) and optional `Retry-After`.
        case status(Int, body: String = "{\"detail\":\"Service temporarily unavailable\"}", retryAfter: Int? = nil)
        /// Serve normally after waiting this many seconds.
        case delay(Double)
        /// Serve normally but close the connection after this many body bytes (the
        /// Content-Length still announces the full body).
        case truncate(afterBytes: Int)
        /// An HTML error page as an nginx reverse proxy would send it.
        case html(status: Int)
        /// Serve the normal body wrapped in the other container type: an array becomes
        /// `{"data": [...]}`, an object becomes `[{...}]`.
        case wrongJSONType
        /// 200 with a JSON content type and no body at all.
        case emptyBody
    }

    public struct Rule: Sendable, Hashable {
        /// Matched against the request path (percent-decoded, without the query),
        /// e.g. `/data_entries/`, `/optical/frame/`, `/storage/`. "/" matches everything.
        public var pathPrefix: String
        public var action: Action
        /// How many matching requests this rule applies to; nil means every one.
        public var times: Int?

        public init(pathPrefix: String, action: Action, times: Int? = nil) {
            self.pathPrefix = pathPrefix; self.action = action; self.times = times
        }
    }

    /// Checked in order; the first rule that matches and has uses left applies (and uses
    /// one up). At most one rule applies to a request.
    public var rules: [Rule]

    public init(_ rules: [Rule] = []) { self.rules = rules }

    public static let none = FaultPlan()
}
