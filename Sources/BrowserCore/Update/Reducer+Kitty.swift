// Kitty mode (`--image kitty`): a decoded frame is sent to the terminal once per frame and
// box, under a small image id, and drawn as placeholder cells naming that id (KittyGraphics,
// PreviewPanel). The reducer hands out the ids, so the renderer stays a pure function of the
// state: a frame with an id is drawn as placeholders, any other as half blocks.

/// Makes sure the terminal holds the frame-and-box `key` before it is drawn: nothing when it
/// was sent already (it becomes the most recently shown), else an upload under a free id or
/// the id of the least recently shown frame, which is deleted first. Least recently shown
/// frames are also deleted while the terminal would hold more than `KittyImages.budget`.
func kittyShow(_ state: inout AppState, _ key: PreviewKey) -> [Effect] {
    guard state.previewMode == .kitty, let picture = state.preview.image(key)?.kitty else { return [] }
    if state.kitty.ids[key] != nil {
        if state.kitty.order.last != key {
            state.kitty.order.removeAll { $0 == key }
            state.kitty.order.append(key)
        }
        return []
    }
    var effects: [Effect] = []
    var held = state.kitty.heldBytes
    while !state.kitty.order.isEmpty,
          state.kitty.ids.count >= KittyImages.ids.count || held + picture.terminalBytes > KittyImages.budget {
        let oldest = state.kitty.order.removeFirst()
        guard let id = state.kitty.ids.removeValue(forKey: oldest) else { continue }
        held -= state.kitty.placements.removeValue(forKey: id)?.terminalBytes ?? 0
        effects.append(.kittyDelete(id: id))
    }
    let used = Set(state.kitty.ids.values)
    guard let id = KittyImages.ids.first(where: { !used.contains($0) }) else { return effects }
    state.kitty.ids[key] = id
    state.kitty.order.append(key)
    state.kitty.placements[id] = KittyPlacement(id: id, columns: picture.columns, rows: picture.rows,
                                                terminalBytes: picture.terminalBytes)
    effects.append(.kittyUpload(id: id, png: picture.png, columns: picture.columns, rows: picture.rows))
    return effects
}

/// The placement to draw for `key`, if the terminal holds it.
func kittyPlacement(_ state: AppState, _ key: PreviewKey) -> KittyPlacement? {
    guard state.previewMode == .kitty, let id = state.kitty.ids[key] else { return nil }
    return state.kitty.placements[id]
}
