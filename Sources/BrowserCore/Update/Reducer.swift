public func reduce(_ state: inout AppState, _ event: AppEvent) -> [Effect] { [] }
