import AtomscaleAPI
@testable import FrameDownloads
import Foundation
import Testing

@Suite struct NamingTests {
    @Test func folderIsTheSanitisedNameWithoutExtensionPlusTheIdPrefix() {
        #expect(DownloadNaming.folderName(videoName: "growth-run-3.mp4", dataID: "3f1c0d2e-1111") == "growth-run-3-3f1c0d2e")
        #expect(DownloadNaming.folderName(videoName: "GaN on sapphire (2).MOV", dataID: "abcdef0123") == "GaN_on_sapphire_2-abcdef01")
        #expect(DownloadNaming.folderName(videoName: "窒化ガリウム.mp4", dataID: "12345678") == "窒化ガリウム-12345678")
        #expect(DownloadNaming.folderName(videoName: "v1.2.webm", dataID: "12345678") == "v1.2-12345678")
        // Only a short (1-4 character) suffix counts as an extension.
        #expect(DownloadNaming.folderName(videoName: "v1.2.final", dataID: "12345678") == "v1.2.final-12345678")
    }

    @Test func hostileNamesCannotEscapeHideOrCarryControls() {
        let names = ["../../etc/passwd", ".hidden", "a/b\\c", "\u{1B}[31mred\u{7}", "..", "", "\u{202E}gnp.exe", "/"]
        for name in names {
            let folder = DownloadNaming.folderName(videoName: name, dataID: "../x/y")
            #expect(!folder.contains("/") && !folder.hasPrefix(".") && !folder.isEmpty, "\(name) -> \(folder)")
            #expect(folder.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x202A...0x202E).contains($0.value) })
        }
        #expect(DownloadNaming.folderName(videoName: "../../etc/passwd", dataID: "12345678") == "etc_passwd-12345678")
        let file = DownloadNaming.fileName(number: 1, frameCount: 1, imageUUID: "../../x", fileType: "../sh")
        #expect(file == "frame-00001-x.png")
    }

    @Test func numbersArePaddedSoNamesSortInFrameOrder() {
        #expect(DownloadNaming.fileName(number: 12, frameCount: 300, imageUUID: "a1b2c3d4-5678", fileType: "png")
                == "frame-00012-a1b2c3d4.png")
        #expect(DownloadNaming.fileName(number: 7, frameCount: 123_456, imageUUID: "a1b2c3d4", fileType: "PNG")
                == "frame-000007-a1b2c3d4.png")
        let names = (1...1200).map { DownloadNaming.fileName(number: $0, frameCount: 1200, imageUUID: "u", fileType: nil) }
        #expect(names == names.sorted())
        #expect(DownloadNaming.fileName(number: 3, frameCount: 3, imageUUID: "u", fileType: "tiff") == "frame-00003-u.tiff")
    }

    @Test func completeImageCheck() throws {
        let png = fakePNG(1)
        #expect(CompleteImage.isComplete(png, fileType: "png"))
        #expect(!CompleteImage.isComplete(png.prefix(png.count - 1), fileType: "png"))
        #expect(!CompleteImage.isComplete(Data("<html>".utf8), fileType: "png"))
        #expect(!CompleteImage.isComplete(Data(), fileType: "tiff"))
        #expect(CompleteImage.isComplete(Data([1]), fileType: "tiff"))
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/f.png"
        try png.write(to: URL(fileURLWithPath: path))
        #expect(CompleteImage.fileIsComplete(atPath: path, fileType: "png"))
        try png.prefix(100).write(to: URL(fileURLWithPath: path))
        #expect(!CompleteImage.fileIsComplete(atPath: path, fileType: "png"))
        #expect(!CompleteImage.fileIsComplete(atPath: dir.path, fileType: "png"))
        #expect(!CompleteImage.fileIsComplete(atPath: dir.path + "/none", fileType: "png"))
    }
}
