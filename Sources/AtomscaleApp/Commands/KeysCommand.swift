import BrowserCore

/// `keys`: the key table from the same bindings the browser uses, as docs/keybindings.md.
enum KeysCommand {
    static func run(_ argv: [String], output: Output) throws -> Int32 {
        let args = try Arguments.parse(argv, spec: ArgumentSpec(flags: ["--help", "-h", "--version"], options: []))
        if args.has("--help") || args.has("-h") { output.print(Usage.keys); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.isEmpty else { throw UsageError("keys takes no arguments") }
        output.write(Keymap.helpMarkdown())
        return 0
    }
}
