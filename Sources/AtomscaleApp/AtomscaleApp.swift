import Foundation

public enum AtomscaleMain {
    public static func run(arguments: [String]) async -> Int32 {
        print("atomscale-tui: not yet")
        return 0
    }
}
