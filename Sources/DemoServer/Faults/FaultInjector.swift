import Foundation

/// The fault plan's mutable side: how many uses each rule has left. Shared by every
/// connection thread, so it lives behind a lock.
final class FaultInjector: @unchecked Sendable {
    private let lock = NSLock()
    private var rules: [FaultPlan.Rule]
    private var remaining: [Int?]

    init(_ plan: FaultPlan) {
        rules = plan.rules
        remaining = plan.rules.map(\.times)
    }

    func replace(with plan: FaultPlan) {
        lock.withLock {
            rules = plan.rules
            remaining = plan.rules.map(\.times)
        }
    }

    /// The action for this request, if any rule applies; uses one of that rule's turns.
    func take(for path: String) -> FaultPlan.Action? {
        lock.withLock {
            for (i, rule) in rules.enumerated() where path.hasPrefix(rule.pathPrefix) {
                switch remaining[i] {
                case nil: return rule.action
                case let n? where n > 0:
                    remaining[i] = n - 1
                    return rule.action
                default: continue
                }
            }
            return nil
        }
    }

    /// Applies an action. `serve` produces the normal response, for the actions that
    /// modify one rather than replace it.
    static func apply(_ action: FaultPlan.Action, serve: () -> HTTPResponse) -> HTTPResponse {
        switch action {
        case let .status(code, body, retryAfter):
            var r = HTTPResponse.json(body, status: code)
            if let retryAfter { r.headers["Retry-After"] = String(retryAfter) }
            return r
        case .delay(let seconds):
            var r = serve()
            r.delay = seconds
            return r
        case .truncate(let n):
            var r = serve()
            r.truncateAfter = n
            return r
        case .html(let code):
            let title = "\(code) \(HTTPServer.reason(code))"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
            var r = HTTPResponse.text(page, status: code, contentType: "text/html")
            r.headers["Server"] = "nginx/1.24.0"
            return r
        case .wrongJSONType:
            var r = serve()
            switch r.body.first {
            case UInt8(ascii: "["): r.body = Data("{\"data\":".utf8) + r.body + Data("}".utf8)
            case UInt8(ascii: "{"): r.body = Data("[".utf8) + r.body + Data("]".utf8)
            default: break
            }
            return r
        case .emptyBody:
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data())
        }
    }
}
