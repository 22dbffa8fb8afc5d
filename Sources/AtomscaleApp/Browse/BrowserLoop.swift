import AtomscaleAPI
import BrowserCore
import Foundation
import ScreenKit
import TerminalNcurses

/// The UI loop: the one place that calls the terminal. It blocks in the terminal's wait
/// until a key, a signal, a background result or the nearest timer, feeds events through
/// the pure reducer, carries out the effects, and draws once per batch.
final class BrowserLoop {
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
    }

    private let terminal: Terminal
    private let runner: EffectRunner
    private let mailbox: Mailbox
    private var timers = Timers()
    private var state: AppState
    /// Issue 4: marks database, download directory, refresh interval, tmux.
    private let triageSettings: TriageSettings?

    /// The API client's retry and progress notices, posted to this loop while it runs.
    private let notices: ClientNotices?

    init(terminal: Terminal, repository: Repository, sourceLabel: String,
         triage: TriageSettings? = nil, service: (any AtomscaleService)? = nil, notices: ClientNotices? = nil) {
        self.terminal = terminal
        let waker = terminal.waker
        let mailbox = Mailbox(wake: { waker.wake() })
        self.mailbox = mailbox
        self.notices = notices
        let effects = triage.flatMap { settings in
            service.map { TriageEffects(settings: settings, service: $0, mailbox: mailbox) }
        }
        runner = EffectRunner(repository: repository, mailbox: mailbox, triage: effects)
        state = AppState(width: terminal.width, height: terminal.height, sourceLabel: sourceLabel)
        triageSettings = triage
        if let triage { state.live.interval = triage.refreshInterval }
    }

    func run() -> Outcome {
        notices?.connect(mailbox)
        defer {
            notices?.connect(nil)
            runner.cancelAll()
        }
        if apply(.start) { return .quit }
        draw()
        while true {
            var events: [AppEvent] = []
            for event in terminal.waitForEvents(timeout: timers.timeout()) {
                switch event {
                case .key(let key): events.append(.key(key))
                case .resize(let w, let h): events.append(.resize(width: w, height: h))
                case .signal(let number): return .signal(number)
                case .wake: break
                }
            }
            for result in mailbox.drain() {
                runner.finished(result)
                events.append(result)
            }
            for id in timers.takeDue() { events.append(.timerFired(id)) }
            for event in events where apply(event) { return .quit }
            draw()
        }
    }

    private func draw() { terminal.draw(Screen.render(state)) }

    /// Reduces one event and carries out its effects; true when the program should end.
    private func apply(_ event: AppEvent) -> Bool {
        for effect in reduce(&state, event) {
            switch effect {
            case .schedule(let id, let after): timers.schedule(id, after: after)
            case .cancelTimer(let id): timers.cancel(id)
            case .copyToClipboard(let text):
                // Queued by the terminal and written right after the next doupdate().
                if let sequence = OSC52.sequence(copying: text, tmux: triageSettings?.insideTmux ?? false) {
                    terminal.writeRaw(sequence)
                }
            case .quit: return true
            default: runner.load(effect)
            }
        }
        return state.wantsQuit
    }
}
