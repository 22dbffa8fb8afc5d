import Foundation

/// Entry point: parses the command line and dispatches to a command. Returns the exit
/// status (0 success, 1 runtime error, 2 usage error).
public enum AtomscaleMain {
    public static func run(arguments: [String]) async -> Int32 {
        await run(arguments: arguments, environment: ProcessInfo.processInfo.environment, output: .standard)
    }

    static let commands: Set<String> = ["videos", "frames", "demo-server", "keys", "render", "triage", "download", "doctor"]

    static func run(arguments: [String], environment: [String: String], output: Output) async -> Int32 {
        let command = arguments.first.flatMap { commands.contains($0) ? $0 : nil }
        let rest = command == nil ? arguments : Array(arguments.dropFirst())
        do {
            switch command {
            case "videos": return try await ListCommands.videos(rest, environment: environment, output: output)
            case "frames": return try await ListCommands.frames(rest, environment: environment, output: output)
            case "demo-server": return try await DemoServerCommand.run(rest, output: output)
            case "render": return try await RenderCommand.run(rest, environment: environment, output: output)
            case "keys": return try KeysCommand.run(rest, output: output)
            case "doctor": return try DoctorCommand.run(rest, environment: environment, output: output)
            case "triage": return try TriageCommand.run(rest, environment: environment, output: output)
            case "download":
                // Output.standard: this is the program itself, not a test calling in.
                return try await DownloadCommand.run(rest, environment: environment, output: output,
                                                     catchSignals: output === Output.standard)
            default: return try await BrowseCommand.run(rest, environment: environment, output: output)
            }
        } catch let error as UsageError {
            output.error(error.message)
            output.rawError("Try 'atomscale-tui\(command.map { " " + $0 } ?? "") --help'.\n")
            return 2
        } catch {
            output.error(RuntimeFailure.message(for: error))
            return 1
        }
    }
}

/// Turns any error into one line for stderr; API errors already carry a user-facing text.
enum RuntimeFailure {
    static func message(for error: Error) -> String {
        String(describing: error)
    }
}
