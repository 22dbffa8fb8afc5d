import DemoServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AtomscaleAPI

/// The hand-written parser behind every decoder: the same values JSONSerialization gives for
/// valid JSON, errors (never crashes) for everything else.
@Suite struct JSONParserTests {
    static func parse(_ text: String) -> JSONValue? {
        try? Data(text.utf8).withUnsafeBytes { try JSONParser.parse($0) }
    }

    /// What JSONSerialization makes of the same text, converted the way the client used to.
    static func oracle(_ text: String) -> JSONValue? {
        guard let any = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        func convert(_ any: Any) -> JSONValue {
            if let s = any as? String { return .string(s) }
            if let d = any as? [String: Any] { return .object(d.mapValues(convert)) }
            if let a = any as? [Any] { return .array(a.map(convert)) }
            if let n = any as? NSNumber {
                if n.objCType.pointee == CChar(UInt8(ascii: "c")) { return .bool(n.boolValue) }
                return .number(n.doubleValue)
            }
            return .null
        }
        return convert(any)
    }

    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#, "[]", "{}", " [ 1 , 2 ] ", "0", "-0.5", "1e3", "1E-3", "-12.5e+2",
        "123456789012345", "1234567890123456789", "9007199254740993", "0.1", "3.141592653589793", #""plain""#,
        #""esc \" \\ \/ \b \f \n \r \t""#, #""\u00e9\u4e2d\ud83d\ude00""#, #""GáN 窒化 🙂""#, "true", "null",
        #"[{"data_id": "x", "tags": ["a", {"name": "b"}], "n": -1}]"#, #"{"a": 1, "a": 2}"#,
        #"{"long_key_number_one_is_long": 1, "long_key_number_two_is_long": 2, "long_key_number_one_is_long": 3}"#,
    ])
    func agreesWithJSONSerialization(_ text: String) {
        let ours = Self.parse(text)
        #expect(ours != nil, "rejected \(text)")
        #expect(ours == Self.oracle(text), "\(text)")
    }

    @Test(arguments: [
        "", " ", "[", "]", "{", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{1: 2}", "01", "1.", ".5", "-", "+1", "1e", "1e+",
        "tru", "nul", "falsey", "[1] [2]", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"tab\there\"",
        "1e400", "-1e400", "NaN", "Infinity", "[1 2]", "{\"a\":1,}", "'single'",
    ])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(Self.parse(text) == nil, "accepted \(text.debugDescription)")
    }

    /// The demo's real answers (hostile names, escapes, wide text, both timeseries shapes):
    /// the same values as JSONSerialization, byte for byte.
    @Test func agreesOnTheDemoAnswers() async throws {
        let server = try DemoServer.start()
        defer { server.stop() }
        let facts = server.catalogue.facts
        let paths = ["data_entries/?include_organization_data=true", "data_entries/?data_type=optical"]
            + [facts.video300FramesID, facts.missingMetadataVideoID, facts.extraFrameKeyVideoID].map { "optical/frame/video_single_frames/\($0)" }
            + ([facts.bareRowTimeseriesVideoID, facts.stringTimestampVideoID, facts.nullTimestampVideoID] + facts.rowTimeseriesVideoIDs)
                .map { "optical/timeseries/\($0)/" }
        for path in paths {
            var request = URLRequest(url: URL(string: path, relativeTo: server.apiURL)!)
            request.setValue("k", forHTTPHeaderField: "X-API-KEY")
            let body: Data = try await withCheckedThrowingContinuation { done in
                URLSession.shared.dataTask(with: request) { data, _, error in
                    if let data { done.resume(returning: data) } else { done.resume(throwing: error ?? URLError(.unknown)) }
                }.resume()
            }
            let text = String(decoding: body, as: UTF8.self)
            #expect(body.count > 10, "\(path)")
            let ours = Self.parse(text)
            #expect(ours != nil && ours == Self.oracle(text), "\(path)")
        }
    }

    @Test func depthIsLimited() {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(Self.parse(ok) != nil)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.parse(deep) == nil)
        let deepObjects = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(Self.parse(deepObjects) == nil)
    }

    @Test func oddTextIsRepairedNotFatal() {
        // A byte order mark is skipped; lone surrogates and invalid UTF-8 become U+FFFD.
        #expect(Self.parse("\u{FEFF}[1]") == .array([.number(1)]))
        #expect(Self.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(Self.parse(#""\udc00""#) == .string("\u{FFFD}"))
        #expect(Self.parse(#""\ud83dx\ude00""#) == .string("\u{FFFD}x\u{FFFD}"))
        let invalid = Data([0x22, 0x61, 0xFF, 0xC3, 0x22])
        #expect((try? invalid.withUnsafeBytes { try JSONParser.parse($0) }) == .string("a\u{FFFD}\u{FFFD}"))
    }

    @Test func aFailureSaysWhere() {
        do {
            _ = try Data("[1, 2,, 3]".utf8).withUnsafeBytes { try JSONParser.parse($0) }
            Issue.record("accepted")
        } catch let failure as JSONParser.Failure {
            #expect(failure.offset == 6)
        } catch {
            Issue.record("\(error)")
        }
    }
}
