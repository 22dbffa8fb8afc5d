/// Word lists the catalogue draws from. Kept in one place so names stay plausible for a
/// thin-film growth lab and so the hostile names elsewhere stand out as deliberate.
enum DemoNames {
    static let materials = ["GaN", "AlN", "InGaN", "AlGaN", "Ga2O3", "SiC", "ZnO", "MoS2", "WSe2",
                            "hBN", "GaAs", "InP", "graphene", "SrTiO3", "perovskite", "β-Ga2O3"]
    static let processes = ["MOCVD", "MBE", "PLD", "CVD", "sputter", "HVPE", "ALD", "anneal"]
    static let substrates = ["sapphire", "Si(111)", "SiC-4H", "GaN-template", "STO(001)", "quartz"]
    static let sources = ["kSA BandiT optical", "Aixtron CCS optical port", "Veeco GEN10 viewport cam",
                          "Riber C21 CCD", "custom Basler acA1920", "LayTec EpiCurve camera"]
    static let owners = ["Ada Ruiz", "Kenji Watanabe", "Priya Natarajan", "Ola Nordmann", "Chen Wei",
                         "Demo Operator", "Fatima Zahra El Idrissi", "Jonas Becker"]
    static let tags = ["calibration", "baseline", "anomaly-review", "overnight", "template",
                       "publication", "needs-review", "nucleation", "step-flow", "coalescence"]
    static let workspaces = ["Growth Lab", "Shared Demo Org", "Thin Films Group"]

    /// Projects are a small fixed set so that `project_ids` filters match several entries.
    static let projectNames = ["GaN power devices", "UV-C emitters", "2D heterostructures",
                               "Oxide electronics", "Recipe transfer 2026", "Process control baseline"]

    // Computed once: every one of the large catalogue's 100,000 entries asks for them.
    private static let projects = projectNames.indices.map { DemoProject(id: DemoID.make(.project, $0), name: projectNames[$0]) }
    private static let userIDs = owners.indices.map { DemoID.make(.user, $0) }

    static func project(_ k: Int) -> DemoProject { projects[k % projects.count] }

    static func userID(_ k: Int) -> String { userIDs[k % userIDs.count] }

    /// Physical samples: an id, a human name (`physical_sample_name`) and the sample name the
    /// run was logged under (`sample_name`), all from one number so videos can share a sample.
    static func sample(_ k: Int) -> (id: String, name: String, sampleName: String) {
        let material = materials[k % materials.count]
        let substrate = substrates[(k / materials.count) % substrates.count]
        let wafer = "W" + String(100 + k)
        return (DemoID.make(.sample, k), "\(wafer) \(material) on \(substrate)", "\(material)-\(wafer)")
    }
}
