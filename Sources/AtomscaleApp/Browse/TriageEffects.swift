import AtomscaleAPI
import BrowserCore

/// The EffectRunner's delegate for issue-4 effects (marks, notes, downloads), so the runner
/// itself only gains a line per hook.
final class TriageEffects {
    let triage: TriageRunner
    let downloads: DownloadRunner

    init(settings: TriageSettings, service: any AtomscaleService, mailbox: Mailbox) {
        triage = TriageRunner(path: settings.databasePath, origin: settings.origin, mailbox: mailbox)
        downloads = DownloadRunner(service: service, directory: settings.downloadDirectory, mailbox: mailbox)
    }

    /// Carries out `effect` if it is one of ours.
    func handle(_ effect: Effect) {
        switch effect {
        case .loadTriage(let request): triage.load(request: request)
        case .saveTriage(let change): triage.save(change)
        case .startDownload(let request, let job): downloads.start(request, job)
        case .cancelDownload(let request): downloads.cancel(request)
        default: break
        }
    }

    func finished(_ event: AppEvent) {
        if case .downloadFinished(let request, _) = event { downloads.finished(request) }
    }

    /// On quit: downloads stop; every mark already sent is stored before the program ends.
    func stop() {
        downloads.cancelAll()
        triage.drain()
    }
}

extension SearchQuery {
    /// One catalogue entry by id (live refresh re-reads the selected video's status).
    static func entry(dataID: String) -> SearchQuery {
        var q = SearchQuery.opticalVideos
        q.dataIDs = [dataID]
        return q
    }
}
