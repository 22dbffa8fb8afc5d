import AtomscaleAPI

/// Where a frame is saved: `<base>/<video-name>-<data_id8>/frame-00012-<image_uuid8>.png`.
///
/// - One folder per video, so two videos never mix and a folder can be moved as a whole;
///   the id prefix keeps two videos with the same file name apart.
/// - The frame number (1-based, as the browser shows it) comes first and is zero-padded, so
///   `ls` and any file picker list frames in recording order; the image id prefix makes the
///   name unique and traceable back to the API.
/// - Everything from the API is reduced to letters, digits, `-`, `_` and `.`: a hostile name
///   cannot climb out of the folder (`../`), hide (leading `.`) or carry control characters.
public enum DownloadNaming {
    public static func folderName(videoName: String, dataID: String) -> String {
        var stem = videoName
        // "growth-run-3.mp4" -> "growth-run-3": the folder holds frames, not the video file.
        // Only a 1-4 character suffix is taken for an extension ("run.final" stays).
        if let dot = stem.lastIndex(of: "."), stem.distance(from: dot, to: stem.endIndex) <= 5,
           stem[stem.index(after: dot)...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            stem = String(stem[..<dot])
        }
        var clean = sanitise(stem, maxLength: 60)
        if clean.isEmpty { clean = "video" }
        let id = sanitise(String(dataID.prefix(8)), maxLength: 8)
        return id.isEmpty ? clean : clean + "-" + id
    }

    /// `number` is 1-based; padded to at least 5 digits, more for longer videos.
    public static func fileName(number: Int, frameCount: Int, imageUUID: String, fileType: String?) -> String {
        let digits = max(5, String(max(frameCount, number)).count)
        let n = String(number)
        let padded = String(repeating: "0", count: max(0, digits - n.count)) + n
        let id = sanitise(String(imageUUID.prefix(8)), maxLength: 8)
        return "frame-\(padded)" + (id.isEmpty ? "" : "-" + id) + "." + fileExtension(fileType)
    }

    /// The frame's file type when it is a plain short word (`png`), else `png`: optical
    /// frames are PNG images.
    public static func fileExtension(_ fileType: String?) -> String {
        guard let t = fileType?.lowercased(), (1...5).contains(t.count),
              t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return "png" }
        return t
    }

    /// Keeps letters and digits (any script), `-`, `_` and `.`; anything else becomes `_`,
    /// runs of `_` collapse, and leading dots and underscores go.
    static func sanitise(_ text: String, maxLength: Int) -> String {
        var out = ""
        for c in text {
            let keep = c == "-" || c == "_" || c == "." || c.unicodeScalars.allSatisfy {
                $0.properties.generalCategory.isLetterOrNumber
            }
            let next: Character = keep ? c : "_"
            if next == "_", out.last == "_" { continue }
            out.append(next)
            if out.count >= maxLength { break }
        }
        while let first = out.first, first == "." || first == "_" { out.removeFirst() }
        while out.last == "_" { out.removeLast() }
        return out
    }

    /// The plan for some frames of one video under `baseDirectory`.
    public static func plan(baseDirectory: String, videoID: String, videoName: String,
                            frames: [VideoFrame], frameCount: Int) -> FrameDownloadPlan {
        let base = baseDirectory.hasSuffix("/") && baseDirectory.count > 1 ? String(baseDirectory.dropLast()) : baseDirectory
        let folder = base + "/" + folderName(videoName: videoName, dataID: videoID)
        let count = max(frameCount, frames.count)
        let items = frames.map { f in
            FrameDownloadPlan.Item(imageUUID: f.imageUUID,
                                   fileName: fileName(number: f.index + 1, frameCount: count,
                                                      imageUUID: f.imageUUID, fileType: f.fileType),
                                   fileType: fileExtension(f.fileType))
        }
        return FrameDownloadPlan(directory: folder, items: items)
    }
}

/// What to download and where: one folder, one file per frame.
public struct FrameDownloadPlan: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var imageUUID: String
        public var fileName: String
        /// The extension, which decides how completeness is checked.
        public var fileType: String
    }

    public var directory: String
    public var items: [Item]

    public func path(of item: Item) -> String { directory + "/" + item.fileName }
}

extension Unicode.GeneralCategory {
    var isLetterOrNumber: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }
}
