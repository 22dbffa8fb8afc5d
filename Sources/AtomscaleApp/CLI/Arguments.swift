/// A usage mistake: printed with a hint to `--help`, exit status 2.
struct UsageError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Which flags (no value) and options (one value) a command accepts.
struct ArgumentSpec {
    var flags: Set<String>
    var options: Set<String>

    static let global = ArgumentSpec(
        flags: ["--demo", "--help", "-h", "--version"],
        options: ["--endpoint", "--api-key-file", "--scale"])

    func adding(flags: Set<String> = [], options: Set<String> = []) -> ArgumentSpec {
        ArgumentSpec(flags: self.flags.union(flags), options: self.options.union(options))
    }
}

/// Parsed command line: `--opt value`, `--opt=value`, flags, and positionals (`--` ends options).
struct Arguments: Equatable {
    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: [String]] = [:]

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func value(_ option: String) -> String? { options[option]?.last }
    func values(_ option: String) -> [String] { options[option] ?? [] }

    static func parse(_ args: [String], spec: ArgumentSpec) throws(UsageError) -> Arguments {
        var out = Arguments()
        var i = 0
        var optionsEnded = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                out.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            if name == "--api-key" {
                // argv is visible to every user of the machine (ps, /proc): refuse it outright.
                throw UsageError("--api-key is not accepted: the command line is visible to other users. Set AS_API_KEY or use --api-key-file PATH")
            }
            if spec.flags.contains(name) {
                if inline != nil { throw UsageError("\(name) takes no value") }
                out.flags.insert(name)
            } else if spec.options.contains(name) {
                if let inline {
                    out.options[name, default: []].append(inline)
                } else {
                    guard i < args.count else { throw UsageError("\(name) needs a value") }
                    out.options[name, default: []].append(args[i])
                    i += 1
                }
            } else {
                throw UsageError("unknown option \(name)")
            }
        }
        return out
    }

    func int(_ option: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let raw = value(option) else { return nil }
        guard let n = Int(raw), range.contains(n) else {
            throw UsageError("\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
