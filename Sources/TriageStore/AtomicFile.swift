import Foundation

public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { message }
}

/// Replaces a file so that readers (and a crash at any moment) see either the old content or
/// the complete new content, never a truncated mix: write a temporary file in the same
/// directory (rename is only atomic within one filesystem), fsync it so its data is on disk
/// before the name points at it, rename over the target, then fsync the directory so the
/// rename itself survives a power cut.
///
/// Streaming use (e.g. downloads): `let w = try AtomicFile.Writer(path:)`, `append` chunks,
/// then `commit()`; `abort()` (or dropping the writer uncommitted) removes the temporary file.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, permissions: mode_t = 0o644) throws(AtomicFileError) {
        let writer = try Writer(path: path, permissions: permissions)
        try writer.append(data)
        try writer.commit()
    }

    public final class Writer {
        public let path: String
        public let temporaryPath: String
        private let permissions: mode_t
        private var fd: Int32
        private var finished = false

        public init(path: String, permissions: mode_t = 0o644) throws(AtomicFileError) {
            self.path = path
            self.permissions = permissions
            let directory = AtomicFile.directory(of: path)
            let name = (path as NSString).lastPathComponent
            // Hidden and clearly temporary, so a leftover after a crash is recognisable.
            var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw AtomicFile.failure(path, "cannot create a temporary file in \(directory)")
            }
            self.fd = fd
            self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }

        deinit { if !finished { abort() } }

        public func append(_ data: Data) throws(AtomicFileError) {
            precondition(!finished, "AtomicFile.Writer used after commit/abort")
            var failure: Int32 = 0
            data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += n
                }
            }
            if failure != 0 {
                errno = failure
                let error = AtomicFile.failure(path, "cannot write \(temporaryPath)")
                abort()
                throw error
            }
        }

        public func commit() throws(AtomicFileError) {
            precondition(!finished, "AtomicFile.Writer used after commit/abort")
            // mkstemp makes 0600; give the final file the intended mode before it appears.
            if fchmod(fd, permissions) != 0 || fsync(fd) != 0 {
                let error = AtomicFile.failure(path, "cannot flush \(temporaryPath)")
                abort()
                throw error
            }
            close(fd)
            fd = -1
            if rename(temporaryPath, path) != 0 {
                let error = AtomicFile.failure(path, "cannot move \(temporaryPath) into place")
                unlink(temporaryPath)
                finished = true
                throw error
            }
            finished = true
            let dirfd = open(AtomicFile.directory(of: path), O_RDONLY | O_DIRECTORY)
            if dirfd >= 0 {
                // Best effort: the new content is already in place; a failed directory fsync
                // only weakens the power-cut guarantee, it does not undo the write.
                fsync(dirfd)
                close(dirfd)
            }
        }

        public func abort() {
            guard !finished else { return }
            finished = true
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temporaryPath)
        }
    }

    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    static func failure(_ path: String, _ what: String) -> AtomicFileError {
        AtomicFileError(path: path, message: "Cannot write \(path): \(what) (\(String(cString: strerror(errno)))).")
    }
}
