import BrowserCore
import Testing
@testable import AtomscaleApp

@Suite struct AnomalyThresholdTests {
    static let spec = ArgumentSpec.global.adding(flags: ["--no-color"], options: [AnomalyThreshold.flag])

    static func flag(_ args: [String]) throws -> Double? {
        try AnomalyThreshold.flagValue(Arguments.parse(args, spec: spec))
    }

    @Test func theFlagTakesANumberFromZeroToOne() throws {
        #expect(try Self.flag([]) == nil)
        #expect(try Self.flag(["--anomaly-threshold", "0.8"]) == 0.8)
        #expect(try Self.flag(["--anomaly-threshold=0"]) == 0)
        #expect(try Self.flag(["--anomaly-threshold", "1"]) == 1)
        #expect(try Self.flag(["--anomaly-threshold", ".25"]) == 0.25)
    }

    @Test func anythingElseIsAUsageError() {
        for bad in ["1.5", "-0.1", "abc", "", "nan", "inf", "0.5x"] {
            #expect(throws: UsageError("--anomaly-threshold must be a number from 0 to 1, not '\(bad)'"), "\(bad)") {
                try Self.flag(["--anomaly-threshold", bad])
            }
        }
    }

    @Test func theFlagOverridesTheConfigWhichOverridesTheDefault() throws {
        let config = try ConfigFile.parse(text: "anomaly_threshold = 0.7\n", path: "config")
        #expect(AnomalyThreshold.resolve(flag: 0.3, config: config) == 0.3)
        #expect(AnomalyThreshold.resolve(flag: nil, config: config) == 0.7)
        #expect(AnomalyThreshold.resolve(flag: nil, config: ConfigFile(path: "config")) == 0.5)
        #expect(AnomalyThreshold.resolve(flag: nil, config: nil) == Anomalies.defaultThreshold)
    }

    @Test func theBrowserRefusesABadThresholdBeforeItNeedsATerminal() async {
        let captured = CapturedOutput()
        let status = await AtomscaleMain.run(arguments: ["--anomaly-threshold", "2"],
                                             environment: ["XDG_CONFIG_HOME": "/nonexistent-config"],
                                             output: captured.output)
        #expect(status == 2)
        #expect(captured.stderr.contains("--anomaly-threshold must be a number from 0 to 1"))
    }
}
