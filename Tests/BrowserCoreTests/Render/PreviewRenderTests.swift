import AtomscaleAPI
@testable import BrowserCore
import ImageKit
import ScreenKit
import Testing

@Suite struct PreviewRenderTests {
    static let red = ImageKit.RGB(255, 0, 0)
    static let blue = ImageKit.RGB(0, 0, 255)

    /// A 4x2-cell image, red over blue, stored as the selected frame's decoded preview.
    static func withImage(mode: PreviewMode = .blocks, colours: ColorMode = .truecolor) throws -> Driver {
        var d = try PreviewFixtures.ready(frames: 3)
        d.state.previewMode = mode
        d.state.imageColorMode = colours
        let key = d.key(forRow: 0)
        let cells = CellImage(width: 4, height: 2, cells: Array(repeating: CellPixel(top: red, bottom: blue), count: 8))
        d.state.preview.images.insert(PreviewImage(cells: cells, pixelWidth: 1920, pixelHeight: 1080), for: key)
        return d
    }

    @Test func halfBlocksCarryTopAndBottomColoursCentredInThePane() throws {
        let d = try Self.withImage()
        let buffer = Screen.render(d.state)
        let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
        let left = pane.x + (pane.width - 4) / 2, top = pane.y + (pane.height - 2) / 2
        for y in top..<top + 2 {
            for x in left..<left + 4 {
                #expect(buffer[x, y].text == "▀")
                #expect(buffer[x, y].style.fg == .rgb(ScreenKit.RGB(255, 0, 0)))
                #expect(buffer[x, y].style.bg == .rgb(ScreenKit.RGB(0, 0, 255)))
            }
        }
        // Around it, the pane is blank.
        #expect(buffer[left - 1, top].text == " " && buffer[left + 4, top].text == " ")
        #expect(buffer[left, top - 1].text == " " && buffer[left, top + 2].text == " ")
        // The header: frame number, pixel size, no loading.
        let header = buffer.lines()[pane.y - 1]
        #expect(header.contains("5 Preview  frame 1/3 · 1920x1080 px"), "\(header)")
        #expect(!header.contains("loading"))
    }

    @Test func monochromeAndAsciiUseTheShadingRampWithoutColour() throws {
        for (mode, colours) in [(PreviewMode.blocks, ColorMode.mono), (.ascii, .palette256)] {
            let d = try Self.withImage(mode: mode, colours: colours)
            let buffer = Screen.render(d.state)
            let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
            let cell = buffer[pane.x + pane.width / 2, pane.y + pane.height / 2]
            let expected = ColorQuantizer.monoCharacter(luminance: (ColorQuantizer.luminance(Self.red) + ColorQuantizer.luminance(Self.blue)) / 2)
            #expect(cell.text == String(expected))
            #expect(ColorQuantizer.monoRamp.contains(Character(cell.text)))
            #expect(cell.style == .plain)
        }
    }

    @Test func letterboxHalvesLeaveTheTerminalBackground() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        let cells = CellImage(width: 3, height: 1, cells: [
            CellPixel(top: Self.red, bottom: nil), CellPixel(top: nil, bottom: Self.blue), .empty,
        ])
        ImageCells.draw(cells, in: buffer.bounds, ascii: false, &buffer)
        #expect(buffer[0, 0] == Cell("▀", style: Style(fg: .rgb(ScreenKit.RGB(255, 0, 0)))))
        #expect(buffer[1, 0] == Cell("▄", style: Style(fg: .rgb(ScreenKit.RGB(0, 0, 255)))))
        #expect(buffer[2, 0] == .blank)
    }

    @Test func loadingAndErrorStatesAreSpelledOut() throws {
        var d = try PreviewFixtures.ready(frames: 3)
        var text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("loading frame 1…"))
        #expect(text.contains("frame 1/3 · 640x480 px · loading…"))
        let load = try #require(d.openPreviewLoads.first)
        d.send(.previewLoaded(request: load.request, imageUUID: load.key.imageUUID,
                              .failure(.fetch(.http(status: 404, message: "no such image")))))
        text = Screen.render(d.state).lines().joined(separator: "\n")
        #expect(text.contains("frame 1: HTTP 404 Not Found: no such image"), "\(text)")
        #expect(text.contains("· error"))
    }

    @Test func noFrameOrNoVideoSaysSo() {
        var d = Driver()
        _ = d.loaded([])
        #expect(Screen.render(d.state).lines().joined().contains("no frame selected"))
    }

    @Test func tinyPanesAndOversizedImagesNeverCrash() {
        let big = CellImage(width: 50, height: 30, cells: Array(repeating: CellPixel(top: Self.red, bottom: Self.blue), count: 1500))
        for (w, h) in [(0, 0), (1, 1), (2, 1), (5, 2), (7, 40)] {
            var buffer = ScreenBuffer(width: 8, height: 8)
            ImageCells.draw(big, in: Rect(x: 3, y: 3, width: w, height: h), ascii: false, &buffer)
            ImageCells.draw(big, in: Rect(x: 3, y: 3, width: w, height: h), ascii: true, &buffer)
            for y in 0..<8 { for x in 0..<8 where x < 3 || y < 3 { #expect(buffer[x, y] == .blank) } }
            var state = AppState(width: 40, height: 20, sourceLabel: "t")
            PreviewPanel.draw(state, Rect(x: 0, y: 0, width: w, height: h), &buffer)
            state.previewMode = .off
            PreviewPanel.draw(state, Rect(x: 0, y: 0, width: w, height: h), &buffer)
        }
    }
}
