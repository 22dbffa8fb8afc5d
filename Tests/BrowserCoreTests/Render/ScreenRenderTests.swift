import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct ScreenRenderTests {
    static func screen(_ d: Driver) -> String { Screen.render(d.state).lines().joined(separator: "\n") }

    @Test func wideWindowShowsEveryPanelWithFullIds() throws {
        let d = try NavigationTests.ready(videos: 5, frames: 3, width: 160, height: 30)
        let lines = Screen.render(d.state).lines()
        #expect(lines.count == 30)
        #expect(lines[0].contains("atomscale-tui · test · 5 optical videos"))
        #expect(lines[1].contains("1 Videos  1/5"))
        #expect(lines[1].contains("2 Frames  1/3"))
        #expect(lines[1].contains("5 Preview"))
        #expect(lines.contains { $0.contains("3 Video") })
        #expect(lines.contains { $0.contains("6 Metrics") })
        let text = lines.joined(separator: "\n")
        #expect(text.contains("growth-run-0.mp4"))
        #expect(text.contains(Fixtures.id(0)), "data_id not shown in full")
        let frame = try #require(d.state.selectedFrame)
        #expect(text.contains(frame.imageUUID), "image_uuid not shown in full")
        #expect(text.contains("4 Frame"))
        #expect(lines[29].contains("? help"))
    }

    @Test func selectedRowIsReversedOnlyInTheFocusedPanel() throws {
        let d = try NavigationTests.ready(videos: 5, frames: 3, width: 160, height: 30)
        let buffer = Screen.render(d.state)
        let videosRect = d.state.layout.rect(.videos)
        let framesRect = d.state.layout.rect(.frames)
        #expect(buffer[videosRect.x + 1, videosRect.y + 1].style.reverse)
        #expect(!buffer[videosRect.x + 1, videosRect.y + 2].style.reverse)
        #expect(!buffer[framesRect.x + 1, framesRect.y + 1].style.reverse)
        #expect(buffer[framesRect.x + 1, framesRect.y + 1].style.bold)
    }

    @Test func narrowWindowStacksThePanelsAndStaysInside() throws {
        var d = try NavigationTests.ready(videos: 20, frames: 30, width: 40, height: 12)
        for key: Key in [.char("j"), .tab, .char("j"), .tab, .tab] { d.keys(key) }
        let buffer = Screen.render(d.state)
        let lines = buffer.lines()
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 40 })
        #expect(lines.contains { $0.contains("1 Videos") })
        #expect(lines.contains { $0.contains("2 Frames") })
        #expect(lines.contains { $0.contains("4 Frame ") || $0.hasPrefix("4 Frame") })
    }

    @Test func tinyWindowsSayTheyAreTooSmallAndNeverCrash() {
        for (w, h) in [(0, 0), (1, 1), (19, 5), (20, 4), (10, 30)] {
            var d = Driver(width: w, height: h)
            _ = d.loaded(Fixtures.videos(3))
            let buffer = Screen.render(d.state)
            #expect(buffer.width == w && buffer.height == h)
            if w >= 16 && h >= 2 { #expect(buffer.lines().joined().contains("too small")) }
        }
        var d = Driver(width: 20, height: 5)
        _ = d.loaded(Fixtures.videos(3))
        #expect(Screen.render(d.state).lines()[0].contains("atomscale"))
    }

    @Test func hostileNamesCannotEscapeOrBreakTheLayout() throws {
        let hostile = [
            Fixtures.video(0, name: "\u{1B}[31mred\u{1B}[0m\u{1B}]52;c;AAAA\u{07}"),
            Fixtures.video(1, name: "c1\u{9B}2J bidi\u{202E}txt.mp4"),
            Fixtures.video(2, name: "窒化ガリウム成長の記録とても長い名前です窒化ガリウム成長の記録とても長い名前です"),
            Fixtures.video(3, name: "Ga\u{0301}N combining e\u{0301}\u{0301}\u{0301}"),
            Fixtures.video(4, name: String(repeating: "x", count: 300), extra: ["detail_note_content": .string("line1\nline2\ttab\r\u{1B}c")]),
        ]
        for (w, h) in [(160, 30), (100, 20), (60, 15), (40, 12)] {
            var d = Driver(width: w, height: h)
            _ = d.loaded(hostile)
            for _ in 0..<5 {
                let buffer = Screen.render(d.state)
                for cell in buffer.cells {
                    #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) },
                            "control character drawn at \(w)x\(h)")
                }
                // Every row adds up to exactly the window width: nothing shifted the layout.
                for line in buffer.lines() { #expect(DisplayWidth.of(line) == w, "row width \(DisplayWidth.of(line)) at \(w)x\(h): \(line)") }
                d.keys(.char("j"))
            }
        }
    }

    @Test func helpOverlayListsEveryBindingAndScrolls() {
        // Tall enough for the whole table (it grows with every binding).
        var d = Driver(width: 120, height: Keymap.helpRows().count + 24)
        _ = d.loaded(Fixtures.videos(2))
        d.keys(.char("?"))
        let text = ScreenRenderTests.screen(d)
        for b in Keymap.bindings { #expect(text.contains(b.action.summary), "\(b.action) missing from help") }
        var small = Driver(width: 60, height: 14)
        _ = small.loaded(Fixtures.videos(2))
        small.keys(.char("?"))
        let top = ScreenRenderTests.screen(small)
        small.keys(.char("G"))
        let bottom = ScreenRenderTests.screen(small)
        #expect(top != bottom)
        #expect(bottom.contains("quit"))
    }

    @Test func promptShowsInTheStatusLine() {
        var d = Driver(width: 80, height: 20)
        _ = d.loaded(Fixtures.videos(2))
        d.keys(.char("/"))
        d.type("run-1")
        let last = Screen.render(d.state).lines()[19]
        #expect(last.hasPrefix("filter videos: /run-1"))
    }

    @Test func metadataWrapsLongValuesInsteadOfCuttingThem() {
        let id = String(repeating: "abcdef0123", count: 8)
        let v = Fixtures.video(1, extra: ["data_id": .string(id), "custom_field": .string("kept")])
        let lines = MetadataLines.video(v, width: 30)
        let joined = lines.filter { $0.kind == .field || $0.kind == .continuation }.map(\.text).joined()
        #expect(joined.contains(id))
        #expect(lines.contains { $0.label == "custom_field" || $0.text == "kept" || $0.label.hasPrefix("custom") })
        for line in lines { #expect(DisplayWidth.of(line.text) <= 30) }
    }
}
