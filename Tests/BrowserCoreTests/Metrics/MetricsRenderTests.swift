import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct MetricsRenderTests {
    typealias F = MetricsFixtures

    /// The text of one panel's rectangle, row by row.
    static func pane(_ buffer: ScreenBuffer, _ rect: Rect) -> [String] {
        (rect.y..<rect.maxY).map { y in (rect.x..<rect.maxX).map { buffer[$0, y].text }.joined() }
    }

    static func assertClean(_ buffer: ScreenBuffer, _ label: String) {
        for cell in buffer.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) },
                    "control character drawn (\(label))")
        }
        for line in buffer.lines() {
            #expect(DisplayWidth.of(line) == buffer.width, "row width \(DisplayWidth.of(line)) of \(buffer.width) (\(label)): \(line)")
        }
    }

    @Test func eachMetricHasItsTitlePlotAndTheAlignmentRule() throws {
        let d = try Driver.withMetrics(frames: 20, series: F.rows(count: 20, anomalies: [4]))
        let buffer = Screen.render(d.state)
        let rect = d.state.layout.rect(.metrics)
        let lines = Self.pane(buffer, rect)
        #expect(lines[0].hasPrefix("6 Metrics  2 metrics"))
        #expect(lines[1].contains("perimeter_px (px)"))
        #expect(lines[1].contains("0…9"))
        #expect(lines[1].contains("▸ 0"), "value at the selected frame: \(lines[1])")
        #expect(lines.contains { $0.contains("circularity") })
        #expect(lines.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }, "no braille plot")
        #expect(lines.last!.contains("aligned by frame number as position · ⚠1 frame at p ≥ 0.5"))
    }

    @Test func theCursorFollowsTheSelectedFrameAndAnomaliesAreRed() throws {
        var d = try Driver.withMetrics(frames: 20, series: F.rows(count: 20, anomalies: [10]))
        d.keys(.char("2"))
        func cursorColumns() -> Set<Int> {
            let buffer = Screen.render(d.state)
            let rect = d.state.layout.rect(.metrics)
            var columns = Set<Int>()
            for y in (rect.y + 2)..<(rect.y + 3) {
                for x in rect.x..<rect.maxX where buffer[x, y].style.reverse { columns.insert(x) }
            }
            return columns
        }
        let atStart = cursorColumns()
        #expect(atStart.count == 1)
        d.keys(.char("G"))
        let atEnd = cursorColumns()
        #expect(atEnd.count == 1 && atEnd.first! > atStart.first!)
        // The anomalous sample's cell is red, and the selected anomalous frame says so.
        d.keys(.char("]"))
        let buffer = Screen.render(d.state)
        let rect = d.state.layout.rect(.metrics)
        let red = (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { buffer[$0, y] } }
            .filter { $0.style.fg == .ansi(1) && ($0.text.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false) }
        #expect(!red.isEmpty, "no red plot cell")
        #expect(Self.pane(buffer, rect)[1].contains("⚠ 0"), "anomalous value not flagged: \(Self.pane(buffer, rect)[1])")
    }

    @Test func framesListMarksAnomalousFramesInRed() throws {
        let d = try Driver.withMetrics(frames: 10, series: F.rows(count: 10, anomalies: [2, 3]))
        let buffer = Screen.render(d.state)
        let rect = d.state.layout.rect(.frames)
        let lines = Self.pane(buffer, rect)
        #expect(lines[3].contains(" 3! "), "\(lines[3])")
        #expect(lines[4].contains(" 4! "))
        #expect(!lines[2].contains("!") && !lines[5].contains("!"))
        let x = try #require((rect.x..<rect.maxX).first { buffer[$0, rect.y + 3].text == "!" })
        #expect(buffer[x - 1, rect.y + 3].text == "3")
        #expect(buffer[x, rect.y + 3].style.fg == .ansi(1))
    }

    @Test func frameMetadataListsEveryMetricAtTheFrame() throws {
        var d = try Driver.withMetrics(frames: 12, series: F.rows(count: 10, anomalies: [3]))
        d.keys(.char("2"), .char("j"), .char("j"), .char("j"))
        var text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("─ metrics ─"))
        #expect(text.contains("⚠ 3 px · z -1 · ema z 0.25 · p 0.9 · anomalous"), "\(text)")
        #expect(text.contains("4 · z -1 · ema z 0.25 · p 0.9"))
        // Frames past the samples have none.
        d.keys(.char("G"))
        text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("no sample"))
        let readings = d.state.selectedFrameReadings
        #expect(readings.count == 2 && readings.allSatisfy { $0.sample == nil })
    }

    @Test func loadingEmptyAndNoVideoStates() throws {
        var d = Driver()
        _ = d.loaded(Fixtures.videos(2))
        #expect(Self.pane(Screen.render(d.state), d.state.layout.rect(.metrics)).joined().contains("loading metrics…"))
        let empty = try Driver.withMetrics(series: .empty)
        #expect(Self.pane(Screen.render(empty.state), empty.state.layout.rect(.metrics)).joined().contains("no metrics yet"))
        var none = Driver()
        _ = none.loaded([])
        #expect(Self.pane(Screen.render(none.state), none.state.layout.rect(.metrics)).joined().contains("no video selected"))
    }

    @Test func manyMetricsScrollWithJAndK() throws {
        let names = (0..<9).map { "metric_\($0)" }
        var d = try Driver.withMetrics(frames: 20, series: F.rows(count: 20, names: names, units: []), height: 30)
        d.keys(.char("6"))
        let rect = d.state.layout.rect(.metrics)
        let plan = MetricsLayout.plan(metricCount: 9, height: rect.height - 1)
        #expect(plan.visible < 9)
        var lines = Self.pane(Screen.render(d.state), rect)
        #expect(lines[0].contains("1-\(plan.visible)/9"))
        #expect(lines[1].contains("metric_0"))
        d.keys(.char("j"))
        lines = Self.pane(Screen.render(d.state), rect)
        #expect(lines[1].contains("metric_1"))
        d.keys(.char("G"))
        lines = Self.pane(Screen.render(d.state), rect)
        #expect(lines[0].contains("\(9 - plan.visible + 1)-9/9"))
        #expect(lines.contains { $0.contains("metric_8") })
        d.keys(.char("j"))
        #expect(d.state.metrics.scroll == 9 - plan.visible)
        d.keys(.char("g"), .char("k"))
        #expect(d.state.metrics.scroll == 0)
        // Another video starts at the top again.
        d.keys(.char("G"), .char("1"), .char("j"))
        #expect(d.state.metrics.scroll == 0)
    }

    @Test func theLayoutPlanFitsTheHeight() {
        for count in [1, 2, 5, 40] {
            for height in 0...30 {
                let plan = MetricsLayout.plan(metricCount: count, height: height)
                #expect(plan.visible * (plan.plotRows + 1) + (plan.footer ? 1 : 0) <= max(0, height), "\(count) in \(height)")
                if height >= 2 && count > 0 { #expect(plan.visible >= 1) }
                #expect(plan.visible <= count)
            }
        }
        #expect(MetricsLayout.plan(metricCount: 1, height: 40).plotRows == MetricsLayout.maxPlotRows)
    }

    @Test func anySizeFromTinyToWideKeepsEveryRowInside() throws {
        for (w, h) in [(0, 0), (1, 1), (20, 5), (24, 8), (40, 12), (60, 20), (100, 30), (160, 45), (250, 70)] {
            var d = try Driver.withMetrics(frames: 30, series: F.rows(count: 25, anomalies: [1, 9]), width: w, height: h)
            for key: Key in [.char("6"), .char("]"), .char("j"), .char("4"), .char("2"), .char("["), .char("5")] {
                d.keys(key)
                let buffer = Screen.render(d.state)
                #expect(buffer.width == w && buffer.height == h)
                Self.assertClean(buffer, "\(w)x\(h) after \(key)")
            }
        }
    }

    @Test func hostileMetricNamesAndUnitsCannotBreakTheLayout() throws {
        let names = ["\u{1B}[31mred\u{1B}[0m\u{1B}]52;c;AAAA\u{07}", "c1\u{9B}2J bidi\u{202E}txt",
                     "窒化ガリウム成長の記録とても長い名前です窒化ガリウム", "Ga\u{0301}N e\u{0301}\u{0301}", String(repeating: "x", count: 300)]
        let units: [String?] = ["\u{1B}c", "µm\u{0}", "度", nil, String(repeating: "u", count: 80)]
        let series = F.rows(count: 12, anomalies: [2], names: names, units: units)
        for (w, h) in [(160, 45), (100, 30), (60, 20), (40, 12), (24, 8)] {
            var d = try Driver.withMetrics(frames: 12, series: series, width: w, height: h)
            for key: Key in [.char("6"), .char("j"), .char("j"), .char("4"), .char("]"), .char("j")] {
                d.keys(key)
                Self.assertClean(Screen.render(d.state), "hostile \(w)x\(h) after \(key)")
            }
        }
    }
}
