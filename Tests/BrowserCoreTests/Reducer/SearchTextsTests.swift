import AtomscaleAPI
@testable import BrowserCore
import Testing

/// The byte-level index behind the `/` filter: the same answers as a plain lower-cased
/// `contains` on every item, however the texts and the needle fall in the buffer.
@Suite struct SearchTextsTests {
    /// The reference the index must agree with.
    static func naive(_ texts: [String], _ needle: String) -> [Int] {
        let n = needle.lowercased()
        return texts.indices.filter { n.isEmpty || Array(texts[$0].lowercased().utf8).containsSubsequence(Array(n.utf8)) }
    }

    @Test func agreesWithPlainContainsOnMixedTexts() {
        let texts = ["GaN run 7", "", "ab", "bc", "Résumé ÉTÉ", "ÅNGSTRÖM", "a", "aaa", "x\u{1F}GAN", "ga", "n", "窒化ガリウム", "emoji 🙂 GaN"]
        for needle in ["", "a", "ab", "abc", "bc", "gan", "GaN", "é", "ÉTÉ", "ångström", "ga", "an", "n", "aa", "aaaa", "\u{1F}g",
                       "化ガ", "🙂", "z", "a\u{1F}"] {
            let index = SearchTexts(texts) { $0 }
            #expect(index.matching(SearchTexts.needle(needle), among: nil) == Self.naive(texts, needle), "needle \(needle)")
            // Narrowing within a subset gives the subset's matches, whether the index scans
            // the subset's texts (few) or everything and keeps the subset's (many).
            for subset in [[4], [2, 9], [0, 2, 3, 4, 9, 12]] {
                #expect(index.matching(SearchTexts.needle(needle), among: subset) == Self.naive(texts, needle).filter(subset.contains))
            }
        }
    }

    /// "ab" + "bc" side by side in the buffer hold "abbc": a needle across the seam ("bb")
    /// matches neither item.
    @Test func aMatchAcrossTwoItemsIsNoMatch() {
        let index = SearchTexts(["xab", "bcy", "bb"]) { $0 }
        #expect(index.matching(SearchTexts.needle("bb"), among: nil) == [2])
        #expect(index.matching(SearchTexts.needle("abbc"), among: nil) == [])
        #expect(index.matching(SearchTexts.needle("b"), among: nil) == [0, 1, 2])
    }

    @Test func replacingATextShiftsTheOthers() {
        var index = SearchTexts(["alpha", "beta", "gamma"]) { $0 }
        index.replace(1, with: "a much longer BETA text")
        #expect(index.matching(SearchTexts.needle("beta"), among: nil) == [1])
        #expect(index.matching(SearchTexts.needle("gamma"), among: nil) == [2])
        index.replace(0, with: "")
        #expect(index.matching(SearchTexts.needle("alpha"), among: nil) == [])
        #expect(index.matching(SearchTexts.needle("a"), among: nil) == [1, 2])
    }

    @Test func randomTextsAgreeWithTheReference() {
        var rng = MonkeyTests.SplitMix(state: 77)
        let alphabet = Array("abAB é\u{1F}")
        for _ in 0..<200 {
            let texts = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let needle = String((0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(SearchTexts(texts) { $0 }.matching(SearchTexts.needle(needle), among: nil) == Self.naive(texts, needle),
                    "\(texts) / \(needle)")
        }
    }

    /// The list the effect runner builds off the UI thread, taken over by a list that has a
    /// filter: the filter stays in force.
    @Test func adoptedItemsKeepTheFilter() {
        var shown = FilteredList(["old gan", "old aln"]) { $0 }
        shown.setFilter("gan")
        shown.adoptItems(of: FilteredList(["new GaN 1", "new AlN", "new gan 2"]) { $0 })
        #expect(shown.filter == "gan")
        #expect((0..<shown.count).compactMap { shown[$0] } == ["new GaN 1", "new gan 2"])
    }
}

extension Array where Element == UInt8 {
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { Array(self[$0..<$0 + needle.count]) == needle }
    }
}
