import Foundation

/// The (scheme, host, port) triple that decides whether a request may carry the API key.
/// Two URLs share an origin only when all three match after lower-casing and filling in the
/// scheme's default port, so `https://h` and `https://h:443` agree but `http://h` (a
/// downgrade) and `https://h.evil` do not.
struct URLOrigin: Hashable, Sendable {
    let scheme: String
    let host: String
    /// The port as written in the URL, nil when implicit.
    let explicitPort: Int?

    init?(_ url: URL?) {
        guard let url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let rawHost = url.host, !rawHost.isEmpty else { return nil }
        self.scheme = scheme
        // Foundation returns IPv6 literals with or without brackets depending on the version.
        let bare = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        self.host = bare.lowercased()
        self.explicitPort = url.port
    }

    var effectivePort: Int { explicitPort ?? (scheme == "https" ? 443 : 80) }

    private var hostText: String { host.contains(":") ? "[\(host)]" : host }

    /// `scheme://host[:port]`, the port only when the URL spelled it out.
    var text: String { "\(scheme)://\(hostText)" + (explicitPort.map { ":\($0)" } ?? "") }

    /// `host:port`, for error messages that must not show paths or queries.
    var hostAndPort: String { "\(hostText):\(effectivePort)" }

    static func == (a: URLOrigin, b: URLOrigin) -> Bool {
        a.scheme == b.scheme && a.host == b.host && a.effectivePort == b.effectivePort
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(scheme); hasher.combine(host); hasher.combine(effectivePort)
    }
}
