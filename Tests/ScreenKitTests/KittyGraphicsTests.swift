import Foundation
import ScreenKit
import Testing

@Suite struct KittyGraphicsTests {
    /// A 1x1 RGBA PNG, 70 bytes.
    static let tinyPNG = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0x60, 0xF8, 0x5F,
        0x0F, 0x00, 0x02, 0x87, 0x01, 0x80, 0xEB, 0x47, 0xBA, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ])
    static let tinyBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

    @Test func smallUploadIsOneEscapeWithEveryKeyAndNoM() {
        let s = KittyGraphics.transmitAndPlace(png: Self.tinyPNG, id: 42, columns: 30, rows: 12, tmux: false)
        #expect(s == "\u{1B}_Ga=T,U=1,f=100,t=d,i=42,c=30,r=12,C=1,q=2;" + Self.tinyBase64 + "\u{1B}\\")
    }

    @Test func largeUploadIsChunkedIn4096WithM1ThenM0() throws {
        // 7000 bytes: 9336 base64 characters = 4096 + 4096 + 1144.
        let data = Data((0..<7000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let s = KittyGraphics.transmitAndPlace(png: data, id: 200, columns: 80, rows: 24, tmux: false)
        let escapes = s.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(escapes.count == 3)
        let parts = escapes.map { $0.dropFirst(3).split(separator: ";", maxSplits: 1).map(String.init) }
        #expect(escapes.allSatisfy { $0.hasPrefix("\u{1B}_G") })
        #expect(parts[0][0] == "a=T,U=1,f=100,t=d,i=200,c=80,r=24,C=1,q=2,m=1")
        #expect(parts[1][0] == "m=1,q=2")
        #expect(parts[2][0] == "m=0,q=2")
        #expect(parts.map { $0[1].count } == [4096, 4096, 1144])
        let joined = parts.map { $0[1] }.joined()
        #expect(joined == data.base64EncodedString())
        #expect(Data(base64Encoded: joined) == data)
    }

    @Test func exactMultipleOfTheChunkSizeEndsWithAFullM0Chunk() {
        // 3072 bytes: exactly 4096 base64 characters; 6144 bytes: two full chunks.
        let one = KittyGraphics.transmitAndPlace(png: Data(count: 3072), id: 16, columns: 1, rows: 1, tmux: false)
        #expect(!one.contains("m="))
        let two = KittyGraphics.transmitAndPlace(png: Data(count: 6144), id: 16, columns: 1, rows: 1, tmux: false)
        #expect(two.components(separatedBy: "\u{1B}_G").count - 1 == 2)
        #expect(two.contains(",m=1;") && two.contains("\u{1B}_Gm=0,q=2;"))
    }

    @Test func deleteFreesTheImageQuietly() {
        #expect(KittyGraphics.delete(id: 17, tmux: false) == "\u{1B}_Ga=d,d=I,i=17,q=2\u{1B}\\")
    }

    @Test func tmuxWrapsEveryEscapeAndDoublesInnerEscapes() {
        #expect(KittyGraphics.delete(id: 17, tmux: true)
                == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,i=17,q=2\u{1B}\u{1B}\\\u{1B}\\")
        let data = Data(count: 4000)
        let plain = KittyGraphics.transmitAndPlace(png: data, id: 99, columns: 4, rows: 2, tmux: false)
        let wrapped = KittyGraphics.transmitAndPlace(png: data, id: 99, columns: 4, rows: 2, tmux: true)
        let plainEscapes = plain.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        let expected = plainEscapes.map { "\u{1B}Ptmux;" + $0.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
            + "\u{1B}\u{1B}\\" + "\u{1B}\\" }.joined()
        #expect(plainEscapes.count == 2)
        #expect(wrapped == expected)
    }

    @Test func diacriticsTableMatchesTheSpec() {
        let d = KittyGraphics.diacritics
        #expect(d.count == 297)
        #expect(Array(d.prefix(8)) == [0x0305, 0x030D, 0x030E, 0x0310, 0x0312, 0x033D, 0x033E, 0x033F])
        #expect(d[29] == 0x036F && d[30] == 0x0483)
        #expect(d[100] == 0x07EB)
        #expect(d[250] == 0xA8E0 && d[255] == 0xA8E5)
        #expect(d[256] == 0xA8E6)
        #expect(d.last == 0x1D244)
        #expect(Set(d).count == d.count)
        #expect(d == d.sorted())
        // Marks that normalisation could fuse with a base are left out on purpose.
        for excluded: UInt32 in [0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0342, 0x0653, 0x0654] {
            #expect(!d.contains(excluded))
        }
        #expect(KittyGraphics.diacritic(-1) == nil && KittyGraphics.diacritic(297) == nil)
    }

    @Test func placeholderMeasuresOneCellAndDiacriticsNone() {
        #expect(DisplayWidth.of(KittyGraphics.placeholder) == 1)
        for value in KittyGraphics.diacritics {
            #expect(DisplayWidth.of(Unicode.Scalar(value)!) == 0, "U+\(String(value, radix: 16))")
        }
        let text = KittyGraphics.placeholderText(row: 296, column: 296)!
        #expect(text.count == 1)
        #expect(DisplayWidth.of(text) == 1)
    }

    @Test func placeholderCellsCarryRowAndColumnDiacriticsAndTheIdColour() {
        let grid = KittyGraphics.placeholderCells(id: 77, columns: 3, rows: 2, direct: false)
        #expect(grid.count == 2 && grid.allSatisfy { $0.count == 3 })
        for (r, row) in grid.enumerated() {
            for (c, cell) in row.enumerated() {
                let scalars = Array(cell.text.unicodeScalars).map(\.value)
                #expect(scalars == [0x10EEEE, KittyGraphics.diacritics[r], KittyGraphics.diacritics[c]])
                #expect(cell.style.fg == .indexed(77))
                #expect(cell.style.bg == .none)
            }
        }
        #expect(grid[1][2].text == "\u{10EEEE}\u{030D}\u{030E}")
        let direct = KittyGraphics.placeholderCells(id: 77, columns: 1, rows: 1, direct: true)
        #expect(direct[0][0].style.fg == .rgb(RGB(0, 0, 77)))
        #expect(KittyGraphics.idColor(0x12_34_56, direct: false) == .rgb(RGB(0x12, 0x34, 0x56)))
        #expect(KittyGraphics.placeholderCells(id: 1, columns: 298, rows: 1, direct: false).isEmpty)
    }
}
