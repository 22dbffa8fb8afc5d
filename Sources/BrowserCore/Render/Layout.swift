import ScreenKit

/// Where each panel goes for a window size. Pure, so the reducer (page sizes, scrolling) and
/// the renderers agree on it. Wide windows put the panels side by side; narrow ones stack
/// them; below `minimum` only a message is drawn.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 20
    public static let minimumHeight = 5
    /// From this width on, the panels stand side by side.
    public static let sideBySideWidth = 100

    public let width: Int
    public let height: Int
    public let title: Rect
    public let status: Rect
    /// Each panel's rectangle, its header row included; `.zero` when hidden.
    public let panels: [PanelID: Rect]
    /// Columns drawn as vertical separators, each spanning `body`.
    public let separators: [Rect]
    public let isTooSmall: Bool
    public let isSideBySide: Bool

    public init(width: Int, height: Int, focus: PanelID = .videos) {
        self.width = max(0, width)
        self.height = max(0, height)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let full = Rect(x: 0, y: 0, width: self.width, height: self.height)
        let (titleRow, rest) = full.splitTop(1)
        let (body, statusRow) = rest.splitBottom(1)
        title = titleRow
        status = statusRow
        var panels: [PanelID: Rect] = [:]
        for p in PanelID.allCases { panels[p] = .zero }
        var separators: [Rect] = []
        isSideBySide = self.width >= Self.sideBySideWidth && !isTooSmall
        if isTooSmall {
            // Nothing but the message.
        } else if isSideBySide {
            let videosWidth = body.width * 44 / 100
            let framesWidth = body.width * 22 / 100
            let (videos, afterVideos) = body.splitLeft(videosWidth)
            let (sep1, r1) = afterVideos.splitLeft(1)
            let (frames, r2) = r1.splitLeft(framesWidth)
            let (sep2, meta) = r2.splitLeft(1)
            let (videoMeta, frameMeta) = meta.splitTop(meta.height * 55 / 100)
            panels[.videos] = videos
            panels[.frames] = frames
            panels[.videoMetadata] = videoMeta
            panels[.frameMetadata] = frameMeta
            separators = [sep1, sep2]
        } else {
            let videosHeight = max(2, body.height * 40 / 100)
            let framesHeight = max(2, body.height * 30 / 100)
            let (videos, r1) = body.splitTop(videosHeight)
            let (frames, meta) = r1.splitTop(framesHeight)
            panels[.videos] = videos
            panels[.frames] = frames
            if meta.width >= 60 {
                let (left, r3) = meta.splitLeft(meta.width / 2)
                let (sep, right) = r3.splitLeft(1)
                panels[.videoMetadata] = left
                panels[.frameMetadata] = right
                separators = [sep]
            } else {
                // Room for one metadata pane: the one about what the user is looking at.
                let frameSide = focus == .frames || focus == .frameMetadata
                panels[frameSide ? .frameMetadata : .videoMetadata] = meta
            }
        }
        self.panels = panels
        self.separators = separators
    }

    public func rect(_ panel: PanelID) -> Rect { panels[panel] ?? .zero }

    /// Rows available for content below the panel's header row.
    public func contentRows(_ panel: PanelID) -> Int { max(0, rect(panel).height - 1) }
}
