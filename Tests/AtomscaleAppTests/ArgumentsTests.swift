import Testing
@testable import AtomscaleApp

@Suite struct ArgumentsTests {
    let spec = ArgumentSpec.global.adding(flags: ["--json"], options: ["--search"])

    @Test func optionsFlagsAndPositionals() throws {
        let a = try Arguments.parse(["id-1", "--json", "--endpoint", "http://x/", "--search=a b", "--search", "c"], spec: spec)
        #expect(a.positionals == ["id-1"])
        #expect(a.has("--json"))
        #expect(a.value("--endpoint") == "http://x/")
        #expect(a.values("--search") == ["a b", "c"])
    }

    @Test func doubleDashEndsOptions() throws {
        let a = try Arguments.parse(["--", "--json"], spec: spec)
        #expect(a.positionals == ["--json"])
        #expect(!a.has("--json"))
    }

    @Test func unknownOptionIsAUsageError() {
        #expect(throws: UsageError("unknown option --bogus")) { try Arguments.parse(["--bogus"], spec: spec) }
    }

    @Test func missingValueIsAUsageError() {
        #expect(throws: UsageError("--endpoint needs a value")) { try Arguments.parse(["--endpoint"], spec: spec) }
    }

    @Test func flagWithValueIsAUsageError() {
        #expect(throws: UsageError("--json takes no value")) { try Arguments.parse(["--json=1"], spec: spec) }
    }

    @Test func apiKeyOnTheCommandLineIsRefusedWithoutEchoingIt() throws {
        do {
            _ = try Arguments.parse(["--api-key", "sk-secret-123"], spec: spec)
            Issue.record("--api-key was accepted")
        } catch {
            #expect(error.message.contains("AS_API_KEY"))
            #expect(!error.message.contains("sk-secret-123"))
        }
        #expect(throws: UsageError.self) { try Arguments.parse(["--api-key=sk-secret-123"], spec: spec) }
    }

    @Test func integerOptionsAreRangeChecked() throws {
        let a = try Arguments.parse(["--port", "70000"], spec: ArgumentSpec(flags: [], options: ["--port"]))
        #expect(throws: UsageError.self) { try a.int("--port", in: 0...65535) }
        let b = try Arguments.parse(["--port", "8080"], spec: ArgumentSpec(flags: [], options: ["--port"]))
        #expect(try b.int("--port", in: 0...65535) == 8080)
    }
}
