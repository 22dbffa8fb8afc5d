import Foundation

/// Writes JSON bytes directly. The large catalogue's `data_entries/` body is tens of
/// megabytes; building `[String: Any]` trees for JSONSerialization would cost far more time
/// and memory than appending bytes, and key order would not be stable between runs.
/// Commas are tracked per open container so callers only say what comes next.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One bit per open container (bit n for depth n): set until its first member is
    /// written. A bit stack rather than [Bool]: this runs per value, tens of millions of times.
    private var first: UInt64 = 0
    private var depth = 0

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var data: Data { Data(bytes) }

    mutating func beginObject() { separate(); bytes.append(0x7B); push() }
    mutating func endObject() { bytes.append(0x7D); depth -= 1 }
    mutating func beginArray() { separate(); bytes.append(0x5B); push() }
    mutating func endArray() { bytes.append(0x5D); depth -= 1 }

    /// A member key; the value written next belongs to it.
    mutating func key(_ k: StaticString) {
        separate()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22); bytes.append(0x3A)
        pendingValue = true
    }

    mutating func key(_ k: String) {
        separate()
        writeString(k)
        bytes.append(0x3A)
        pendingValue = true
    }

    mutating func string(_ s: String) { separate(); writeString(s) }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func null() { separate(); append("null") }
    mutating func bool(_ b: Bool) { separate(); append(b ? "true" : "false") }

    mutating func int<T: BinaryInteger>(_ v: T) {
        separate()
        writeInteger(Int64(v))
    }

    /// A number with at most `places` decimals, trailing zeros dropped; non-finite as null.
    mutating func double(_ v: Double, places: Int = 3) {
        separate()
        guard v.isFinite else { append("null"); return }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (v * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { bytes.append(contentsOf: String(v).utf8); return }
        var n = Int64(scaled)
        if n < 0 { bytes.append(0x2D); n = -n }
        writeInteger(n / scale)
        var frac = n % scale
        guard frac != 0 else { return }
        var digits = places
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        bytes.append(0x2E)
        var buf = [UInt8](repeating: 0x30, count: digits)
        var i = digits - 1
        while frac > 0 { buf[i] = UInt8(48 + frac % 10); frac /= 10; i -= 1 }
        bytes.append(contentsOf: buf)
    }

    mutating func double(_ v: Double?, places: Int = 3) {
        if let v { double(v, places: places) } else { null() }
    }

    /// Pre-serialised JSON (a cached body) as the next value.
    mutating func raw(_ json: [UInt8]) { separate(); bytes.append(contentsOf: json) }

    // MARK: - internals

    /// Set by `key`: the next value follows a colon, not a comma.
    private var pendingValue = false

    private mutating func push() {
        precondition(depth < 64, "JSON nested too deeply for the demo's writer")
        first |= 1 << UInt64(depth)
        depth += 1
    }

    private mutating func separate() {
        if pendingValue { pendingValue = false; return }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if first & bit != 0 { first &= ~bit } else { bytes.append(0x2C) }
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func writeInteger(_ value: Int64) {
        var v = value
        if v < 0 { bytes.append(0x2D); v = -v }
        if v < 10 { bytes.append(UInt8(48 + v)); return }
        var buf: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &buf) { p in
            while v > 0 { p[19 - n] = UInt8(48 + v % 10); v /= 10; n += 1 }
            bytes.append(contentsOf: p[(20 - n)...])
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes quote, backslash and C0 controls (as JSON requires); everything else,
    /// including ESC's friends in C1 and bidi controls, goes out as raw UTF-8 the way a
    /// real server's encoder would send it.
    private mutating func writeString(_ s: String) {
        bytes.append(0x22)
        // Fast path, most strings: nothing to escape, so copy the UTF-8 in one go (per-byte
        // appends dominate the time of a 70 MB catalogue body otherwise).
        var s = s
        let copied: Bool = s.withUTF8 { utf8 in
            for b in utf8 where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied { bytes.append(0x22); return }
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
