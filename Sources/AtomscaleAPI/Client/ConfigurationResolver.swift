import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension APIConfiguration {
    /// Resolves the endpoint (flag, AS_API_ENDPOINT, config file, default) and the key
    /// (key file flag, AS_API_KEY, config key file). The first source that is set wins; a set
    /// but broken source is an error rather than a silent fall-through to the next one, so a
    /// typo never sends requests somewhere unintended.
    public static func resolve(endpointFlag: String?, apiKeyFile: String?, environment: [String: String],
                               configEndpoint: URL?, configKeyFile: String?) throws -> APIConfiguration {
        let endpoint: URL
        if let flag = endpointFlag {
            endpoint = try validatedEndpoint(flag, source: "--endpoint")
        } else if let env = nonEmpty(environment["AS_API_ENDPOINT"]) {
            endpoint = try validatedEndpoint(env, source: "AS_API_ENDPOINT")
        } else if let config = configEndpoint {
            endpoint = try validatedEndpoint(config.absoluteString, source: "the config file's endpoint")
        } else {
            endpoint = defaultEndpoint
        }

        let key: String?
        if let path = apiKeyFile {
            key = try KeyFile.read(path)
        } else if let env = nonEmpty(environment["AS_API_KEY"]) {
            guard KeyFile.isHeaderSafe(env) else {
                throw ConfigurationError("AS_API_KEY contains spaces or control characters, which an API key cannot have")
            }
            key = env
        } else if let path = configKeyFile {
            key = try KeyFile.read(path)
        } else {
            key = nil
        }
        return APIConfiguration(endpoint: endpoint, apiKey: key)
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// Accepts only http(s) URLs with a host and nothing a base URL cannot carry.
    static func validatedEndpoint(_ raw: String, source: String) throws -> URL {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let example = "expected an http:// or https:// URL with a host, e.g. \(defaultEndpoint.absoluteString)"
        guard !text.isEmpty else { throw ConfigurationError("the API endpoint from \(source) is empty: \(example)") }
        let parts = URLComponents(string: text)
        // Credentials in the URL would travel with every request and show in the title bar.
        if let parts, parts.user != nil || parts.password != nil {
            throw ConfigurationError("the API endpoint from \(source) must not contain a user name or password")
        }
        let shown = "'" + String(text.prefix(200)) + "'"
        guard let parts, let url = URL(string: text),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty else {
            throw ConfigurationError("invalid API endpoint \(shown) from \(source): \(example)")
        }
        guard parts.query == nil, parts.fragment == nil else {
            throw ConfigurationError("invalid API endpoint \(shown) from \(source): a base URL cannot have a query or fragment")
        }
        return url
    }
}

/// Reads the key from the first line of a file. Messages name the path, never the contents.
enum KeyFile {
    /// More than any key needs; also stops `--api-key-file /dev/zero` from eating memory.
    static let maxBytes = 64 << 10

    static func read(_ path: String) throws -> String {
        guard !path.isEmpty else { throw ConfigurationError("the API key file path is empty") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ConfigurationError("cannot read API key file \(path): it is a directory")
        }
        // Pipes are fine (`--api-key-file <(pass show atomscale)`): read until the first
        // newline rather than to the end.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < maxBytes, !bytes.contains(10) {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw failure(path, errno) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let firstLine = bytes.split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let key = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw ConfigurationError("API key file \(path) is empty (the key must be on its first line)") }
        guard isHeaderSafe(key) else {
            throw ConfigurationError("the API key in \(path) contains spaces or control characters, which an API key cannot have")
        }
        return key
    }

    /// Visible ASCII only: anything else would be mangled in, or break out of, the header.
    static func isHeaderSafe(_ key: String) -> Bool {
        key.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }

    private static func failure(_ path: String, _ code: Int32) -> ConfigurationError {
        ConfigurationError("cannot read API key file \(path): \(String(cString: strerror(code)))")
    }
}
