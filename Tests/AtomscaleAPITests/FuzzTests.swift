import Foundation
import Testing
@testable import AtomscaleAPI

/// Mutated real payloads through every decoder: each call returns a value or throws an
/// `APIError` with a clean one-line message, and never crashes. Deterministic (seeded).
@Suite struct FuzzTests {
    /// SplitMix64: small, seedable, the same sequence on every machine.
    struct SeededRNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [String] = [
        #"[{"data_id": "d290f1ee-6c54-4b01-90e6-d701748f0851", "char_source_type": "optical", "raw_name": "GaN run 7.mp4", "pipeline_status": "success", "growth_length": 3600.5, "upload_datetime": "2024-05-01T10:00:00Z", "tags": ["GaN", {"name": "MBE"}], "projects": [{"id": "p1", "name": "Nitrides"}], "file_metadata": {"fps": 30}, "detail_note_content": null}, {"data_id": "x2", "char_source_type": "xps"}]"#,
        #"{"video_uuid": "d290f1ee", "frames": [{"image_uuid": "a1b2c3d4", "processed_file_metadata": {"file_type": "png", "width": 1920, "height": 1080}, "time_seconds": 0.5}, {"image_uuid": "b2", "timestamp_seconds": "1.0", "frame_number": 2}]}"#,
        #"{"properties": {"perimeter_px": {"relative_time_seconds": [0, 0.5, null], "unix_timestamp_ms": [1700000000000, "1700000000500", null], "values": [10.5, 11, 12], "units": "px"}, "perimeter_px_z_score": {"relative_time_seconds": [0], "unix_timestamp_ms": [1700000000000], "values": [0.2]}, "circularity": {"values": [0.9, 0.8]}}}"#,
        #"{"series": [{"frame_number": 0, "relative_time_seconds": 0, "unix_timestamp_ms": 1700000000000, "perimeter_px": 10, "perimeter_px_anomaly_probability": 0.1, "hausdorff_px": "2.5"}, {"frame_number": 1, "relative_time_seconds": 0.5, "unix_timestamp_ms": null, "edge_roughness": 1}]}"#,
        #"{"url": "https://bucket.example/a.png?X-Amz-Signature=abc&X-Amz-Expires=300", "file_name": "a.png", "file_format": "png"}"#,
        #"{"detail": [{"loc": ["query", "keywords"], "msg": "bad", "type": "value_error"}]}"#,
    ]

    struct Tally { var values = 0; var errors = 0 }

    /// Runs every decoder on `data`; records an issue for a message that is not one clean line.
    static func exercise(_ data: Data, _ tally: inout Tally) {
        func check(_ body: () throws -> Void) {
            do {
                try body()
                tally.values += 1
            } catch {
                tally.errors += 1
                guard let error = error as? APIError else { Issue.record("not an APIError: \(error)"); return }
                let message = error.message
                if message.isEmpty || message.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    Issue.record("bad message \(message.debugDescription) for \(String(decoding: data, as: UTF8.self).debugDescription)")
                }
            }
        }
        check { _ = try APIDecoding.catalogue(data) }
        check { _ = try APIDecoding.frames(data) }
        check { _ = try APIDecoding.timeseries(data) }
        check { _ = try APIDecoding.imageLink(data) }
        let message = ErrorBody.message(data)
        if message.count > ErrorBody.detailLimit || message.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            Issue.record("bad error message \(message.debugDescription)")
        }
    }

    @Test func truncationAtEveryLength() {
        var tally = Tally()
        for seed in Self.seeds {
            let bytes = Data(seed.utf8)
            for n in 0...bytes.count { Self.exercise(bytes.prefix(n), &tally) }
        }
        #expect(tally.values > 0 && tally.errors > 0)
    }

    @Test func randomByteMutations() {
        var rng = SeededRNG(state: 0xA70_5CA1E)
        var tally = Tally()
        let alphabet = Array(#"{}[]",:0123456789.eE-+ \ntruefalsnl"\u00e9"#.utf8) + [0x00, 0x1B, 0x7F, 0xC3, 0xFF, 0xE2, 0x80, 0xAE]
        for _ in 0..<2500 {
            var bytes = [UInt8](Self.seeds.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: i)
                case 2: if bytes.count > 1 { bytes.remove(at: i) }
                default: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            Self.exercise(Data(bytes), &tally)
        }
        #expect(tally.values > 0 && tally.errors > 0)
    }

    /// Valid JSON with values swapped for other kinds: the type confusion a changed API causes.
    @Test func typeSwaps() throws {
        var rng = SeededRNG(state: 42)
        var tally = Tally()
        let replacements: [JSONValue] = [.null, .bool(true), .number(-1e300), .number(0.5), .string(""), .string("12"),
                                         .string("\u{1B}]0;title\u{7}"), .array([]), .array([.null, .string("x")]), .object([:]),
                                         .object(["image_uuid": .number(1), "data_id": .array([])])]
        func mutate(_ v: JSONValue, depth: Int, rng: inout SeededRNG) -> JSONValue {
            if depth > 0, Int.random(in: 0..<5, using: &rng) == 0 { return replacements.randomElement(using: &rng)! }
            switch v {
            case .array(let a): return .array(a.map { mutate($0, depth: depth + 1, rng: &rng) })
            case .object(let o): return .object(o.mapValues { mutate($0, depth: depth + 1, rng: &rng) })
            default: return v
            }
        }
        let encoder = JSONEncoder()
        let parsed = try Self.seeds.map { try JSONBody.parse(Data($0.utf8), what: "seed") }
        for i in 0..<1500 {
            let mutated = mutate(parsed[i % parsed.count], depth: 0, rng: &rng)
            Self.exercise(try encoder.encode(mutated), &tally)
        }
        #expect(tally.values > 0 && tally.errors > 0)
    }

    @Test func hostileShapes() {
        var tally = Tally()
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let deepObject = String(repeating: #"{"properties":"#, count: 5000) + "1" + String(repeating: "}", count: 5000)
        let inputs = [deep, deepObject, "1e400", "-0", "\u{FEFF}[]", "[1,]", "{\"a\":1,\"a\":2}", String(repeating: "\"", count: 10_001),
                      #"{"properties": {"m": {"values": [1, 2], "relative_time_seconds": [1e308, -1e308], "unix_timestamp_ms": ["inf", "nan"]}}}"#,
                      #"{"series": [{"frame_number": 1e300, "m": 1}, {"frame_number": -9.5, "m": 2}]}"#]
        for text in inputs { Self.exercise(Data(text.utf8), &tally) }
        #expect(tally.errors > 0)
    }
}
