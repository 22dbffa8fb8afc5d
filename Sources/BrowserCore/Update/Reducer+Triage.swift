import AtomscaleAPI
import ScreenKit

// Marks and notes (issue 4, item 3). The reducer keeps marks in memory and changes them at
// once (so lists and the `f` filter react on the keypress); every change also goes out as a
// `.saveTriage` effect, which the app layer stores in SQLite in the order sent. The answer
// replaces the optimistic entry with the stored one (who, when); a failure reloads the marks
// from the database, so the screen never claims a mark that was not stored.

/// Dispatches the triage actions (one `Action.triage` case in `perform`).
func performTriage(_ state: inout AppState, _ action: TriageAction) -> [Effect] {
    switch action {
    case .mark(let mark): return changeSelected(&state, .setMark(mark))
    case .clearMark: return changeSelected(&state, .clearMark)
    case .editNote: return openNoteEditor(&state)
    case .cycleFilter: return cycleMarkFilter(&state)
    case .downloadFrame: return downloadSelectedFrame(&state)
    case .downloadVideo: return downloadSelectedVideo(&state)
    case .cancelDownload: return cancelDownload(&state)
    case .copyID: return copySelectedID(&state)
    }
}

/// Asks for every mark of the origin: at start and on `r`, so a second instance's marks
/// show up on reload.
func loadTriage(_ state: inout AppState) -> [Effect] {
    let request = state.makeRequestID()
    state.triage.loadRequest = request
    return [.loadTriage(request: request)]
}

func triageLoaded(_ state: inout AppState, request: RequestID,
                  _ result: Result<TriageSnapshot, TriageFailure>) -> [Effect] {
    guard request == state.triage.loadRequest else { return [] }
    state.triage.loadRequest = nil
    switch result {
    case .success(let snapshot):
        // Items with a save still on its way keep their in-memory entry: the snapshot may
        // have been read before that save was applied.
        var videos = snapshot.videos, frames = snapshot.frames
        for (key, count) in state.triage.pending where count > 0 {
            let (kind, id) = splitPendingKey(key)
            if kind == .video { videos[id] = state.triage.videos[id] } else { frames[id] = state.triage.frames[id] }
        }
        state.triage.videos = videos
        state.triage.frames = frames
        state.triage.availability = snapshot.readOnlyReason.map { .readOnly($0) } ?? .writable
    case .failure(let failure):
        // Nothing could be read: run without marks, and say why wherever a mark key is used.
        state.triage.availability = .readOnly(failure.message)
    }
    return applyMarkFilters(&state, force: true)
}

/// The item the mark keys act on: a frame when a frame panel has the focus, else the video.
func triageTarget(_ state: AppState) -> TriageItem? {
    switch state.focus {
    case .frames, .frameMetadata, .preview, .metrics:
        guard let video = state.selectedVideo, let frame = state.selectedFrame else { return nil }
        return TriageItem(kind: .frame, itemID: frame.imageUUID, videoID: video.dataID,
                          label: "\(video.displayName) · frame \(frame.index + 1)")
    case .videos, .videoMetadata:
        guard let video = state.selectedVideo else { return nil }
        return TriageItem(kind: .video, itemID: video.dataID, videoID: video.dataID, label: video.displayName)
    }
}

/// "frame 12" or the video's name, for notices.
func shortLabel(_ item: TriageItem) -> String {
    if item.kind == .frame, let range = item.label.range(of: " · ", options: .backwards) {
        return String(item.label[range.upperBound...])
    }
    return item.label
}

/// Why a change cannot be made now, or nil.
func triageBlocked(_ state: AppState) -> String? {
    state.triage.readOnlyReason.map { "read-only: " + $0 }
}

func changeSelected(_ state: inout AppState, _ edit: TriageChange.Edit) -> [Effect] {
    if let why = triageBlocked(state) { state.notice = why; return [] }
    guard let item = triageTarget(state) else {
        state.notice = state.focus.isFramePanel ? "no frame selected" : "no video selected"
        return []
    }
    if case .clearMark = edit, state.triage.entry(item.kind, item.itemID)?.mark == nil {
        state.notice = "\(shortLabel(item)) has no mark"
        return []
    }
    switch edit {
    case .setMark(let mark): state.notice = "\(shortLabel(item)) marked \(mark.word)"
    case .clearMark: state.notice = "\(shortLabel(item)) unmarked"
    case .setNote(let text): state.notice = text.isBlank ? "note deleted" : "note saved"
    }
    return submit(&state, TriageChange(item: item, edit: edit))
}

/// Applies a change in memory and sends it to be stored.
func submit(_ state: inout AppState, _ change: TriageChange) -> [Effect] {
    let item = change.item
    var entry = state.triage.entry(item.kind, item.itemID) ?? TriageEntry(mark: nil, note: nil)
    switch change.edit {
    case .setMark(let mark): entry.mark = mark
    case .clearMark: entry.mark = nil
    case .setNote(let text): entry.note = text.isBlank ? nil : text
    }
    // Who and when come back with the stored row.
    entry.user = ""
    entry.updatedAt = ""
    setEntry(&state, item.kind, item.itemID, entry.isEmpty ? nil : entry)
    state.triage.pending[pendingKey(item.kind, item.itemID), default: 0] += 1
    return [.saveTriage(change)] + applyMarkFilters(&state, force: false)
}

func triageSaved(_ state: inout AppState, _ change: TriageChange,
                 _ result: Result<TriageEntry?, TriageFailure>) -> [Effect] {
    let key = pendingKey(change.item.kind, change.item.itemID)
    let left = max(0, (state.triage.pending[key] ?? 1) - 1)
    state.triage.pending[key] = left == 0 ? nil : left
    switch result {
    case .success(let entry):
        guard left == 0 else { return [] }
        setEntry(&state, change.item.kind, change.item.itemID, entry)
        return applyMarkFilters(&state, force: false)
    case .failure(let failure):
        state.lastError = "not saved: " + failure.message
        // Show what the database really holds.
        return loadTriage(&state)
    }
}

func setEntry(_ state: inout AppState, _ kind: TriageItem.Kind, _ id: String, _ entry: TriageEntry?) {
    if kind == .video { state.triage.videos[id] = entry } else { state.triage.frames[id] = entry }
}

func pendingKey(_ kind: TriageItem.Kind, _ id: String) -> String { kind.rawValue + ":" + id }

func splitPendingKey(_ key: String) -> (TriageItem.Kind, String) {
    let parts = key.split(separator: ":", maxSplits: 1)
    return (TriageItem.Kind(rawValue: String(parts[0])) ?? .frame, parts.count > 1 ? String(parts[1]) : "")
}

// MARK: - Note editor

func openNoteEditor(_ state: inout AppState) -> [Effect] {
    if let why = triageBlocked(state) { state.notice = why; return [] }
    guard let item = triageTarget(state) else {
        state.notice = state.focus.isFramePanel ? "no frame selected" : "no video selected"
        return []
    }
    let current = state.triage.entry(item.kind, item.itemID)?.note ?? ""
    state.triage.noteEditor = NoteEditor(item: item, editor: LineEditor(current), original: current)
    return []
}

/// Keys while the note editor is open: it takes every key (it is modal) until Enter or Esc.
func handleNoteKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var note = state.triage.noteEditor else { return [] }
    switch note.editor.apply(key) {
    case .edited, .ignored:
        state.triage.noteEditor = note
        return []
    case .cancel:
        state.triage.noteEditor = nil
        state.notice = "note not changed"
        return []
    case .submit:
        state.triage.noteEditor = nil
        let text = note.editor.string
        if text == note.original || (text.isBlank && note.original.isBlank) {
            state.notice = "note not changed"
            return []
        }
        if let why = triageBlocked(state) { state.notice = why; return [] }
        state.notice = text.isBlank ? "note deleted" : "note saved"
        return submit(&state, TriageChange(item: note.item, edit: .setNote(text)))
    }
}

// MARK: - The `f` filter

/// Cycles the marks filter of the list the focus belongs to.
func cycleMarkFilter(_ state: inout AppState) -> [Effect] {
    if state.focus.isFramePanel {
        state.triage.framesFilter = state.triage.framesFilter.next
        state.notice = "frames: showing \(state.triage.framesFilter.rawValue)"
    } else {
        state.triage.videosFilter = state.triage.videosFilter.next
        state.notice = "videos: showing \(state.triage.videosFilter.rawValue)"
    }
    return applyMarkFilters(&state, force: true)
}

/// Installs the marks predicates on both lists (again: they capture the marks as they are
/// now). The selected item stays selected; if it no longer matches, the row number stays, so
/// marking through an "unmarked" list walks on to the next one.
func applyMarkFilters(_ state: inout AppState, force: Bool) -> [Effect] {
    let layout = state.layout
    var effects: [Effect] = []
    if force || state.triage.videosFilter != .all {
        let filter = state.triage.videosFilter, marks = state.triage.videos
        state.videos.refilter(&state.videoList, rows: layout.contentRows(.videos), fallback: { $0 }) {
            $0.setPredicate(filter == .all ? nil : markPredicate(filter, marks, \.dataID))
        }
        effects += videoSelectionChanged(&state)
    }
    if force || state.triage.framesFilter != .all {
        let filter = state.triage.framesFilter, marks = state.triage.frames
        state.frames.refilter(&state.frameList, rows: layout.contentRows(.frames), fallback: { $0 }) {
            $0.setPredicate(filter == .all ? nil : markPredicate(filter, marks, \.imageUUID))
        }
    }
    return effects
}

/// A predicate over a snapshot of the marks (a dictionary copy is copy-on-write: cheap).
func markPredicate<Item>(_ filter: MarkFilter, _ marks: [String: TriageEntry],
                         _ id: KeyPath<Item, String> & Sendable) -> @Sendable (Item) -> Bool {
    { item in filter.matches(marks[item[keyPath: id]]) }
}

// MARK: - Copy (OSC 52)

/// `y`: the selected id to the operator's clipboard. The id is plain ASCII from the API;
/// it is still cleaned, since it ends up inside an escape sequence.
func copySelectedID(_ state: inout AppState) -> [Effect] {
    let id: String
    if state.focus.isFramePanel {
        guard let frame = state.selectedFrame else { state.notice = "no frame selected"; return [] }
        id = frame.imageUUID
    } else {
        guard let video = state.selectedVideo else { state.notice = "no video selected"; return [] }
        id = video.dataID
    }
    let clean = Sanitizer.clean(id)
    guard OSC52.fits(clean) else {
        state.notice = "too long to copy (\(clean.utf8.count) bytes)"
        return []
    }
    state.notice = "copied \(clean) (OSC 52)"
    return [.copyToClipboard(clean)]
}

extension PanelID {
    /// Panels about the selected frame: mark keys, `y` and `f` act on the frame there.
    var isFramePanel: Bool {
        switch self {
        case .frames, .frameMetadata, .preview, .metrics: return true
        case .videos, .videoMetadata: return false
        }
    }
}

extension String {
    var isBlank: Bool { allSatisfy { $0.isWhitespace } }
}
