import Foundation
import Testing
@testable import AtomscaleApp

private let path = "/home/u/.config/atomscale-tui/config"

private func parse(_ text: String) throws(ConfigFileError) -> ConfigFile {
    try ConfigFile.parse(text: text, path: path, homeDirectory: "/home/u")
}

/// The error for `text`, which must fail.
private func failure(_ text: String) -> ConfigFileError? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct ConfigFileTests {
    @Test func everyKeyIsParsed() throws {
        let config = try parse("""
            # atomscale-tui settings
            endpoint = https://api.atomscale.ai/
            anomaly_threshold = 0.35

            download_dir = ~/Videos/atomscale
            refresh_interval = 2.5
            colors = 256
            image = kitty
            api_key_file = ~/.secrets/atomscale-key
            """)
        #expect(config == ConfigFile(path: path,
                                     endpoint: URL(string: "https://api.atomscale.ai/"),
                                     anomalyThreshold: 0.35,
                                     downloadDirectory: "/home/u/Videos/atomscale",
                                     refreshInterval: 2.5,
                                     colors: .palette256,
                                     image: .kitty,
                                     apiKeyFile: "/home/u/.secrets/atomscale-key"))
    }

    @Test func emptyAndCommentOnlyFilesSetNothing() throws {
        #expect(try parse("") == ConfigFile(path: path))
        #expect(try parse("# nothing\n\n   # indented comment\r\n") == ConfigFile(path: path))
    }

    @Test func everyEnumValueIsAccepted() throws {
        for colors in ["auto", "truecolor", "256", "16", "none"] {
            #expect(try parse("colors = \(colors)").colors?.rawValue == colors)
        }
        for image in ["auto", "kitty", "blocks", "ascii", "off"] {
            #expect(try parse("image = \(image)").image?.rawValue == image)
        }
    }

    @Test func quotesEscapesCommentsAndWhitespace() throws {
        #expect(try parse(#"download_dir = "/data/my \"runs\" \\ 2024""#).downloadDirectory
                == #"/data/my "runs" \ 2024"#)
        #expect(try parse("download_dir = \"/data/with # hash\"   # trailing comment").downloadDirectory
                == "/data/with # hash")
        #expect(try parse("download_dir = /data/run#3").downloadDirectory == "/data/run#3")
        #expect(try parse("\t download_dir\t=\t /data/x   # where videos go\t").downloadDirectory == "/data/x")
        #expect(try parse("\u{FEFF}image = off\r\ncolors = none\r\n").image == .off)
        #expect(try parse("download_dir = \"  padded  \"").downloadDirectory == "  padded  ")
        #expect(try parse("download_dir = ~").downloadDirectory == "/home/u")
        #expect(try parse("download_dir = relative/dir").downloadDirectory == "relative/dir")
        #expect(try parse("endpoint = http://127.0.0.1:8080/").endpoint == URL(string: "http://127.0.0.1:8080/"))
        #expect(try parse("anomaly_threshold = 0").anomalyThreshold == 0)
        #expect(try parse("anomaly_threshold = 1").anomalyThreshold == 1)
    }

    @Test func errorsNameTheFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1", 1, "unknown key `a` (known keys: endpoint, anomaly_threshold, download_dir, refresh_interval, colors, image, api_key_file)"),
            ("\n\n# c\n\n\n\nanomaly_threshold = 1.5", 7, "anomaly_threshold must be a number between 0 and 1"),
            ("anomaly_threshold = high", 1, "anomaly_threshold must be a number between 0 and 1"),
            ("anomaly_threshold = nan", 1, "anomaly_threshold must be a number between 0 and 1"),
            ("anomaly_threshold = -0.1", 1, "anomaly_threshold must be a number between 0 and 1"),
            ("image = off\nendpoint = ftp://example.com/", 2, "endpoint must be an http:// or https:// URL, got \"ftp://example.com/\""),
            ("endpoint = api.atomscale.ai", 1, "endpoint must be an http:// or https:// URL, got \"api.atomscale.ai\""),
            ("refresh_interval = 0", 1, "refresh_interval must be a number of seconds greater than 0"),
            ("refresh_interval = -3", 1, "refresh_interval must be a number of seconds greater than 0"),
            ("refresh_interval = inf", 1, "refresh_interval must be a number of seconds greater than 0"),
            ("colors = 88", 1, "colors must be one of auto, truecolor, 256, 16, none"),
            ("image = sixel", 1, "image must be one of auto, kitty, blocks, ascii, off"),
            ("just some words", 1, "expected `key = value`"),
            (" = value", 1, "missing key before `=`"),
            ("download_dir =   # nothing", 1, "download_dir has no value"),
            ("download_dir = \"/x", 1, "missing closing quote"),
            ("download_dir = \"/x\" extra", 1, "unexpected text after the closing quote"),
            (#"download_dir = "/x\n""#, 1, #"unknown escape `\n` in quoted value (only \" and \\ are allowed)"#),
            ("download_dir = ~bob/videos", 1, "download_dir: `~user` paths are not supported; write the full path"),
            ("image = off\ncolors = 16\nimage = ascii", 3, "image is set twice (first on line 1)"),
        ]
        for (text, line, problem) in cases {
            let error = failure(text)
            #expect(error == ConfigFileError(path: path, line: line, problem: problem), "for \(text.debugDescription)")
        }
        #expect(failure("\n\n\n\n\n\nanomaly_threshold = 2")?.message
                == "\(path):7: anomaly_threshold must be a number between 0 and 1")
    }

    @Test func apiKeyIsRefusedWithoutEchoingIt() {
        for key in ["api_key", "API_KEY", "apikey", "api-key", "AS_API_KEY", "token"] {
            let error = failure("# secrets\n\(key) = sk-live-1234")
            #expect(error?.line == 2)
            #expect(error?.problem == "\(key) is not accepted here: do not put the API key in the config file; set api_key_file to a file holding it (chmod 600) or export AS_API_KEY")
            #expect(error?.message.contains("sk-live-1234") == false)
        }
        // A misspelt key is reported by name only, its value could be anything.
        #expect(failure("apikeyy = sk-live-1234")?.message.contains("sk-live-1234") == false)
    }

    @Test func loadFindsTheFileThroughXDGOrHome() throws {
        var template = Array("/tmp/config-tests-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let root = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { try? FileManager.default.removeItem(atPath: root) }

        // No file: nil, not an error.
        #expect(try ConfigFile.load(environment: ["HOME": root]) == nil)
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/atomscale-tui/config")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"]) == "/x/atomscale-tui/config")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "rel"]) == "/h/.config/atomscale-tui/config")

        let xdg = root + "/xdg"
        try FileManager.default.createDirectory(atPath: xdg + "/atomscale-tui", withIntermediateDirectories: true)
        let file = xdg + "/atomscale-tui/config"
        try "download_dir = ~/v\nrefresh_interval = 10\n".write(toFile: file, atomically: true, encoding: .utf8)
        let config = try #require(try ConfigFile.load(environment: ["HOME": root, "XDG_CONFIG_HOME": xdg]))
        #expect(config.path == file)
        #expect(config.downloadDirectory == root + "/v")
        #expect(config.refreshInterval == 10)

        try "colors = rainbow\n".write(toFile: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigFileError.self) {
            try ConfigFile.load(environment: ["HOME": root, "XDG_CONFIG_HOME": xdg])
        }
        #expect(error?.message == "\(file):1: colors must be one of auto, truecolor, 256, 16, none")
    }
}
