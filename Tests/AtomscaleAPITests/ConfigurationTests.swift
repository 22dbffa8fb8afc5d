import Foundation
import Testing
@testable import AtomscaleAPI

/// `APIConfiguration.resolve`: precedence of flags, environment and config file, endpoint
/// validation, and key files whose errors name the path but never the contents.
@Suite struct ConfigurationTests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "atomscale-api-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let path = dir + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func resolve(flag: String? = nil, keyFile: String? = nil, env: [String: String] = [:],
                 configEndpoint: String? = nil, configKeyFile: String? = nil) throws -> APIConfiguration {
        try APIConfiguration.resolve(endpointFlag: flag, apiKeyFile: keyFile, environment: env,
                                     configEndpoint: configEndpoint.flatMap(URL.init(string:)), configKeyFile: configKeyFile)
    }

    func configurationError(_ body: () throws -> APIConfiguration) -> String? {
        do { _ = try body(); return nil } catch let e as ConfigurationError { return e.message } catch { return "other: \(error)" }
    }

    @Test func endpointPrecedenceIsFlagThenEnvironmentThenConfigThenDefault() throws {
        let env = ["AS_API_ENDPOINT": "https://env.example/api"]
        #expect(try resolve(flag: "http://flag.example:8080", env: env, configEndpoint: "https://config.example/").endpoint.absoluteString
                == "http://flag.example:8080/")
        #expect(try resolve(env: env, configEndpoint: "https://config.example/").endpoint.absoluteString == "https://env.example/api/")
        #expect(try resolve(env: ["AS_API_ENDPOINT": "  "], configEndpoint: "https://config.example/").endpoint.absoluteString
                == "https://config.example/")
        #expect(try resolve().endpoint.absoluteString == "https://api.atomscale.ai/")
    }

    @Test func invalidEndpointsAreRefusedWithTheirSource() {
        for (bad, source) in [("ftp://files.example/", "--endpoint"), ("not a url", "--endpoint"), ("http://", "--endpoint"),
                              ("api.atomscale.ai", "--endpoint"), ("https://h.example/?x=1", "--endpoint"), ("", "--endpoint")] {
            let message = configurationError { try resolve(flag: bad) }
            #expect(message?.contains(source) == true, "\(bad): \(message ?? "accepted")")
        }
        let fromEnv = configurationError { try resolve(env: ["AS_API_ENDPOINT": "file:///etc/passwd"]) }
        #expect(fromEnv?.contains("AS_API_ENDPOINT") == true)
        #expect(fromEnv?.contains("http") == true)
        let fromConfig = configurationError { try resolve(configEndpoint: "gopher://x/") }
        #expect(fromConfig?.contains("config") == true)
    }

    @Test func endpointWithCredentialsIsRefusedWithoutEchoingThem() {
        let message = configurationError { try resolve(flag: "https://alice:hunter2pw@api.example/") }
        #expect(message != nil)
        #expect(message?.contains("hunter2pw") == false)
        #expect(message?.contains("password") == true)
    }

    @Test func keyPrecedenceIsFileFlagThenEnvironmentThenConfigFile() throws {
        let flagFile = try file("flag-key", "  flag-key-1  \nsecond line ignored\n")
        let configFile = try file("config-key", "config-key-3\n")
        let env = ["AS_API_KEY": " env-key-2 "]
        #expect(try resolve(keyFile: flagFile, env: env, configKeyFile: configFile).apiKey == "flag-key-1")
        #expect(try resolve(env: env, configKeyFile: configFile).apiKey == "env-key-2")
        #expect(try resolve(env: ["AS_API_KEY": "   "], configKeyFile: configFile).apiKey == "config-key-3")
        #expect(try resolve(configKeyFile: configFile).apiKey == "config-key-3")
        #expect(try resolve().apiKey == nil)
        // The flag wins, so a broken config key file is never even read.
        #expect(try resolve(keyFile: flagFile, configKeyFile: dir + "/missing").apiKey == "flag-key-1")
    }

    @Test func keyFileWithWindowsLineEndingAndNoNewline() throws {
        #expect(try resolve(keyFile: try file("crlf", "crlf-key\r\nmore")).apiKey == "crlf-key")
        #expect(try resolve(keyFile: try file("bare", "bare-key")).apiKey == "bare-key")
    }

    @Test func keyFileErrorsNameThePathButNeverTheContents() throws {
        let missing = dir + "/does-not-exist"
        let m1 = configurationError { try resolve(keyFile: missing) }
        #expect(m1?.contains(missing) == true && m1?.contains("No such file") == true, "\(m1 ?? "")")

        let m2 = configurationError { try resolve(keyFile: dir) }
        #expect(m2?.contains(dir) == true && m2?.contains("directory") == true, "\(m2 ?? "")")

        let empty = try file("empty", "   \n secret-on-line-two \n")
        let m3 = configurationError { try resolve(keyFile: empty) }
        #expect(m3?.contains(empty) == true && m3?.contains("empty") == true, "\(m3 ?? "")")
        #expect(m3?.contains("secret-on-line-two") == false)

        let spaced = try file("spaced", "secret-part-a secret-part-b\n")
        let m4 = configurationError { try resolve(keyFile: spaced) }
        #expect(m4?.contains(spaced) == true)
        #expect(m4?.contains("secret-part") == false, "\(m4 ?? "")")

        let m5 = configurationError { try resolve(env: ["AS_API_KEY": "env secret\u{1B}[2J"]) }
        #expect(m5?.contains("AS_API_KEY") == true)
        #expect(m5?.contains("env secret") == false)

        let m6 = configurationError { try resolve(configKeyFile: missing) }
        #expect(m6?.contains(missing) == true)
    }

    @Test func originIsSchemeHostAndExplicitPortLowerCased() {
        func origin(_ s: String) -> String { APIConfiguration(endpoint: URL(string: s)!, apiKey: nil).origin }
        #expect(origin("HTTPS://API.Atomscale.AI/") == "https://api.atomscale.ai")
        #expect(origin("http://127.0.0.1:8080/some/path/") == "http://127.0.0.1:8080")
        #expect(origin("https://h.example:443/") == "https://h.example:443")
        #expect(origin("https://h.example/v1") == "https://h.example")
        let client = AtomscaleClient(configuration: APIConfiguration(endpoint: URL(string: "https://x.example:8443/a/")!, apiKey: "k"))
        #expect(client.origin == "https://x.example:8443")
    }

    @Test func sameOriginComparisonUsesDefaultPorts() {
        #expect(URLOrigin(URL(string: "https://h.example/")) == URLOrigin(URL(string: "https://H.example:443/x")))
        #expect(URLOrigin(URL(string: "https://h.example/")) != URLOrigin(URL(string: "http://h.example/")))
        #expect(URLOrigin(URL(string: "https://h.example/")) != URLOrigin(URL(string: "https://h.example:8443/")))
        #expect(URLOrigin(URL(string: "https://h.example/")) != URLOrigin(URL(string: "https://h.example.evil/")))
        #expect(URLOrigin(URL(string: "file:///etc/passwd")) == nil)
    }

    @Test func printingAConfigurationDoesNotRevealTheKey() {
        let config = APIConfiguration(endpoint: URL(string: "https://h.example/")!, apiKey: "very-secret-key")
        var dumped = ""
        dump(config, to: &dumped)
        for text in [String(describing: config), String(reflecting: config), "\(config)", dumped] {
            #expect(!text.contains("very-secret-key"), "\(text)")
        }
        #expect(APIConfiguration(endpoint: URL(string: "https://h.example")!, apiKey: nil).endpoint.absoluteString == "https://h.example/")
    }
}
