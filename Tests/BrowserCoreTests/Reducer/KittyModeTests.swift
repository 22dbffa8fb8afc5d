import AtomscaleAPI
@testable import BrowserCore
import Foundation
import ImageKit
import ScreenKit
import Testing

/// `--image kitty`: ids, uploads once per frame and box, placeholder cells, the fallback.
@Suite struct KittyModeTests {
    static func kittyDriver(frames: Int = 5, width: Int = 160, height: Int = 45) throws -> Driver {
        var d = try PreviewFixtures.ready(frames: frames, width: width, height: height)
        d.state.previewMode = .kitty
        return d
    }

    /// A decoded frame as the pipeline makes it in kitty mode: cells plus a PNG to send,
    /// placed in a box a little smaller than the pane (the image's own aspect ratio).
    static func picture(_ key: PreviewKey) -> PreviewImage {
        var image = PreviewFixtures.solid(key, colour: ImageKit.RGB(9, 9, 9))
        image.kitty = KittyPicture(png: Data(key.imageUUID.utf8), columns: key.columns - 4, rows: key.rows - 2,
                                   pixelWidth: 640, pixelHeight: 480)
        return image
    }

    static func uploads(_ effects: [Effect]) -> [(id: UInt32, png: Data, columns: Int, rows: Int)] {
        effects.compactMap {
            if case .kittyUpload(let id, let png, let c, let r) = $0 { return (id, png, c, r) }
            return nil
        }
    }

    static func deletes(_ effects: [Effect]) -> [UInt32] {
        effects.compactMap { if case .kittyDelete(let id) = $0 { return id }; return nil }
    }

    /// Answers every open load with a kitty-ready image; returns the effects.
    @discardableResult
    static func answerAll(_ d: inout Driver, kitty: Bool = true) -> [Effect] {
        var out: [Effect] = []
        for _ in 0..<20 {
            let open = d.openPreviewLoads
            if open.isEmpty { break }
            for load in open {
                let image = kitty ? picture(load.key) : PreviewFixtures.solid(load.key, colour: ImageKit.RGB(9, 9, 9))
                out += d.send(.previewLoaded(request: load.request, imageUUID: load.key.imageUUID, .success(image)))
            }
        }
        return out
    }

    @Test func theShownFrameIsUploadedOnceForItsBox() throws {
        var d = try Self.kittyDriver()
        let effects = Self.answerAll(&d)
        let key = d.key(forRow: 0)
        let ups = Self.uploads(effects)
        // Only the frame on screen, not the prefetched neighbours.
        #expect(ups.count == 1)
        #expect(ups.first?.id == 16)
        #expect(ups.first?.png == Data(key.imageUUID.utf8))
        #expect(ups.first?.columns == key.columns - 4 && ups.first?.rows == key.rows - 2)
        #expect(d.state.kitty.ids[key] == 16)
        // Redraw-causing events and coming back to the frame send nothing again.
        var later = d.send(.resize(width: 160, height: 45))
        later += d.keys(.char("j"))
        later += Self.answerAll(&d)
        #expect(Self.uploads(later).map(\.id) == [17], "the next frame gets the next id")
        let back = d.keys(.char("k"))
        #expect(Self.uploads(back).isEmpty && Self.deletes(back).isEmpty)
        #expect(d.state.kitty.order.last == key)
    }

    @Test func aNewBoxIsANewUploadAndThePlayerUsesItsOwn() throws {
        var d = try Self.kittyDriver()
        Self.answerAll(&d)
        d.keys(.enter)
        let effects = Self.answerAll(&d)
        let playerKey = d.key(forRow: 0)
        #expect(playerKey.columns == 160 && playerKey.rows == 42)
        let ups = Self.uploads(effects)
        #expect(ups.count == 1 && ups.first?.id == 17)
        #expect(ups.first?.columns == 156 && ups.first?.rows == 40)
        let buffer = Screen.render(d.state)
        // The placement (156x40) centred in the player's 160x42 picture area at y 1.
        let left = (160 - 156) / 2, top = 1 + (42 - 40) / 2
        #expect(buffer[left, top].text == "\u{10EEEE}\u{0305}\u{0305}")
        #expect(buffer[left, top].style.fg == .indexed(17))
        #expect(buffer[left + 155, top + 39].text.unicodeScalars.map(\.value)
                == [0x10EEEE, KittyGraphics.diacritics[39], KittyGraphics.diacritics[155]])
        #expect(buffer[left - 1, top].text == " " && buffer[left + 156, top].text == " ")
    }

    @Test func placeholderCellsFillThePlacementCentredInThePane() throws {
        var d = try Self.kittyDriver()
        Self.answerAll(&d)
        let key = d.key(forRow: 0)
        let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
        #expect(pane.width == key.columns && pane.height == key.rows)
        let buffer = Screen.render(d.state)
        let left = pane.x + 2, top = pane.y + 1
        for row in 0..<key.rows - 2 {
            for column in 0..<key.columns - 4 {
                let cell = buffer[left + column, top + row]
                #expect(cell.text.unicodeScalars.map(\.value)
                        == [0x10EEEE, KittyGraphics.diacritics[row], KittyGraphics.diacritics[column]])
                #expect(cell.style == Style(fg: .indexed(16)))
            }
        }
        #expect(!buffer[pane.x + 1, top].text.unicodeScalars.contains("\u{10EEEE}"))
        #expect(!buffer[left, pane.y].text.unicodeScalars.contains("\u{10EEEE}"))
        // On a direct-colour terminal the id is a 24-bit colour.
        d.state.kittyDirectColour = true
        #expect(Screen.render(d.state)[left, top].style.fg == .rgb(ScreenKit.RGB(0, 0, 16)))
    }

    @Test func framesWithoutAPictureFallBackToHalfBlocks() throws {
        var d = try Self.kittyDriver()
        let effects = Self.answerAll(&d, kitty: false)
        #expect(Self.uploads(effects).isEmpty)
        #expect(d.state.kitty.ids.isEmpty)
        let pane = PreviewPanel.imageRect(d.state.layout.rect(.preview))
        let cell = Screen.render(d.state)[pane.x + pane.width / 2, pane.y + pane.height / 2]
        #expect(cell.text == "▀")
        // Half-block mode never uploads, even with a picture at hand.
        var blocks = try PreviewFixtures.ready(frames: 3)
        #expect(Self.uploads(Self.answerAll(&blocks)).isEmpty)
        #expect(Screen.render(blocks.state)[pane.x + pane.width / 2, pane.y + pane.height / 2].text == "▀")
    }

    @Test func whenIdsRunOutTheLeastRecentlyShownIsDeletedAndItsIdReused() throws {
        var d = try Self.kittyDriver()
        // Every id taken by frames shown before, the oldest first.
        for (n, id) in KittyImages.ids.enumerated() {
            let key = PreviewKey(imageUUID: "old-\(n)", columns: 10, rows: 5)
            d.state.kitty.ids[key] = id
            d.state.kitty.order.append(key)
            d.state.kitty.placements[id] = KittyPlacement(id: id, columns: 10, rows: 5)
        }
        #expect(d.state.kitty.uploaded.count == 240)
        let effects = Self.answerAll(&d)
        let kittyEffects = effects.filter {
            switch $0 { case .kittyUpload, .kittyDelete: return true; default: return false }
        }
        #expect(kittyEffects.count == 2)
        #expect(Self.deletes(kittyEffects) == [16])
        #expect(Self.uploads(kittyEffects).map(\.id) == [16])
        guard case .kittyDelete? = kittyEffects.first else { Issue.record("delete before upload"); return }
        #expect(d.state.kitty.ids[PreviewKey(imageUUID: "old-0", columns: 10, rows: 5)] == nil)
        #expect(d.state.kitty.ids[d.key(forRow: 0)] == 16)
        #expect(d.state.kitty.ids.count == 240 && d.state.kitty.order.count == 240)
        #expect(d.state.kitty.placements[16]?.columns == d.key(forRow: 0).columns - 4)
    }

    @Test func theTerminalNeverHoldsMoreThanTheBudget() throws {
        var d = try Self.kittyDriver()
        // Two old pictures of 48 MiB each (decoded RGBA): a third of 1.2 MB still fits, but
        // then a 48 MiB one does not, so the oldest goes first.
        for (n, id) in [UInt32(16), 17].enumerated() {
            let key = PreviewKey(imageUUID: "old-\(n)", columns: 10, rows: 5)
            d.state.kitty.ids[key] = id
            d.state.kitty.order.append(key)
            d.state.kitty.placements[id] = KittyPlacement(id: id, columns: 10, rows: 5, terminalBytes: 48 << 20)
        }
        let first = Self.answerAll(&d)
        #expect(Self.deletes(first).isEmpty && Self.uploads(first).map(\.id) == [18])
        #expect(d.state.kitty.heldBytes == 96 << 20 + 640 * 480 * 4)
        // A big frame next: 4000x3000 RGBA is 48 MB, over the budget with both old ones.
        let key = d.key(forRow: 1)
        var big = PreviewFixtures.solid(key, colour: ImageKit.RGB(1, 1, 1))
        big.kitty = KittyPicture(png: Data([1]), columns: 10, rows: 5, pixelWidth: 4000, pixelHeight: 3000)
        d.state.preview.images.insert(big, for: key)
        let second = d.keys(.char("j"))
        #expect(Self.deletes(second) == [16])
        #expect(Self.uploads(second).map(\.id) == [16])
        #expect(d.state.kitty.heldBytes <= KittyImages.budget)
    }
}

@Suite struct KittyPipelineTests {
    @Test func smallFramesAreSentAsTheyAreInAPlacementOfTheirAspect() throws {
        let png = try PNGEncoder.encode(RGBImage(width: 80, height: 20, filledWith: ImageKit.RGB(0, 255, 0)))
        let image = try PreviewPipeline.make(data: png, columns: 20, rows: 10, kitty: true)
        let picture = try #require(image.kitty)
        #expect(picture.png == png)
        // 80x20 into 20x20 square pixels: 20x5, so 20 columns by 3 rows.
        #expect(picture.columns == 20 && picture.rows == 3)
        #expect(image.cells.width == 20 && image.cells.height == 10, "the fallback cells are made too")
        #expect(try PreviewPipeline.make(data: png, columns: 20, rows: 10).kitty == nil)
    }

    @Test func bigFramesAreShrunkToTheBoxBeforeSending() throws {
        var pixels: [UInt8] = []
        for y in 0..<600 { for x in 0..<1200 { pixels += [UInt8(x & 255), UInt8(y & 255), UInt8((x ^ y) & 255)] } }
        let png = try PNGEncoder.encode(RGBImage(width: 1200, height: 600, pixels: pixels))
        let image = try PreviewPipeline.make(data: png, columns: 10, rows: 5, kitty: true)
        let picture = try #require(image.kitty)
        #expect(picture.columns == 10 && picture.rows == 3)
        #expect(picture.terminalBytes == 160 * 80 * 4)
        let sent = try PNGDecoder.decode(picture.png)
        // At most 16x32 pixels per cell of the placement, aspect ratio kept.
        #expect(sent.width == 160 && sent.height == 80)
        #expect(picture.png.count < png.count)
    }

    @Test func boxesBeyondThePlaceholdersReachSendNothing() throws {
        let png = try PNGEncoder.encode(RGBImage(width: 40, height: 10, filledWith: ImageKit.RGB(1, 2, 3)))
        #expect(try PreviewPipeline.make(data: png, columns: 400, rows: 50, kitty: true).kitty == nil)
        #expect(try PreviewPipeline.make(data: png, columns: 297, rows: 50, kitty: true).kitty != nil)
    }
}
