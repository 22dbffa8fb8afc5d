import AtomscaleAPI
import BrowserCore
import Foundation
import Synchronization

/// Carries out the reducer's load effects in the background and posts their results back
/// as events. Lives on the UI thread; only the mailbox is shared with the load tasks.
final class EffectRunner {
    private let repository: Repository
    private let mailbox: Mailbox
    private var tasks: [RequestID: Task<Void, Never>] = [:]
    /// Marks, notes and downloads (issue 4); nil in tests that only load.
    private let triage: TriageEffects?
    /// Kitty mode: previews also carry the PNG to send to the terminal.
    private let kitty: Bool

    init(repository: Repository, mailbox: Mailbox, triage: TriageEffects? = nil, kitty: Bool = false) {
        self.repository = repository
        self.mailbox = mailbox
        self.triage = triage
        self.kitty = kitty
    }

    /// Load tasks started whose results have not been delivered (tests, benchmarks).
    var pendingCount: Int { tasks.count }

    func load(_ effect: Effect) {
        let repository = self.repository
        switch effect {
        case .loadVideos(let request, let query, let reload):
            // The list (50,000 videos' search texts) is built here, not on the UI thread.
            start(request, { PreparedVideos(try await repository.videos(query, reload: reload)) },
                  deliver: { .videosPrepared(request: request, $0) })
        case .loadFrames(let request, let videoID, let reload):
            start(request, { try await repository.frames(videoID: videoID, reload: reload) },
                  deliver: { .framesLoaded(request: request, videoID: videoID, $0) })
        case .loadTimeseries(let request, let videoID, let reload):
            start(request, { try await repository.timeseries(videoID: videoID, reload: reload) },
                  deliver: { .timeseriesLoaded(request: request, videoID: videoID, $0) })
        case .loadPreview(let request, let imageUUID, let columns, let rows, let prefetch):
            startPreview(request, imageUUID: imageUUID, columns: columns, rows: rows, prefetch: prefetch)
        case .refreshVideo(let request, let videoID):
            start(request, { try await repository.videos(.entry(dataID: videoID), reload: true).first { $0.dataID == videoID } },
                  deliver: { .videoRefreshed(request: request, videoID: videoID, $0) })
        case .cancel(let request):
            tasks.removeValue(forKey: request)?.cancel()
        default:
            triage?.handle(effect)
        }
    }

    /// Runs one load in a detached task (the UI thread is blocked in poll(2), nothing may
    /// wait for it) and posts its result, unless it was cancelled.
    private func start<T: Sendable>(_ request: RequestID, _ work: @escaping @Sendable () async throws -> T,
                                    deliver: @escaping @Sendable (Result<T, APIError>) -> AppEvent) {
        let mailbox = self.mailbox
        tasks[request] = Task.detached {
            do {
                let value = try await work()
                mailbox.post(deliver(.success(value)))
            } catch {
                // A cancelled load reports nothing: the reducer no longer wants it.
                let apiError = APIError.from(error)
                if apiError == .cancelled || Task.isCancelled { return }
                mailbox.post(deliver(.failure(apiError)))
            }
        }
    }

    /// Fetches a frame (the repository caches the PNG bytes), then decodes and scales it here,
    /// off the UI thread: a 1080p frame takes tens of milliseconds that keys must not wait for.
    /// Prefetches run at low priority so the frame being waited for decodes first.
    private func startPreview(_ request: RequestID, imageUUID: String, columns: Int, rows: Int, prefetch: Bool) {
        let mailbox = self.mailbox
        let repository = self.repository
        let kitty = self.kitty
        tasks[request] = Task.detached(priority: prefetch ? .utility : .userInitiated) {
            let result: Result<PreviewImage, PreviewError>
            do {
                let data = try await repository.image(imageUUID: imageUUID)
                try Task.checkCancellation()
                result = Result { () throws(PreviewError) in
                    try PreviewPipeline.make(data: data, columns: columns, rows: rows, kitty: kitty)
                }
            } catch {
                let apiError = APIError.from(error)
                if apiError == .cancelled || Task.isCancelled { return }
                result = .failure(.fetch(apiError))
            }
            if Task.isCancelled { return }
            mailbox.post(.previewLoaded(request: request, imageUUID: imageUUID, result))
        }
    }

    /// Forgets a task whose result was delivered, so the table does not grow.
    func finished(_ event: AppEvent) {
        switch event {
        case .videosLoaded(let request, _), .videosPrepared(let request, _), .framesLoaded(let request, _, _),
             .videoRefreshed(let request, _, _), .previewLoaded(let request, _, _), .timeseriesLoaded(let request, _, _):
            tasks.removeValue(forKey: request)
        default: triage?.finished(event)
        }
    }

    func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
        triage?.stop()
    }
}

extension APIError {
    /// Anything a repository call throws, as the API layer's error type.
    static func from(_ error: Error) -> APIError {
        if let e = error as? APIError { return e }
        if error is CancellationError { return .cancelled }
        return .transport(String(describing: error))
    }
}

/// Carries the API client's retry and progress notices to the UI loop as events. The client
/// is made before the terminal and its mailbox exist, so the loop connects later; notices
/// before that (or after it ends) are dropped.
final class ClientNotices: Sendable {
    private let mailbox = Mutex<Mailbox?>(nil)

    init() {}

    func connect(_ target: Mailbox?) { mailbox.withLock { $0 = target } }

    func retrying(_ notice: RetryNotice) { post(.retrying(notice)) }

    func progress(_ progress: TransferProgress) { post(.transferProgress(progress)) }

    private func post(_ event: AppEvent) { mailbox.withLock { $0 }?.post(event) }
}

/// Events from background tasks to the UI loop; posting wakes the loop's poll(2).
final class Mailbox: Sendable {
    private let queue = Mutex<[AppEvent]>([])
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ event: AppEvent) {
        queue.withLock { $0.append(event) }
        wake()
    }

    func drain() -> [AppEvent] {
        queue.withLock { q in
            defer { q.removeAll() }
            return q
        }
    }
}
