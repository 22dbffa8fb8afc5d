import Foundation

/// The keys of one object inside a JSON text, in the order they are written.
/// JSONSerialization returns dictionaries, which forget that order, yet metrics should be
/// listed the way the pipeline emitted them. This scanner only walks to one object and reads
/// its keys (values are skipped, not parsed). It is iterative, so deep nesting cannot
/// overflow the stack, and returns nil on anything it does not understand; callers then fall
/// back to sorting by name.
enum JSONKeyOrder {
    enum Step: Sendable {
        case key(String)
        case index(Int)
    }

    static func keys(_ data: Data, at path: [Step]) -> [String]? {
        var scanner = Scanner(bytes: [UInt8](data))
        for step in path {
            switch step {
            case .key(let key): guard scanner.enterValue(ofKey: key) else { return nil }
            case .index(let index): guard scanner.enterElement(index) else { return nil }
            }
        }
        return scanner.objectKeys()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func take(_ c: Character) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }

        /// Reads a string at the cursor; escapes are decoded by JSONSerialization.
        mutating func string() -> String? {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            let start = i
            var j = i + 1
            var escaped = false
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                if bytes[j] == UInt8(ascii: "\\") { escaped = true; j += 1 }
                j += 1
            }
            guard j < bytes.count else { return nil }
            i = j + 1
            if !escaped { return String(decoding: bytes[(start + 1)..<j], as: UTF8.self) }
            let literal = Data(bytes[start...j])
            return (try? JSONSerialization.jsonObject(with: literal, options: [.fragmentsAllowed])) as? String
        }

        /// Skips one value of any kind, nested containers included.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard i < bytes.count else { return false }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < bytes.count {
                    switch bytes[i] {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                let start = i
                while i < bytes.count, !",}] \t\r\n".utf8.contains(bytes[i]) { i += 1 }
                return i > start
            }
        }

        mutating func enterValue(ofKey wanted: String) -> Bool {
            guard take("{") else { return false }
            if take("}") { return false }
            while true {
                guard let key = string(), take(":") else { return false }
                if key == wanted { return true }
                guard skipValue() else { return false }
                if take(",") { continue }
                return false
            }
        }

        mutating func enterElement(_ index: Int) -> Bool {
            guard take("[") else { return false }
            for _ in 0..<max(0, index) {
                guard skipValue(), take(",") else { return false }
            }
            skipSpace()
            return i < bytes.count && bytes[i] != UInt8(ascii: "]")
        }

        mutating func objectKeys() -> [String]? {
            guard take("{") else { return nil }
            var keys: [String] = []
            if take("}") { return keys }
            while true {
                guard let key = string(), take(":"), skipValue() else { return nil }
                keys.append(key)
                if take(",") { continue }
                return take("}") ? keys : nil
            }
        }
    }

    /// `names` in the scanned order, unknown or unscanned ones after them by name.
    static func ordered(_ names: some Collection<String>, scanned: [String]?) -> [String] {
        let wanted = Set(names)
        var seen = Set<String>()
        var result: [String] = []
        for key in scanned ?? [] where wanted.contains(key) && seen.insert(key).inserted { result.append(key) }
        result += wanted.subtracting(seen).sorted()
        return result
    }
}
