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

    init(repository: Repository, mailbox: Mailbox, triage: TriageEffects? = nil) {
        self.repository = repository
        self.mailbox = mailbox
        self.triage = triage
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

    /// Forgets a task whose result was delivered, so the table does not grow.
    func finished(_ event: AppEvent) {
        switch event {
        case .videosLoaded(let request, _), .videosPrepared(let request, _), .framesLoaded(let request, _, _),
             .videoRefreshed(let request, _, _):
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
