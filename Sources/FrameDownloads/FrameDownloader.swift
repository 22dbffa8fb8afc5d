import AtomscaleAPI
import Foundation
import TriageStore

/// Counts of a download so far.
public struct FrameDownloadProgress: Sendable, Hashable {
    public var total: Int
    public var saved = 0
    /// Already on disk and complete: not fetched again.
    public var skipped = 0
    public var failed = 0
    /// The first failure, phrased for the user.
    public var firstError: String?
    /// The file just finished (saved, skipped or failed), for line-per-file output.
    public var lastFile: String?

    public init(total: Int) { self.total = total }

    public var finished: Int { saved + skipped + failed }
}

/// The end of a download.
public struct FrameDownloadResult: Sendable, Hashable {
    public var progress: FrameDownloadProgress
    public var directory: String
    /// True when the task was cancelled before every file was done.
    public var cancelled: Bool
}

/// Saves the frames of a plan, a few at a time.
///
/// Images come through `AtomscaleService.imageData(imageUUID:)`, the client's two-step fetch
/// (link with the key, then the presigned URL without it), so this code never handles the key
/// nor decides where it goes. Each image is held in memory (frames are a few MB at most),
/// checked for completeness and written through `AtomicFile`: a temporary name in the same
/// folder, fsync, rename. A failure or cancellation at any point leaves no file under the
/// final name, only (at worst, on a crash) a hidden `.frame-….tmp-XXXXXX`.
public struct FrameDownloader: Sendable {
    public let service: any AtomscaleService
    /// Files fetched at once: enough to hide latency, few enough not to hammer the API.
    public let concurrency: Int

    public static let defaultConcurrency = 4

    public init(service: any AtomscaleService, concurrency: Int = FrameDownloader.defaultConcurrency) {
        self.service = service
        self.concurrency = max(1, concurrency)
    }

    private enum Outcome: Sendable {
        case saved, skipped
        case failed(String)
        /// Stopped by cancellation: neither saved nor failed, simply not done.
        case cancelled
    }

    /// Runs the plan; `progress` is called after each file, from one task at a time. Returns
    /// when every started file has finished: on cancellation, no new file is started.
    public func run(_ plan: FrameDownloadPlan,
                    progress: @escaping @Sendable (FrameDownloadProgress) -> Void = { _ in }) async -> FrameDownloadResult {
        var counts = FrameDownloadProgress(total: plan.items.count)
        do {
            try FileManager.default.createDirectory(atPath: plan.directory, withIntermediateDirectories: true)
        } catch {
            counts.failed = plan.items.count
            counts.firstError = "cannot create \(plan.directory): \(Self.describe(error))"
            progress(counts)
            return FrameDownloadResult(progress: counts, directory: plan.directory, cancelled: false)
        }
        let service = self.service
        await withTaskGroup(of: (String, Outcome).self) { group in
            var next = 0
            func startNext() {
                guard next < plan.items.count, !Task.isCancelled else { return }
                let item = plan.items[next]
                next += 1
                group.addTask { (item.fileName, await Self.fetch(item, into: plan, from: service)) }
            }
            for _ in 0..<concurrency { startNext() }
            while let (name, outcome) = await group.next() {
                switch outcome {
                case .saved: counts.saved += 1
                case .skipped: counts.skipped += 1
                case .failed(let message):
                    counts.failed += 1
                    if counts.firstError == nil { counts.firstError = "\(name): \(message)" }
                case .cancelled:
                    continue
                }
                counts.lastFile = name
                progress(counts)
                startNext()
            }
        }
        return FrameDownloadResult(progress: counts, directory: plan.directory,
                                   cancelled: Task.isCancelled && counts.finished < counts.total)
    }

    private static func fetch(_ item: FrameDownloadPlan.Item, into plan: FrameDownloadPlan,
                              from service: any AtomscaleService) async -> Outcome {
        let path = plan.path(of: item)
        if CompleteImage.fileIsComplete(atPath: path, fileType: item.fileType) { return .skipped }
        do {
            let data = try await service.imageData(imageUUID: item.imageUUID)
            guard CompleteImage.isComplete(data, fileType: item.fileType) else {
                return .failed("incomplete or not a \(item.fileType.uppercased()) image (\(data.count) bytes)")
            }
            let writer = try AtomicFile.Writer(path: path)
            try writer.append(data)
            try writer.commit()
            return .saved
        } catch {
            if Task.isCancelled || error is CancellationError || (error as? APIError) == .cancelled { return .cancelled }
            return .failed(describe(error))
        }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? APIError { return e.message }
        if let e = error as? AtomicFileError { return e.message }
        if error is CancellationError { return "cancelled" }
        if let e = error as? CocoaError, let path = e.filePath {
            return "\(path): \(e.underlying.map { String(describing: $0) } ?? e.localizedDescription)"
        }
        return String(describing: error)
    }
}

extension CocoaError {
    var underlying: Error? { userInfo[NSUnderlyingErrorKey] as? Error }
}
