/// Fills in the ordinary fields of an entry (sample, owner, dates, projects, tags) from its
/// index alone, so the standard table only spells out what makes each entry special and
/// the large catalogue can compute entry i without computing entries 0..<i.
enum EntryFactory {
    enum Size {
        static let small = (320, 240)
        static let vga = (640, 480)
        static let hd = (1280, 720)
    }

    static func base(index: Int, kind: String, name: String?, status: String?,
                     fileType: String?, samplePool: Int) -> DemoEntry {
        baseWithCollected(index: index, kind: kind, name: name, status: status, fileType: fileType,
                          samplePool: samplePool).entry
    }

    /// The entry and its collection time in Unix seconds (a video's frame 0 is taken then).
    static func baseWithCollected(index: Int, kind: String, name: String?, status: String?,
                                  fileType: String?, samplePool: Int) -> (entry: DemoEntry, collected: Int64) {
        var rng = SplitMix64(UInt64(index), 0xE27)
        let upload = ISODate.start2025 + Int64(rng.int(Int(ISODate.twoYears - 40 * 86_400)))
        let collected = upload - Int64(600 + rng.int(3 * 86_400))
        let updated = upload + Int64(rng.int(30 * 86_400))
        let sampleIndex = rng.int(samplePool)
        let sample = DemoNames.sample(sampleIndex)
        let ownerIndex = rng.int(DemoNames.owners.count)
        var tags: [String] = []
        for _ in 0..<rng.int(4) {
            let t = rng.pick(DemoNames.tags)
            if !tags.contains(t) { tags.append(t) }
        }
        var projects = [DemoNames.project(sampleIndex)]
        if rng.int(4) == 0 { projects.append(DemoNames.project(sampleIndex + 1 + rng.int(4))) }
        if rng.int(9) == 0 { projects = [] }
        let entry = DemoEntry(
            index: index,
            dataID: DemoID.make(.entry, index),
            charSourceType: kind,
            rawName: name,
            pipelineStatus: status,
            rawFileType: fileType,
            sourceName: rng.pick(DemoNames.sources),
            sampleName: sample.sampleName,
            physicalSampleID: sample.id,
            physicalSampleName: sample.name,
            growthLength: nil,
            uploadDatetime: ISODate.string(seconds: upload, micros: rng.int(1_000_000)),
            lastUpdated: ISODate.string(seconds: updated, micros: rng.int(1_000_000)),
            collectedDatetime: ISODate.string(seconds: collected, style: .zulu),
            note: nil,
            noteUpdated: nil,
            fileMetadata: nil,
            tags: tags,
            owner: DemoNames.owners[ownerIndex],
            userID: DemoNames.userID(ownerIndex),
            workspaces: [DemoNames.workspaces[index % DemoNames.workspaces.count]],
            projects: projects)
        return (entry, collected)
    }

    /// An optical video entry: base fields plus a video spec whose timing matches the
    /// entry's collection time and whose growth length matches its frames.
    static func optical(index: Int, name: String?, status: String?, frames: Int,
                        size: (Int, Int), interval: Double, samplePool: Int) -> DemoEntry {
        var (e, collectedSeconds) = baseWithCollected(index: index, kind: "optical", name: name, status: status,
                                                      fileType: "mp4", samplePool: samplePool)
        var rng = SplitMix64(UInt64(index), 0x71DE0)
        e.video = DemoVideoSpec(frameCount: frames, width: size.0, height: size.1, interval: interval,
                                seed: rng.next(), startMs: collectedSeconds * 1000)
        if frames > 0 {
            e.growthLength = (Double(frames) * interval * 10).rounded() / 10
            e.fileMetadata = DemoFileMetadata(codec: "h264", fps: rng.pick([15.0, 25.0, 29.97, 30.0]),
                                              width: size.0, height: size.1,
                                              sizeBytes: frames * (size.0 * size.1 / 3) + rng.int(1 << 20))
        }
        return e
    }
}
