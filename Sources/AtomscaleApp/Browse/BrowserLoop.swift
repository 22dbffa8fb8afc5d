import AtomscaleAPI
import BrowserCore
import Foundation
import ImageKit
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
    /// Kitty mode: wrap graphics escapes for tmux's passthrough.
    private let kittyTmux: Bool

    /// The API client's retry and progress notices, posted to this loop while it runs.
    private let notices: ClientNotices?

    init(terminal: Terminal, repository: Repository, sourceLabel: String,
         triage: TriageSettings? = nil, service: (any AtomscaleService)? = nil,
         previewMode: PreviewMode = .blocks, imageColorMode: ColorMode = .palette256,
         anomalyThreshold: Double = Anomalies.defaultThreshold, insideTmux: Bool = false,
         notices: ClientNotices? = nil) {
        self.terminal = terminal
        let waker = terminal.waker
        let mailbox = Mailbox(wake: { waker.wake() })
        self.mailbox = mailbox
        self.notices = notices
        let effects = triage.flatMap { settings in
            service.map { TriageEffects(settings: settings, service: $0, mailbox: mailbox) }
        }
        runner = EffectRunner(repository: repository, mailbox: mailbox, triage: effects, kitty: previewMode == .kitty)
        state = AppState(width: terminal.width, height: terminal.height, sourceLabel: sourceLabel)
        state.metrics.threshold = anomalyThreshold
        state.previewMode = previewMode
        state.imageColorMode = imageColorMode
        // ncurses sends every colour as RGB on a direct-colour terminal: name ids that way.
        state.kittyDirectColour = terminal.supportsTrueColor
        kittyTmux = insideTmux
        triageSettings = triage
        if let triage { state.live.interval = triage.refreshInterval }
    }

    func run() -> Outcome {
        notices?.connect(mailbox)
        defer {
            notices?.connect(nil)
            runner.cancelAll()
            deleteKittyImages()
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

    /// Frees the terminal's copies of the frames sent in kitty mode (a terminal keeps images
    /// until told otherwise); the draw flushes the queued deletes.
    private func deleteKittyImages() {
        let ids = state.kitty.uploaded
        guard !ids.isEmpty else { return }
        for id in ids { terminal.writeRaw(KittyGraphics.delete(id: id, tmux: kittyTmux)) }
        draw()
    }

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
            case .kittyUpload(let id, let png, let columns, let rows):
                // Written after the draw that puts the placeholders up: the terminal shows the
                // image as soon as it has it, wherever those cells are by then.
                terminal.writeRaw(KittyGraphics.transmitAndPlace(png: png, id: id, columns: columns, rows: rows,
                                                                 tmux: kittyTmux))
            case .kittyDelete(let id):
                terminal.writeRaw(KittyGraphics.delete(id: id, tmux: kittyTmux))
            case .quit: return true
            default: runner.load(effect)
            }
        }
        return state.wantsQuit
    }
}
