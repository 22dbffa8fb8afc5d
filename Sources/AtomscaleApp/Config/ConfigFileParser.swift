import Foundation

extension ConfigFile {
    /// Parses config text. Pure apart from `homeDirectory`, which `~` expands to.
    public static func parse(text: String, path: String,
                             homeDirectory: String = NSHomeDirectory()) throws(ConfigFileError) -> ConfigFile {
        var config = ConfigFile(path: path)
        var seen: [String: Int] = [:]
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }  // Editors on some systems add a BOM.

        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak).enumerated() {
            let number = index + 1
            func fail(_ problem: String) -> ConfigFileError {
                ConfigFileError(path: path, line: number, problem: problem)
            }
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }

            guard let equals = line.firstIndex(of: "=") else {
                throw fail("expected `key = value`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.isEmpty { throw fail("missing key before `=`") }

            // Checked before the value is even looked at, and the value never appears in the
            // message: see rejectSecretKey.
            if let problem = rejectSecretKey(key) { throw fail(problem) }
            guard let field = Field(rawValue: key) else {
                // Only the key is echoed: a misspelt key may still hold something private.
                throw fail("unknown key `\(key)` (known keys: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if let first = seen[key] {
                throw fail("\(key) is set twice (first on line \(first))")
            }
            seen[key] = number

            let value = try parseValue(line[line.index(after: equals)...], number: number, path: path)
            if value.isEmpty { throw fail("\(key) has no value") }
            try field.apply(value, to: &config, homeDirectory: homeDirectory, fail: fail)
        }
        return config
    }

    /// Keys that would put the API key itself in this file are refused. Config files are
    /// typically world-readable (0644), copied between machines, kept in dotfile repositories and
    /// pasted into bug reports; a key there leaks with them. `api_key_file` points at a file
    /// that can be 0600 and kept out of those places, and AS_API_KEY is what the official SDK
    /// reads, so both keep the secret out of shareable config.
    static func rejectSecretKey(_ key: String) -> String? {
        let folded = key.lowercased().filter { $0.isLetter }
        guard ["apikey", "asapikey", "xapikey", "key", "token", "apitoken", "secret"].contains(folded) else {
            return nil
        }
        return "\(key) is not accepted here: do not put the API key in the config file; "
            + "set api_key_file to a file holding it (chmod 600) or export AS_API_KEY"
    }

    /// The value part: trimmed, then either a double-quoted string (escapes `\"`, `\\`) or bare
    /// text up to a ` #` comment.
    static func parseValue(_ raw: Substring, number: Int, path: String) throws(ConfigFileError) -> String {
        func fail(_ problem: String) -> ConfigFileError {
            ConfigFileError(path: path, line: number, problem: problem)
        }
        let trimmed = Substring(raw.trimmingCharacters(in: .whitespaces))
        guard trimmed.first == "\"" else {
            var value = trimmed
            if let comment = commentStart(in: value) { value = value[..<comment] }
            return value.trimmingCharacters(in: .whitespaces)
        }
        var result = ""
        var index = trimmed.index(after: trimmed.startIndex)
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character == "\"" {
                let rest = trimmed[trimmed.index(after: index)...].trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty && !rest.hasPrefix("#") {
                    throw fail("unexpected text after the closing quote")
                }
                return result
            }
            if character == "\\" {
                index = trimmed.index(after: index)
                guard index < trimmed.endIndex else { break }
                let escaped = trimmed[index]
                guard escaped == "\"" || escaped == "\\" else {
                    throw fail("unknown escape `\\\(escaped)` in quoted value (only \\\" and \\\\ are allowed)")
                }
                result.append(escaped)
            } else {
                result.append(character)
            }
            index = trimmed.index(after: index)
        }
        throw fail("missing closing quote")
    }

    // "\r\n" is a single Character in Swift, so splitting on "\n" alone misses CRLF files.
    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n"
    }

    /// A `#` starts a comment at the start of the (trimmed) value or after whitespace, so
    /// `http://host/#frag` or `run#3` stay whole; quote a value that must start with `#`.
    private static func commentStart(in value: Substring) -> Substring.Index? {
        var previous: Character = " "
        for index in value.indices {
            if value[index] == "#", previous == " " || previous == "\t" { return index }
            previous = value[index]
        }
        return nil
    }

    private enum Field: String, CaseIterable {
        case endpoint, anomaly_threshold, download_dir, refresh_interval, colors, image, api_key_file

        func apply(_ value: String, to config: inout ConfigFile, homeDirectory: String,
                   fail: (String) -> ConfigFileError) throws(ConfigFileError) {
            switch self {
            case .endpoint:
                guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                      scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
                    throw fail("endpoint must be an http:// or https:// URL, got \"\(value)\"")
                }
                config.endpoint = url
            case .anomaly_threshold:
                guard let number = Double(value), (0.0...1.0).contains(number) else {
                    throw fail("anomaly_threshold must be a number between 0 and 1")
                }
                config.anomalyThreshold = number
            case .download_dir:
                config.downloadDirectory = try expandTilde(value, homeDirectory: homeDirectory, key: rawValue, fail: fail)
            case .refresh_interval:
                guard let seconds = Double(value), seconds.isFinite, seconds > 0 else {
                    throw fail("refresh_interval must be a number of seconds greater than 0")
                }
                config.refreshInterval = seconds
            case .colors:
                guard let colors = Colors(rawValue: value) else {
                    throw fail("colors must be one of \(Colors.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.colors = colors
            case .image:
                guard let mode = ImageMode(rawValue: value) else {
                    throw fail("image must be one of \(ImageMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.image = mode
            case .api_key_file:
                config.apiKeyFile = try expandTilde(value, homeDirectory: homeDirectory, key: rawValue, fail: fail)
            }
        }

        private func expandTilde(_ value: String, homeDirectory: String, key: String,
                                 fail: (String) -> ConfigFileError) throws(ConfigFileError) -> String {
            let home = homeDirectory.count > 1 && homeDirectory.hasSuffix("/")
                ? String(homeDirectory.dropLast()) : homeDirectory
            if value == "~" { return home }
            if value.hasPrefix("~/") { return (home == "/" ? "" : home) + value.dropFirst() }
            if value.hasPrefix("~") {
                throw fail("\(key): `~user` paths are not supported; write the full path")
            }
            return value
        }
    }
}
