import BrowserCore
import Foundation
import Testing

/// docs/keybindings.md is generated from the key table; a key added without regenerating it
/// would leave operators reading stale docs.
@Suite struct DocsAreCurrentTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func keybindingsDocMatchesTheKeyTable() throws {
        let path = Self.repositoryRoot.appendingPathComponent("docs/keybindings.md")
        let onDisk = try String(contentsOf: path, encoding: .utf8)
        #expect(onDisk == Keymap.helpMarkdown(),
                "docs/keybindings.md is stale: run `swift run atomscale-tui keys > docs/keybindings.md`")
    }

    @Test func readmeNamesEveryCommand() throws {
        let readme = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let cli = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        #expect(readme.contains("swift run atomscale-tui --demo") && readme.contains("swift test"))
        for command in ["videos", "frames", "demo-server", "keys", "render", "doctor", "triage export", "download"] {
            #expect(cli.contains("atomscale-tui \(command)"), "docs/cli.md does not document \(command)")
        }
    }
}
