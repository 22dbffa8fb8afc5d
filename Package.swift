// swift-tools-version:6.0
import PackageDescription

// Layering (arrows point down the data flow):
//   atomscale-tui -> AtomscaleApp -> BrowserCore -> AtomscaleAPI, ScreenKit
//   AtomscaleApp -> TerminalNcurses (the only ncurses importer), DemoServer, ImageKit, TriageStore
// Only AtomscaleAPI speaks HTTP as a client; only TerminalNcurses imports ncurses.
let package = Package(
    name: "atomscale-tui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atomscale-tui", targets: ["atomscale-tui"]),
    ],
    targets: [
        // No pkgConfig: ncursesw's cflags carry -D flags SwiftPM rejects; the module map links it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib",
                       pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite3", path: "Sources/CSQLite3",
                       pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // libpng reports errors by longjmp; the shim keeps that inside C frames.
        .target(name: "CPNGShim", path: "Sources/CPNGShim",
                linkerSettings: [.linkedLibrary("png16")]),

        .target(name: "ScreenKit"),
        .target(name: "AtomscaleAPI"),
        .target(name: "BrowserCore", dependencies: ["ScreenKit", "AtomscaleAPI", "ImageKit"]),
        .target(name: "TerminalNcurses", dependencies: ["CNcursesw", "ScreenKit"]),
        .target(name: "DemoServer", dependencies: ["CZlib"]),
        .target(name: "ImageKit", dependencies: ["CPNGShim"]),
        .target(name: "TriageStore", dependencies: ["CSQLite3"]),
        .target(name: "FrameDownloads", dependencies: ["AtomscaleAPI", "TriageStore"]),
        .target(name: "AtomscaleApp", dependencies: [
            "ScreenKit", "AtomscaleAPI", "BrowserCore", "TerminalNcurses",
            "DemoServer", "ImageKit", "TriageStore", "FrameDownloads",
        ]),
        .executableTarget(name: "atomscale-tui", dependencies: ["AtomscaleApp"]),
        // Test helper: writes marks until killed, for the SIGKILL durability test.
        .executableTarget(name: "triage-writer-probe", dependencies: ["TriageStore"]),
        // Benchmarks, run on demand (figures in docs/performance.md), never in `swift test`.
        .executableTarget(name: "atomscale-bench", dependencies: ["ImageKit", "BrowserCore", "AtomscaleAPI", "ScreenKit", "DemoServer"]),

        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "AtomscaleAPITests", dependencies: ["AtomscaleAPI", "DemoServer"]),
        .testTarget(name: "BrowserCoreTests", dependencies: ["BrowserCore", "ScreenKit", "AtomscaleAPI", "ImageKit"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "ScreenKit"]),
        // CZlib: the tests inflate the demo's PNGs themselves rather than trusting its encoder.
        .testTarget(name: "DemoServerTests", dependencies: ["DemoServer", "CZlib"]),
        .testTarget(name: "ImageKitTests", dependencies: ["ImageKit", "CPNGShim"]),
        .testTarget(name: "TriageStoreTests", dependencies: ["TriageStore"]),
        .testTarget(name: "FrameDownloadsTests", dependencies: ["FrameDownloads", "AtomscaleAPI", "TriageStore", "DemoServer"]),
        .testTarget(name: "AtomscaleAppTests", dependencies: ["AtomscaleApp", "DemoServer", "AtomscaleAPI", "ImageKit",
                                                            "BrowserCore", "TriageStore", "FrameDownloads"]),
    ]
)
