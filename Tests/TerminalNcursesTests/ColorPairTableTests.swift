import Testing
@testable import TerminalNcurses

/// The pair table as pure logic: `definePair` records what ncurses would have been told.
@Suite struct ColorPairTableTests {
    final class Recorder {
        var defined: [(pair: Int32, fg: Int32, bg: Int32)] = []
        var refuse: Set<Int32> = []   // colour numbers "ncurses" rejects
        func define(_ pair: Int32, _ fg: Int32, _ bg: Int32) -> Bool {
            if refuse.contains(fg) || refuse.contains(bg) { return false }
            defined.append((pair, fg, bg))
            return true
        }
    }

    @Test func defaultColoursArePairZeroWithoutDefining() {
        let rec = Recorder()
        var table = ColorPairTable(capacity: 10, definePair: rec.define)
        #expect(table.pair(fg: -1, bg: -1) == 0)
        #expect(rec.defined.isEmpty)
        #expect(table.count == 0)
    }

    @Test func allocatesInOrderAndReusesKnownCombinations() {
        let rec = Recorder()
        var table = ColorPairTable(capacity: 10, definePair: rec.define)
        #expect(table.pair(fg: 1, bg: -1) == 1)
        #expect(table.pair(fg: -1, bg: 4) == 2)
        #expect(table.pair(fg: 1, bg: 4) == 3)
        #expect(table.pair(fg: 1, bg: -1) == 1)
        #expect(table.pair(fg: 4, bg: 1) == 4)   // order matters: (4,1) is not (1,4)
        #expect(rec.defined.map(\.pair) == [1, 2, 3, 4])
        #expect(rec.defined[2].fg == 1 && rec.defined[2].bg == 4)
    }

    @Test func neverExceedsCapacityAndReportsFull() {
        let rec = Recorder()
        var table = ColorPairTable(capacity: 5, definePair: rec.define)
        for fg in Int32(0)..<5 { #expect(table.pair(fg: fg, bg: 0) == fg + 1) }
        #expect(table.pair(fg: 9, bg: 9) == nil)
        #expect(table.pair(fg: 10, bg: 9) == nil)
        // Known combinations still resolve while full.
        #expect(table.pair(fg: 2, bg: 0) == 3)
        #expect(rec.defined.count == 5)
        #expect(rec.defined.allSatisfy { $0.pair >= 1 && $0.pair <= 5 })
    }

    @Test func resetStartsNumberingAgainAndRedefines() {
        let rec = Recorder()
        var table = ColorPairTable(capacity: 3, definePair: rec.define)
        _ = table.pair(fg: 1, bg: 1); _ = table.pair(fg: 2, bg: 2); _ = table.pair(fg: 3, bg: 3)
        #expect(table.pair(fg: 4, bg: 4) == nil)
        table.reset()
        #expect(table.resets == 1)
        #expect(table.count == 0)
        #expect(table.pair(fg: 4, bg: 4) == 1)
        #expect(table.pair(fg: 1, bg: 1) == 2)   // forgotten: defined afresh
        #expect(rec.defined.suffix(2).map(\.pair) == [1, 2])
        #expect(rec.defined.last!.fg == 1)
    }

    @Test func refusedColoursFallBackToDefaultsWithoutUsingANumber() {
        let rec = Recorder()
        rec.refuse = [300]
        var table = ColorPairTable(capacity: 3, definePair: rec.define)
        #expect(table.pair(fg: 300, bg: 0) == 0)
        #expect(table.pair(fg: 1, bg: 0) == 1)
        #expect(table.count == 1)
    }

    @Test func zeroCapacityIsAlwaysFull() {
        var table = ColorPairTable(capacity: 0) { _, _, _ in true }
        #expect(table.pair(fg: -1, bg: -1) == 0)
        #expect(table.pair(fg: 1, bg: 2) == nil)
    }

    @Test func aLargePreviewFitsInExtendedPairs() {
        // A 200x60 half-block preview: up to 12000 distinct (fg, bg) pairs.
        var defined = 0
        var table = ColorPairTable(capacity: 65535) { _, _, _ in defined += 1; return true }
        for i in Int32(0)..<12000 { #expect(table.pair(fg: i, bg: i &* 7 % 12000) != nil) }
        #expect(defined == 12000)
        #expect(table.resets == 0)
    }
}
