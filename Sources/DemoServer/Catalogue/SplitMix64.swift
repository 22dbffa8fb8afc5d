/// The demo's only source of randomness. Our own generator rather than the standard
/// library's, because `SystemRandomNumberGenerator` is not seedable and every byte the demo
/// serves must be identical from run to run (tests compare two servers' bodies).
struct SplitMix64: RandomNumberGenerator {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one labelled thing (an entry, a frame) so that adding or reordering
    /// draws elsewhere never shifts the values of anything else.
    init(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
        state = SplitMix64.mix(a &+ 0x9E37_79B9_7F4A_7C15 &* (b &+ 1) &+ 0xD1B5_4A32_D192_ED03 &* (c &+ 1))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a good 64-bit avalanche on its own, used as a hash.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// A value in [lo, hi).
    mutating func double(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// An integer in [0, n); n must be positive.
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Roughly normal noise (sum of uniforms): cheap and bounded, enough for plausible curves.
    mutating func gauss() -> Double { (unit() + unit() + unit() + unit() - 2.0) * 1.7320508 }
}

/// FNV-1a over a string, for seeding from labels. Stable across runs and platforms, unlike
/// `Hasher`, which is randomly seeded per process.
func stableHash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return SplitMix64.mix(h)
}
