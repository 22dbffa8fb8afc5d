import AtomscaleAPI
import BrowserCore
import FrameDownloads
import Foundation

/// Carries out `.startDownload` / `.cancelDownload`: one FrameDownloader task per request,
/// progress and the end posted back as events. Lives on the UI thread like EffectRunner.
final class DownloadRunner {
    private let downloader: FrameDownloader
    private let directory: String
    private let mailbox: Mailbox
    private var tasks: [RequestID: Task<Void, Never>] = [:]

    init(service: any AtomscaleService, directory: String, mailbox: Mailbox, concurrency: Int = FrameDownloader.defaultConcurrency) {
        downloader = FrameDownloader(service: service, concurrency: concurrency)
        self.directory = directory
        self.mailbox = mailbox
    }

    func start(_ request: RequestID, _ job: DownloadJob) {
        let plan = DownloadNaming.plan(baseDirectory: directory, videoID: job.videoID, videoName: job.videoName,
                                       frames: job.frames, frameCount: job.frameCount)
        let downloader = self.downloader, mailbox = self.mailbox
        tasks[request] = Task.detached {
            await runDownload(downloader, plan, request: request, mailbox: mailbox)
        }
    }


    /// Stops starting files; the ones being fetched are abandoned (no partial file is left
    /// under a final name) and the end is still reported, marked cancelled.
    func cancel(_ request: RequestID) { tasks[request]?.cancel() }

    func finished(_ request: RequestID) { tasks.removeValue(forKey: request) }

    func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }

}

/// One download in the background, reporting to the UI loop.
private func runDownload(_ downloader: FrameDownloader, _ plan: FrameDownloadPlan, request: RequestID,
                         mailbox: Mailbox) async {
    @Sendable func counts(_ p: FrameDownloadProgress) -> DownloadCounts {
        DownloadCounts(total: p.total, saved: p.saved, skipped: p.skipped, failed: p.failed)
    }
    let result = await downloader.run(plan) { progress in
        mailbox.post(.downloadProgress(request: request, counts(progress)))
    }
    mailbox.post(.downloadFinished(request: request, DownloadOutcome(
        counts: counts(result.progress), directory: result.directory,
        firstError: result.progress.firstError, cancelled: result.cancelled)))
}
