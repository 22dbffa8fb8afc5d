import AtomscaleAPI
@testable import AtomscaleApp
import BrowserCore
import DemoServer
import Foundation
import ScreenKit

/// The browser's whole stack without a terminal: the client ServiceSetup builds (retry and
/// progress notices wired as BrowseCommand wires them), the Repository, the EffectRunner
/// with its Mailbox and triage effects, `reduce` and `Screen.render`, driven the way
/// BrowserLoop drives them (effects out, results and timers back in, a render per event).
final class HeadlessBrowser {
    private(set) var state: AppState
    /// The last screen rendered.
    private(set) var screen: ScreenBuffer
    /// Every status line rendered, oldest first (notices may come and go between waits).
    private(set) var statusLines: [String] = []
    let runner: EffectRunner
    let directory: URL
    private let mailbox: Mailbox
    private let notices = ClientNotices()
    private var timers = Timers()

    init(server: DemoServer, width: Int = 120, height: Int = 40) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("headless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let args = try Arguments.parse(["--endpoint", server.apiURL.absoluteString], spec: .global)
        let setup = try ServiceSetup.make(args, environment: ["AS_API_KEY": "headless-key"], config: nil, notices: notices)
        mailbox = Mailbox(wake: {})
        notices.connect(mailbox)
        let settings = TriageSettings(databasePath: directory.appendingPathComponent("triage.sqlite3").path,
                                      origin: setup.triageOrigin, downloadDirectory: directory.path,
                                      refreshInterval: 60, insideTmux: false)
        runner = EffectRunner(repository: Repository(service: setup.service), mailbox: mailbox,
                              triage: TriageEffects(settings: settings, service: setup.service, mailbox: mailbox))
        state = AppState(width: width, height: height, sourceLabel: setup.sourceLabel)
        // No frame pictures: their storage fetches would mix with the faults under test.
        state.previewMode = .off
        screen = ScreenBuffer(width: width, height: height)
        apply(.start)
    }

    func stop() {
        notices.connect(nil)
        runner.cancelAll()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Reduces one event, carries out its effects, renders.
    func apply(_ event: AppEvent) {
        for effect in reduce(&state, event) {
            switch effect {
            case .schedule(let id, let after): timers.schedule(id, after: after)
            case .cancelTimer(let id): timers.cancel(id)
            case .copyToClipboard, .quit: break
            default: runner.load(effect)
            }
        }
        screen = Screen.render(state)
        statusLines.append(statusLine)
    }

    func key(_ key: Key) { apply(.key(key)) }
    func type(_ text: String) { for c in text { key(.char(c)) } }

    /// Delivers background results and due timers as the UI loop does, until `done` holds;
    /// false when it still does not after `timeout` seconds (a bound, not a measurement).
    /// It sleeps between looks rather than block a thread: the load tasks need Swift's few
    /// cooperative threads, which a blocked test would hold (the UI loop has its own thread).
    @discardableResult
    func waitUntil(timeout: Double = 90, _ done: (HeadlessBrowser) -> Bool) async -> Bool {
        let deadline = Timers.now() + timeout
        while !done(self) {
            guard Timers.now() < deadline else { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
            for event in mailbox.drain() {
                runner.finished(event)
                apply(event)
            }
            for id in timers.takeDue() { apply(.timerFired(id)) }
        }
        return true
    }

    var statusLine: String { text(in: state.layout.status) }

    /// What a panel shows now, its rows joined by newlines.
    func text(of panel: PanelID) -> String { text(in: state.layout.rect(panel)) }

    private func text(in rect: Rect) -> String {
        guard rect.width > 0 else { return "" }
        return (rect.y..<rect.maxY).map { y in
            (rect.x..<rect.maxX).map { screen[$0, y].text }.joined()
        }.joined(separator: "\n")
    }

    /// Panel text with the rows joined by spaces: a message wrapped over rows reads whole.
    func flatText(of panel: PanelID) -> String {
        text(of: panel).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
