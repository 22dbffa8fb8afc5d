// Test helper for TriageStoreTests: writes marks in a tight loop and prints each index only
// after its transaction has committed, so a test can SIGKILL it mid-burst and check that
// everything reported made it to disk.
//
// usage: triage-writer-probe <database path> [count]
import Foundation
import TriageStore

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: triage-writer-probe <database path> [count]\n".utf8))
    exit(2)
}
let count = arguments.count >= 3 ? Int(arguments[2]) ?? Int.max : Int.max

do {
    let store = try TriageStore.open(at: arguments[1], user: "probe")
    let marks = TriageMark.allCases
    var index = 0
    while index < count {
        let key = TriageKey(origin: "https://probe.invalid", kind: .frame, itemID: "frame-\(index)")
        try store.setMark(marks[index % marks.count], for: key, videoID: "probe-video", label: "frame \(index)")
        // write(2) straight to fd 1, no stdio buffer: what the test reads is exactly what committed.
        FileHandle.standardOutput.write(Data("\(index)\n".utf8))
        index += 1
    }
} catch {
    FileHandle.standardError.write(Data("triage-writer-probe: \(error)\n".utf8))
    exit(1)
}
