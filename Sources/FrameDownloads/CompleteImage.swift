import Foundation

/// Tells a complete image from a partial one, for "skip what is already there" and to refuse
/// a body that arrived short.
///
/// A PNG is complete when it starts with the 8-byte PNG signature and ends with the IEND
/// chunk (`00 00 00 00 'IEND' AE 42 60 82`): every PNG writer ends with exactly these 12
/// bytes, and a cut-off transfer almost never does. Other file types have no such trailer:
/// any non-empty file counts as complete. Files this program writes are renamed into place
/// only when complete, so a partial file under a final name can only come from elsewhere.
public enum CompleteImage {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let pngTrailer: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    public static func isComplete(_ data: Data, fileType: String) -> Bool {
        guard !data.isEmpty else { return false }
        guard fileType == "png" else { return true }
        return data.count >= pngSignature.count + pngTrailer.count
            && data.prefix(pngSignature.count).elementsEqual(pngSignature)
            && data.suffix(pngTrailer.count).elementsEqual(pngTrailer)
    }

    /// Checks a file on disk, reading only its first and last bytes.
    public static func fileIsComplete(atPath path: String, fileType: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return false }
        guard fileType == "png" else { return true }
        let size = Int(st.st_size)
        guard size >= pngSignature.count + pngTrailer.count,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: pngSignature.count),
              (try? handle.seek(toOffset: UInt64(size - pngTrailer.count))) != nil,
              let tail = try? handle.read(upToCount: pngTrailer.count) else { return false }
        return head.elementsEqual(pngSignature) && tail.elementsEqual(pngTrailer)
    }
}
