#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict RFC 8259 parser from UTF-8 bytes straight to `JSONValue`.
///
/// Why not JSONSerialization: on Linux it builds a tree of Foundation objects that then has
/// to be converted, which for the 43 MB answer of a 50,000-video catalogue took about 2.5 s
/// and several hundred megabytes at its peak; this takes a fraction of both. Any value is
/// accepted at the top level (as `.fragmentsAllowed` did), nesting is limited to
/// `maxDepth`, numbers must be finite doubles, strings must not hold raw control
/// characters, and a UTF-8 byte order mark is skipped. Invalid UTF-8 inside strings and lone
/// surrogate escapes become U+FFFD rather than failing the whole answer.
struct JSONParser {
    struct Failure: Error, Equatable {
        let offset: Int
        let reason: String
    }

    static let maxDepth = 512

    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes.bindMemory(to: UInt8.self))
        if parser.input.count >= 3, parser.input[0] == 0xEF, parser.input[1] == 0xBB, parser.input[2] == 0xBF { parser.at = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.at == parser.input.count else { throw parser.fail("unexpected text after the value") }
        return value
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var at = 0
    /// Keys repeat in every object of a list: one String per distinct key, shared.
    private var keys: [KeyID: String] = [:]
    private var scratch: [UInt8] = []

    private init(_ input: UnsafeBufferPointer<UInt8>) { self.input = input }

    private func fail(_ reason: String) -> Failure { Failure(offset: at, reason: reason) }

    private mutating func skipSpace() {
        while at < input.count {
            switch input[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard at < input.count else { throw fail("unexpected end") }
        switch input[at] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard input.count - at >= count, memcmp(input.baseAddress! + at, word.utf8Start, count) == 0 else {
            throw fail("invalid literal")
        }
        at += count
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nested too deeply") }
        at += 1
        skipSpace()
        if at < input.count, input[at] == UInt8(ascii: "}") { at += 1; return .object([:]) }
        // Collected first, so the dictionary is allocated once at its final size.
        var pairs: [(String, JSONValue)] = []
        pairs.reserveCapacity(16)
        while true {
            guard at < input.count, input[at] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string(isKey: true)
            skipSpace()
            guard at < input.count, input[at] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            at += 1
            skipSpace()
            pairs.append((key, try value(depth: depth)))
            skipSpace()
            guard at < input.count else { throw fail("unexpected end") }
            switch input[at] {
            case UInt8(ascii: ","): at += 1; skipSpace()
            case UInt8(ascii: "}"):
                at += 1
                var object = [String: JSONValue](minimumCapacity: pairs.count)
                // A repeated key keeps its last value.
                for (key, value) in pairs { object[key] = value }
                return .object(object)
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nested too deeply") }
        at += 1
        var items: [JSONValue] = []
        skipSpace()
        if at < input.count, input[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth))
            skipSpace()
            guard at < input.count else { throw fail("unexpected end") }
            switch input[at] {
            case UInt8(ascii: ","): at += 1; skipSpace()
            case UInt8(ascii: "]"): at += 1; return .array(items)
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    // MARK: - Strings

    private mutating func string(isKey: Bool = false) throws(Failure) -> String {
        at += 1
        let start = at
        // Fast path: no escapes, the bytes are the text.
        while at < input.count {
            let byte = input[at]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: input[start..<at])
                at += 1
                return isKey ? key(raw) : String(decoding: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in a string") }
            at += 1
        }
        guard at < input.count else { throw fail("unterminated string") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<at]))
        while at < input.count {
            let byte = input[at]
            switch byte {
            case UInt8(ascii: "\""):
                at += 1
                return scratch.withUnsafeBufferPointer { isKey ? key($0) : String(decoding: $0, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                try escape()
            case 0..<0x20:
                throw fail("control character in a string")
            default:
                scratch.append(byte)
                at += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func escape() throws(Failure) {
        at += 1
        guard at < input.count else { throw fail("unterminated string") }
        let byte = input[at]
        at += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), input.count - at >= 6, input[at] == UInt8(ascii: "\\"),
               input[at + 1] == UInt8(ascii: "u") {
                let mark = at
                at += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    at = mark
                }
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            scratch.append(contentsOf: String(character).utf8)
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard input.count - at >= 4 else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = input[at]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// Up to 16 bytes of a key identify it; longer keys are checked byte for byte.
    private struct KeyID: Hashable {
        let length: Int
        let head: UInt64
        let tail: UInt64
    }

    private mutating func key(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let id = KeyID(length: raw.count, head: Self.word(raw, from: 0), tail: Self.word(raw, from: max(0, raw.count - 8)))
        if let known = keys[id], raw.count <= 16 || known.utf8.elementsEqual(raw) { return known }
        let text = String(decoding: raw, as: UTF8.self)
        if keys.count < 4096 { keys[id] = text }
        return text
    }

    private static func word(_ raw: UnsafeBufferPointer<UInt8>, from: Int) -> UInt64 {
        var w: UInt64 = 0
        for i in from..<min(raw.count, from + 8) { w = w << 8 | UInt64(raw[i]) }
        return w
    }

    // MARK: - Numbers

    private mutating func number() throws(Failure) -> Double {
        let start = at
        var integer = true
        if at < input.count, input[at] == UInt8(ascii: "-") { at += 1 }
        guard at < input.count, Self.isDigit(input[at]) else { throw fail("invalid value") }
        if input[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            while at < input.count, Self.isDigit(input[at]) { at += 1 }
        }
        if at < input.count, input[at] == UInt8(ascii: ".") {
            integer = false
            at += 1
            guard at < input.count, Self.isDigit(input[at]) else { throw fail("invalid number") }
            while at < input.count, Self.isDigit(input[at]) { at += 1 }
        }
        if at < input.count, input[at] == UInt8(ascii: "e") || input[at] == UInt8(ascii: "E") {
            integer = false
            at += 1
            if at < input.count, input[at] == UInt8(ascii: "+") || input[at] == UInt8(ascii: "-") { at += 1 }
            guard at < input.count, Self.isDigit(input[at]) else { throw fail("invalid number") }
            while at < input.count, Self.isDigit(input[at]) { at += 1 }
        }
        let text = UnsafeBufferPointer(rebasing: input[start..<at])
        // Up to 15 digits fit a Double exactly: no need for strtod.
        if integer, text.count <= 15 {
            var value: Int64 = 0
            var negative = false
            for byte in text {
                if byte == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
            }
            return Double(negative ? -value : value)
        }
        let parsed: Double = withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            for (i, byte) in text.enumerated() { buffer[i] = CChar(bitPattern: byte) }
            buffer[text.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        guard parsed.isFinite else { throw fail("number out of range") }
        return parsed
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
