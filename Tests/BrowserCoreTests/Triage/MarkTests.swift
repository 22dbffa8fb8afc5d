import AtomscaleAPI
@testable import BrowserCore
import ScreenKit
import Testing

@Suite struct MarkTests {
    @Test func markKeysOnTheVideosListMarkTheVideo() throws {
        var d = Driver.triage()
        let video = try #require(d.state.selectedVideo)
        let effects = d.keys(.char("x"))
        #expect(effects.saves == [TriageChange(
            item: TriageItem(kind: .video, itemID: video.dataID, videoID: video.dataID, label: video.displayName),
            edit: .setMark(.bad))])
        // Shown at once, before the database answers.
        #expect(d.state.triage.videos[video.dataID]?.mark == .bad)
        #expect(d.state.notice == "\(video.displayName) marked bad")
        d.store(effects)
        #expect(d.state.triage.videos[video.dataID]?.user == "tester")
        #expect(d.state.triage.pending.isEmpty)
    }

    @Test func markKeysInAFramePanelMarkTheSelectedFrame() throws {
        for panel in ["2", "4", "5", "6"] {
            var d = Driver.triage()
            d.keys(.char("2"), .char("j"), .char("j"), .char(Character(panel)))
            let video = try #require(d.state.selectedVideo)
            let frame = try #require(d.state.selectedFrame)
            #expect(frame.index == 2)
            let effects = d.keys(.char("o"))
            #expect(effects.saves == [TriageChange(
                item: TriageItem(kind: .frame, itemID: frame.imageUUID, videoID: video.dataID,
                                 label: "\(video.displayName) · frame 3"),
                edit: .setMark(.good))], "panel \(panel)")
            #expect(d.state.triage.frames[frame.imageUUID]?.mark == .good)
            #expect(d.state.triage.videos.isEmpty)
        }
    }

    @Test func videoMetadataPanelMarksTheVideoAndEachKeyHasItsMark() throws {
        var d = Driver.triage()
        d.keys(.char("3"))
        let id = try #require(d.state.selectedVideo?.dataID)
        d.store(d.keys(.char("w")))
        #expect(d.state.triage.videos[id]?.mark == .review)
        d.store(d.keys(.char("o")))
        #expect(d.state.triage.videos[id]?.mark == .good)
        let clear = d.keys(.char("u"))
        #expect(clear.saves.map(\.edit) == [.clearMark])
        #expect(d.state.triage.videos[id] == nil)
        d.store(clear)
        #expect(d.state.triage.videos[id] == nil)
        // Clearing nothing sends nothing.
        #expect(d.keys(.char("u")).saves.isEmpty)
        #expect(d.state.notice?.contains("has no mark") == true)
    }

    @Test func clearingTheMarkKeepsTheNote() throws {
        let id = Fixtures.id(0)
        var d = Driver.triage(snapshot: TriageSnapshot(videos: [id: TriageEntry(mark: .bad, note: "smeared", user: "ann")]))
        d.store(d.keys(.char("u")))
        #expect(d.state.triage.videos[id] == TriageEntry(mark: nil, note: "smeared", user: "tester",
                                                          updatedAt: "2026-03-01T12:00:00.000Z"))
    }

    @Test func quickSuccessiveMarksNeverFlickerBackWhileAnswersArrive() throws {
        var d = Driver.triage()
        let id = try #require(d.state.selectedVideo?.dataID)
        let first = d.keys(.char("x"))
        let second = d.keys(.char("o"))
        // The store answers the first change: the screen must not go back to "bad".
        d.store(first)
        #expect(d.state.triage.videos[id]?.mark == .good)
        d.store(second)
        #expect(d.state.triage.videos[id]?.mark == .good)
        #expect(d.state.triage.videos[id]?.user == "tester")
    }

    @Test func aFailedSaveShowsTheErrorAndReloadsTheMarks() throws {
        var d = Driver.triage()
        let effects = d.keys(.char("x"))
        let change = try #require(effects.saves.first)
        let after = d.send(.triageSaved(change, .failure(TriageFailure("disk full"))))
        #expect(d.state.lastError == "not saved: disk full")
        let reload = try #require(after.triageLoad)
        d.send(.triageLoaded(request: reload, .success(TriageSnapshot())))
        #expect(d.state.triage.videos.isEmpty)
    }

    @Test func readOnlyDatabaseRefusesChangesWithTheReason() throws {
        var d = Driver()
        let start = d.send(.start)
        d.send(.triageLoaded(request: start.triageLoad!, .failure(TriageFailure("The triage database at /x is damaged"))))
        let loaded = d.send(.videosLoaded(request: start.videosLoad!, .success(Fixtures.videos(2))))
        let (fr, id) = try #require(Driver.framesRequest(in: loaded))
        d.send(.framesLoaded(request: fr, videoID: id, .success(Fixtures.frames(id, count: 2))))
        for key in ["x", "o", "w", "u", "n"] {
            #expect(d.keys(.char(Character(key))).saves.isEmpty)
            #expect(d.state.notice == "read-only: The triage database at /x is damaged")
            #expect(d.state.triage.noteEditor == nil)
        }
        // Once the notice is gone, the status line keeps saying why.
        d.keys(.function(5))
        let status = Screen.render(d.state).lines().last ?? ""
        #expect(status.contains("marks are read-only: The triage database at /x is damaged"), "\(status)")
    }

    @Test func aWriteProtectedDatabaseStillShowsItsMarks() {
        let id = Fixtures.id(1)
        var d = Driver.triage(snapshot: TriageSnapshot(videos: [id: TriageEntry(mark: .good, note: nil)],
                                                       readOnlyReason: "/x is write-protected"))
        #expect(d.state.triage.videos[id]?.mark == .good)
        #expect(d.keys(.char("x")).saves.isEmpty)
        #expect(d.state.notice == "read-only: /x is write-protected")
    }

    @Test func reloadReadsTheMarksAgainAndTheySeeAnotherInstancesChanges() throws {
        var d = Driver.triage()
        let reload = d.keys(.char("r"))
        let r = try #require(reload.triageLoad)
        let other = Fixtures.id(2)
        d.send(.triageLoaded(request: r, .success(TriageSnapshot(videos: [other: TriageEntry(mark: .bad, note: "from bob")]))))
        #expect(d.state.triage.videos[other]?.note == "from bob")
        // A stale load answer is dropped.
        d.send(.triageLoaded(request: RequestID(9999), .success(TriageSnapshot())))
        #expect(d.state.triage.videos[other] != nil)
    }

    @Test func aSaveStillOnItsWayIsNotUndoneByALoadThatReadBeforeIt() throws {
        var d = Driver.triage()
        let id = try #require(d.state.selectedVideo?.dataID)
        let mark = d.keys(.char("x"))
        let reload = d.keys(.char("r"))
        d.send(.triageLoaded(request: try #require(reload.triageLoad), .success(TriageSnapshot())))
        #expect(d.state.triage.videos[id]?.mark == .bad)
        d.store(mark)
        #expect(d.state.triage.videos[id]?.user == "tester")
    }

    @Test func marksShowAsAColumnInBothListsAndInTheMetadata() throws {
        let video = Fixtures.id(0)
        let frames = Fixtures.frames(video, count: 6).frames
        var d = Driver.triage(snapshot: TriageSnapshot(
            videos: [video: TriageEntry(mark: .bad, note: "focus drift", user: "ann", updatedAt: "2026-03-01T12:34:56.000Z")],
            frames: [frames[1].imageUUID: TriageEntry(mark: .review, note: nil)]))
        var lines = Screen.render(d.state).lines()
        let videoRow = try #require(lines.first { $0.contains("growth-run-0") })
        #expect(videoRow.hasPrefix("✗✎ growth-run-0"), "\(videoRow)")
        let frameRow = try #require(lines.first { $0.contains(String(frames[1].imageUUID.prefix(8))) })
        #expect(frameRow.contains("?"), "\(frameRow)")
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("triage note") && screen.contains("focus drift"), "\(screen)")
        #expect(screen.contains("ann · 2026-03-01 12:34 UTC"), "\(screen)")
        // The frame's mark in its own metadata pane.
        d.keys(.char("2"), .char("j"))
        lines = Screen.render(d.state).lines()
        #expect(lines.contains { $0.contains("needs review") })
    }
}
