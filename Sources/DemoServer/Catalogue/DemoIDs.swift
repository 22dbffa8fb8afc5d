/// Deterministic, lower-case 8-4-4-4-12 UUIDs (version 4 and RFC 4122 variant bits set, so
/// they look like the platform's) that can be decoded back into what they name. Decoding is
/// what keeps the large catalogue lazy: `frames/{id}` and `processed_data/{image}` find
/// entry 73,512 or frame 19,999 from the id alone, without a 100,000-entry index.
///
/// The last 48 bits carry a payload (kind, a, b) through an invertible mix so that
/// neighbouring ids do not look sequential; the first 64 bits are a hash of the payload.
/// A decoded id is only trusted after re-encoding it gives the same string.
enum DemoID {
    enum Kind: UInt64 {
        case entry = 1, image = 2, project = 3, sample = 4, user = 5, signature = 6
    }

    static let maxA = (1 << 21) - 1
    static let maxB = (1 << 24) - 1
    private static let mask48: UInt64 = (1 << 48) - 1
    private static let c1: UInt64 = 0x9FB2_1C65_1E98_DF25 & mask48 | 1
    private static let c2: UInt64 = 0xC2B2_AE3D_27D4_EB4F & mask48 | 1
    private static let c1Inverse = inverse(c1)
    private static let c2Inverse = inverse(c2)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func make(_ kind: Kind, _ a: Int, _ b: Int = 0) -> String {
        precondition(a >= 0 && a <= maxA && b >= 0 && b <= maxB, "demo id payload out of range")
        let payload = kind.rawValue << 45 | UInt64(a) << 24 | UInt64(b)
        let p = permute(payload)
        var hi = SplitMix64.mix(p ^ 0x5EED_A70C_5CA1_E000)
        hi = hi & ~0xF000 | 0x4000
        let variant = 0x8000 | (SplitMix64.mix(p) >> 50 & 0x3FFF)
        var out = [UInt8]()
        out.reserveCapacity(36)
        func hex(_ v: UInt64, digits: Int) {
            var shift = (digits - 1) * 4
            while shift >= 0 { out.append(hexDigits[Int(v >> UInt64(shift) & 0xF)]); shift -= 4 }
        }
        hex(hi >> 32, digits: 8); out.append(45)
        hex(hi >> 16 & 0xFFFF, digits: 4); out.append(45)
        hex(hi & 0xFFFF, digits: 4); out.append(45)
        hex(variant, digits: 4); out.append(45)
        hex(p, digits: 12)
        return String(decoding: out, as: UTF8.self)
    }

    /// The (kind, a, b) an id was made from, or nil when the string is not one of ours.
    static func decode(_ id: String) -> (kind: Kind, a: Int, b: Int)? {
        let bytes = Array(id.utf8)
        guard bytes.count == 36 else { return nil }
        var p: UInt64 = 0
        for c in bytes[24...] {
            guard let v = hexValue(c) else { return nil }
            p = p << 4 | v
        }
        let payload = unpermute(p)
        guard let kind = Kind(rawValue: payload >> 45) else { return nil }
        let a = Int(payload >> 24 & UInt64(maxA)), b = Int(payload & UInt64(maxB))
        guard make(kind, a, b) == id else { return nil }
        return (kind, a, b)
    }

    /// A 64-hex-digit pseudo signature for a presigned URL, fixed per image.
    static func signature(for imageUUID: String) -> String {
        var rng = SplitMix64(stableHash(imageUUID), Kind.signature.rawValue)
        var s = ""
        for _ in 0..<4 {
            let v = rng.next()
            for shift in stride(from: 60, through: 0, by: -4) {
                s.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(v >> UInt64(shift) & 0xF)]))
            }
        }
        return s
    }

    private static func hexValue(_ c: UInt8) -> UInt64? {
        switch c {
        case 48...57: return UInt64(c - 48)
        case 97...102: return UInt64(c - 87)
        default: return nil
        }
    }

    static func permute(_ v: UInt64) -> UInt64 {
        var x = v & mask48
        x ^= x >> 17
        x = x &* c1 & mask48
        x ^= x >> 19
        x = x &* c2 & mask48
        x ^= x >> 23
        return x
    }

    static func unpermute(_ v: UInt64) -> UInt64 {
        var x = undoShift(v & mask48, 23)
        x = x &* c2Inverse & mask48
        x = undoShift(x, 19)
        x = x &* c1Inverse & mask48
        return undoShift(x, 17)
    }

    private static func undoShift(_ y: UInt64, _ s: UInt64) -> UInt64 {
        var x = y
        for _ in 0..<(48 / Int(s) + 1) { x = y ^ (x >> s) }
        return x & mask48
    }

    /// Inverse of an odd number modulo 2^64 (so also modulo 2^48), by Newton's iteration.
    private static func inverse(_ c: UInt64) -> UInt64 {
        var inv = c
        for _ in 0..<5 { inv = inv &* (2 &- c &* inv) }
        return inv
    }
}
