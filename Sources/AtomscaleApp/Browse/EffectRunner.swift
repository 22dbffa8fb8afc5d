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

    init(repository: Repository, mailbox: Mailbox) {
        self.repository = repository
        self.mailbox = mailbox
    }

    /// Load tasks started whose results have not been delivered (tests, benchmarks).
    var pendingCount: Int { tasks.count }

    func load(_ effect: Effect) {
        let repository = self.repository
        let mailbox = self.mailbox
        switch effect {
        case .loadVideos(let request, let query, let reload):
            // Detached: the UI thread is blocked in poll(2), nothing may wait for it.
            tasks[request] = Task.detached {
                guard let result = await Self.capture({ try await repository.videos(query, reload: reload) }) else { return }
                mailbox.post(.videosLoaded(request: request, result))
            }
        case .loadFrames(let request, let videoID, let reload):
            tasks[request] = Task.detached {
                guard let result = await Self.capture({ try await repository.frames(videoID: videoID, reload: reload) }) else { return }
                mailbox.post(.framesLoaded(request: request, videoID: videoID, result))
            }
        case .cancel(let request):
            tasks.removeValue(forKey: request)?.cancel()
        default:
            break
        }
    }

    /// Forgets a task whose result was delivered, so the table does not grow.
    func finished(_ event: AppEvent) {
        switch event {
        case .videosLoaded(let request, _), .framesLoaded(let request, _, _): tasks.removeValue(forKey: request)
        default: break
        }
    }

    func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }

    /// Runs a repository call; nil when it was cancelled (a cancelled load reports nothing).
    private static func capture<T: Sendable>(
        _ body: @Sendable () async throws -> T
    ) async -> Result<T, APIError>? {
        do {
            return .success(try await body())
        } catch {
            let apiError = APIError.from(error)
            if apiError == .cancelled || Task.isCancelled { return nil }
            return .failure(apiError)
        }
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
