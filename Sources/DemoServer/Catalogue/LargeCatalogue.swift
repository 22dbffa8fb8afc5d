/// The large catalogue: 100,000 entries, exactly half optical, computed one at a time from
/// the index. It begins with the standard catalogue (so the hostile and broken entries are
/// there too), then one 20,000-frame video, then generated entries alternating optical and
/// other until the optical quota is met.
enum LargeCatalogue {
    static let count = 100_000
    static let opticalCount = 50_000
    static let hugeFrameCount = 20_000
    static var hugeVideoIndex: Int { StandardCatalogue.entries.count }
    static let samplePool = 5_000

    private static let standardOptical = StandardCatalogue.entries.filter(\.isOptical).count
    /// Generated optical entries needed after the standard ones and the huge video.
    private static let generatedOptical = opticalCount - standardOptical - 1
    private static let otherKinds: [(kind: String, ext: String)] = [
        ("rheed_stationary", "imm"), ("rheed_rotating", "imm"), ("rheed_image", "png"), ("xps", "vms"),
        ("raman", "spc"), ("photoluminescence", "csv"), ("recipe", "json"),
    ]
    private static let statuses = ["success", "success", "success", "success", "success", "success",
                                   "running", "error", "pending", "stream_active", "stream_interrupted"]

    static func entry(at i: Int) -> DemoEntry {
        precondition(i >= 0 && i < count, "large catalogue index out of range")
        let standard = StandardCatalogue.entries
        if i < standard.count { return standard[i] }
        if i == hugeVideoIndex {
            var e = EntryFactory.optical(index: i, name: "GaN_MOCVD_20000_frame_endurance_run.mp4", status: "success",
                                         frames: hugeFrameCount, size: EntryFactory.Size.small, interval: 0.5,
                                         samplePool: samplePool)
            e.note = "Twenty thousand saved frames: scrolling, caching and timeseries at scale."
            return e
        }
        let j = i - hugeVideoIndex - 1
        var rng = SplitMix64(UInt64(i), 0x1A26E)
        let material = rng.pick(DemoNames.materials)
        let process = rng.pick(DemoNames.processes)
        if j < 2 * generatedOptical && j % 2 == 0 {
            let status = rng.pick(statuses)
            let frames = status == "pending" ? 0 : rng.int(9)
            var e = EntryFactory.optical(index: i, name: "\(material)_\(process)_run\(i).mp4", status: status,
                                         frames: frames, size: EntryFactory.Size.small,
                                         interval: Double(1 + rng.int(5)), samplePool: samplePool)
            if frames == 0 { e.video?.timeseries = .empty } else if i % 10 == 3 { e.video?.timeseries = .rows }
            if i % 4 == 1 { e.video?.timeKey = .timestampSeconds }
            return e
        }
        let other = otherKinds[rng.int(otherKinds.count)]
        return EntryFactory.base(index: i, kind: other.kind, name: "\(material)_\(process)_\(other.kind)_\(i).\(other.ext)",
                                 status: rng.pick(statuses), fileType: other.ext, samplePool: samplePool)
    }
}
