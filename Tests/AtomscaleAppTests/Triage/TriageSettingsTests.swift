import Foundation
import FrameDownloads
import Testing
@testable import AtomscaleApp

@Suite struct TriageSettingsTests {
    func config(_ text: String) throws -> ConfigFile {
        try ConfigFile.parse(text: text, path: "/c", homeDirectory: "/home/op")
    }

    @Test func flagsWinOverTheConfigWhichWinsOverDefaults() throws {
        let c = try config("download_dir = ~/frames\nrefresh_interval = 2\n")
        #expect(try TriageSettings.downloadDirectory(flag: nil, config: c) == "/home/op/frames")
        #expect(try TriageSettings.downloadDirectory(flag: "/data", config: c) == "/data")
        #expect(try TriageSettings.downloadDirectory(flag: nil, config: nil) == FileManager.default.currentDirectoryPath)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(try TriageSettings.downloadDirectory(flag: "out", config: nil) == (cwd == "/" ? "" : cwd) + "/out")
        #expect(try TriageSettings.refreshInterval(nil, config: c) == 2)
        #expect(try TriageSettings.refreshInterval("10", config: c) == 10)
        #expect(try TriageSettings.refreshInterval(nil, config: nil) == 5)
        #expect(try TriageSettings.refreshInterval(nil, config: try config("refresh_interval = 0.01")) == 0.5)
    }

    @Test func badValuesAreUsageErrors() {
        for bad in ["0", "-1", "abc", "nan", "1e9"] {
            #expect(throws: UsageError.self) { try TriageSettings.refreshInterval(bad, config: nil) }
        }
        #expect(throws: UsageError.self) { try TriageSettings.downloadDirectory(flag: "", config: nil) }
    }

    @Test func browserFlagsAreValidatedBeforeAnythingElse() async {
        let captured = CapturedOutput()
        let status = await AtomscaleMain.run(arguments: ["--refresh-interval", "0"], environment: [:], output: captured.output)
        #expect(status == 2)
        #expect(captured.stderr.contains("--refresh-interval"))
    }

    @Test func progressBarLine() {
        var p = FrameDownloadProgress(total: 300)
        p.saved = 140; p.skipped = 10; p.failed = 1
        #expect(ProgressBar.line(p) == "[###############...............]  151/300  10 already there  1 failed")
        #expect(ProgressBar.counter(FrameDownloadProgress(total: 1200)) == "   0/1200")
    }

    @Test func progressIsOneLinePerFileWhenNotATerminal() {
        let captured = CapturedOutput()
        let bar = ProgressBar(output: captured.output, live: false)
        var p = FrameDownloadProgress(total: 2)
        p.saved = 1; p.lastFile = "frame-00001-aaaa.png"
        bar.update(p)
        p.skipped = 1; p.lastFile = "frame-00002-bbbb.png"
        bar.update(p)
        bar.finish()
        #expect(captured.stderr == "1/2 saved frame-00001-aaaa.png\n2/2 already there frame-00002-bbbb.png\n")
    }

    @Test func downloadUsageErrors() async {
        for args in [["download"], ["download", "a", "b"], ["download", "x", "--jobs", "0"], ["download", "x", "--jobs", "99"],
                     ["download", "x", "--dir", ""]] {
            let captured = CapturedOutput()
            let status = await AtomscaleMain.run(arguments: args, environment: ["XDG_CONFIG_HOME": "/nonexistent"],
                                                 output: captured.output)
            #expect(status == 2, "\(args): \(captured.stderr)")
        }
    }
}
