import Foundation
import TerminalNcurses

// Temporary: until main's ncurses Terminal (with its own writeRaw) is merged.
extension Terminal {
    func writeRaw(_ bytes: String) {
        FileHandle.standardOutput.write(Data(bytes.utf8))
    }
}
