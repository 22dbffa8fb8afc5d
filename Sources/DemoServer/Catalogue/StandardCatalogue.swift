/// The hand-written standard catalogue: 22 optical videos and 6 other entries, in listing
/// order. Each video exists to show one thing (a status, a frame count, a payload shape, a
/// broken frame, a hostile name); `DemoCatalogue.Facts` names the special ones so tests do
/// not hard-code ids.
enum StandardCatalogue {
    static let entries: [DemoEntry] = build()

    /// Videos draw their sample from this many, so several videos share a physical sample.
    static let samplePool = 10

    private static func build() -> [DemoEntry] {
        var list: [DemoEntry] = []
        func video(_ name: String?, _ status: String?, frames: Int, size: (Int, Int) = EntryFactory.Size.vga,
                   interval: Double, _ customise: (inout DemoEntry) -> Void = { _ in }) {
            var e = EntryFactory.optical(index: list.count, name: name, status: status, frames: frames,
                                         size: size, interval: interval, samplePool: samplePool)
            customise(&e)
            list.append(e)
        }
        func other(_ kind: String, _ name: String, _ fileType: String, _ status: String = "success") {
            list.append(EntryFactory.base(index: list.count, kind: kind, name: name, status: status,
                                          fileType: fileType, samplePool: samplePool))
        }
        let small = EntryFactory.Size.small

        video("GaN_MOCVD_run042_sapphire.mp4", "success", frames: 120, interval: 2) {
            $0.video?.nullTimestampAt = 7
            $0.note = "Nucleation at 540 °C, ramp to 1040 °C; island coalescence around frame 90."
            $0.noteUpdated = $0.lastUpdated
        }
        video("AlN_buffer_calibration.mp4", "running", frames: 48, interval: 1) {
            $0.video?.stringTimestamps = true
            $0.growthLength = nil
        }
        other("rheed_stationary", "GaN_run042_RHEED.imm", "imm")
        video("InGaN_MQW_live_stream.mp4", "stream_active", frames: 24, size: small, interval: 0.5) {
            $0.video?.timeKey = .timestampSeconds
            $0.growthLength = nil
        }
        video("GaN_nucleation_failed.mp4", "error", frames: 5, interval: 3) {
            $0.video?.timeseries = .rows
            $0.note = "Pipeline error: edge detector lost the island after frame 3."
        }
        video("queued_upload_0007.mp4", "pending", frames: 0, interval: 1) {
            $0.video?.timeseries = .empty
            $0.tags = []
        }
        other("xps", "AlN_survey_scan.vms", "vms")
        video("Ga2O3_homoepitaxy_long_run.mp4", "success", frames: 300, interval: 4)
        video("SiC_step_flow_overnight.mp4", "success", frames: 600, size: small, interval: 6) {
            $0.video?.timeKey = .timestampSeconds
            $0.tags = ["overnight", "step-flow"]
        }
        video("ZnO_nanowires_interrupted.mp4", "stream_interrupted", frames: 37, size: small, interval: 1) {
            $0.video?.timeseries = .rows
        }
        other("raman", "MoS2_flake_map.spc", "spc")
        video("MoS2_CVD_flake_growth.mp4", "success", frames: 80, size: EntryFactory.Size.hd, interval: 1.5) {
            $0.video?.extraFrameKey = true
        }
        video("hBN_monolayer_trial3.mp4", "stream_finalizing", frames: 3, interval: 10)
        video("WSe2_lateral_heterostructure.mp4", "success", frames: 2, interval: 30) {
            $0.video?.timeKey = .none
            $0.video?.frameNumbers = false
        }
        video("GaAs_MBE_oxide_desorption.mp4", "stream_error", frames: 1, size: small, interval: 1) {
            $0.video?.timeKey = .timestampSeconds
            $0.video?.timeseries = .bareRows
        }
        other("recipe", "GaN_template_recipe_v7.json", "json")
        video("damaged_capture_frames.mp4", "success", frames: 12, interval: 2) {
            $0.video?.truncatedFrame = 4
            $0.video?.hugeHeaderFrame = 7
            $0.note = "Frames 4 and 7 were damaged during upload."
        }
        video("AlGaN_barrier_partial_metadata.mp4", "running", frames: 16, interval: 2) {
            $0.video?.metadataGapEvery = 3
        }
        video("perovskite_spin_anneal.mp4", "running", frames: 20, size: small, interval: 5) {
            $0.video?.timeseries = .empty
            $0.growthLength = nil
        }
        other("rheed_rotating", "SrTiO3_rotating.imm", "imm", "running")
        // The hostile ones: terminal escapes (CSI, OSC title, C1 CSI), bidi override, wide,
        // combining, emoji and very long text. A client must show them without letting them
        // act on the terminal or break the layout.
        video("\u{1B}[31mred\u{1B}[0m_alarm\u{9B}2J_run.mp4", "success", frames: 8, size: small, interval: 2) {
            $0.isHostile = true
            $0.tags = ["\u{1B}]0;pwned\u{07}", "anomaly-review"]
            $0.sampleName = "GaN-\u{1B}[5mblink"
        }
        video("growth_\u{202E}4pm.exe_log.mp4", "success", frames: 6, interval: 2) {
            $0.isHostile = true
            $0.physicalSampleName = "W7 \u{202E}reversed\u{202C} sample"
        }
        video("窒化ガリウム成長_試料7.mp4", "success", frames: 30, interval: 2) {
            $0.isHostile = true
            $0.sampleName = "窒化ガリウム-W7"
            $0.physicalSampleName = "ウェハ７ GaN on サファイア"
            $0.note = "成長温度 1040 °C、キャリアガス H₂。"
        }
        video("Ga\u{0301}N_re\u{0301}sume\u{0301}_run.mp4", nil, frames: 15, interval: 2) {
            $0.isHostile = true
            $0.omitted = [.sample, .projects, .tags, .owner, .sourceName, .fileMetadata, .userID]
        }
        video("🔬 growth 🚀 GaN test 👩‍🔬.mp4", "running", frames: 10, size: small, interval: 1) {
            $0.isHostile = true
            $0.tags = ["🔥hot", "needs-review"]
        }
        other("photoluminescence", "GaN_PL_map_300K.csv", "csv")
        video(longName, "success", frames: 4, interval: 5) {
            $0.isHostile = true
            $0.note = "First line of the note\nsecond line\tafter a tab\r\nthird line\u{0}after NUL"
            $0.noteUpdated = $0.lastUpdated
        }
        video("legacy_import_2025.mp4", "success", frames: 60, interval: 2) {
            $0.video?.timeKey = .timestampSeconds
            $0.useLastAccessedKey = true
            $0.fileMetadata = nil
            $0.growthLength = nil
            $0.omitted = [.tags, .workspaces, .collected, .note, .userID, .growthLength]
        }
        return list
    }

    /// Exactly 300 characters, ending in `.mp4`.
    static let longName: String = {
        var s = "GaN_"
        while s.count < 296 { s += "extremely_long_descriptive_file_name_" }
        return String(s.prefix(296)) + ".mp4"
    }()
}
