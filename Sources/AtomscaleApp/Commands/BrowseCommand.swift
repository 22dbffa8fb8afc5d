import AtomscaleAPI
import BrowserCore
import Foundation
import TerminalNcurses

/// The interactive browser (no subcommand). The UI loop runs on a thread of its own: it
/// blocks in poll(2), which must not happen on one of Swift's few cooperative threads.
enum BrowseCommand {
    static func run(_ argv: [String], environment: [String: String], output: Output) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: .global.adding(flags: ["--no-color"],
                                                                  options: ["--download-dir", "--refresh-interval", "--image",
                                                                            AnomalyThreshold.flag]))
        if args.has("--help") || args.has("-h") { output.print(Usage.main); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        let thresholdFlag = try AnomalyThreshold.flagValue(args)
        guard args.positionals.isEmpty else {
            throw UsageError("unknown command '\(args.positionals[0])'")
        }
        // Bad flag values are usage errors (exit 2) even where there is no terminal.
        _ = try TriageSettings.refreshInterval(args.value("--refresh-interval"), config: nil)
        _ = try ImageSupport.parse(flag: args.value("--image"))
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            output.error("the browser needs a terminal; for scripts use 'atomscale-tui videos' or 'atomscale-tui frames DATA_ID'")
            return 1
        }
        let config = try ConfigFile.load(environment: environment)
        let notices = ClientNotices()
        let setup = try ServiceSetup.make(args, environment: environment, config: config, notices: notices)
        defer { setup.stop() }
        if !setup.isDemo, setup.configuration?.apiKey == nil {
            throw RuntimeError(APIError.missingAPIKey.message)
        }
        // Flag mistakes are usage errors before the screen is taken over.
        let images = try ImageSupport.detect(environment: environment, flag: args.value("--image"), config: config,
                                             terminalColors: nil, noColorFlag: args.has("--no-color"))
        let options = TerminalOptions(noColor: args.has("--no-color") || environment["NO_COLOR"].map { !$0.isEmpty } == true
                                      || config?.colors == ConfigFile.Colors.none)
        let repository = Repository(service: setup.service)
        let label = setup.sourceLabel
        let threshold = AnomalyThreshold.resolve(flag: thresholdFlag, config: config)
        let triage = try TriageSettings.resolve(args, config: config, environment: environment, origin: setup.triageOrigin)
        let service = setup.service
        let outcome: Result<BrowserLoop.Outcome, Error> = await withCheckedContinuation { done in
            let thread = Thread {
                do {
                    let terminal = try Terminal(options: options, environment: environment)
                    // Now terminfo can say what the terminal shows (TERM alone only suggested it).
                    var shown = (try? ImageSupport.detect(environment: environment, flag: args.value("--image"),
                                                          config: config, terminalColors: terminal.colorCount,
                                                          noColorFlag: args.has("--no-color"))) ?? images
                    if terminal.supportsTrueColor, shown.colorMode != .mono { shown.colorMode = .truecolor }
                    if shown.mode == .kitty, terminal.colorCount < 256 {
                        // Placeholder cells name their image by colour: 256 colours at least.
                        shown.mode = .blocks
                    }
                    let outcome = BrowserLoop(terminal: terminal, repository: repository, sourceLabel: label,
                                              triage: triage, service: service,
                                              previewMode: shown.mode, imageColorMode: shown.colorMode,
                                              anomalyThreshold: threshold, insideTmux: shown.inTmux,
                                              notices: notices).run()
                    terminal.restore()
                    done.resume(returning: .success(outcome))
                } catch {
                    done.resume(returning: .failure(error))
                }
            }
            thread.name = "ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
        switch outcome {
        case .success(.quit): return 0
        case .success(.signal(let number)): return 128 + number
        case .failure(let error): throw error
        }
    }
}

/// A runtime failure already phrased for the user (exit status 1).
struct RuntimeError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
