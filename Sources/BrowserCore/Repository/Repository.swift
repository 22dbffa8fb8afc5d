import AtomscaleAPI
import Foundation

/// What the repository can load; one key per cacheable result.
public enum RepositoryKey: Hashable, Sendable {
    case videos(SearchQuery)
    case frames(videoID: String)
    case timeseries(videoID: String)
    case image(imageUUID: String)
}

/// Sits between the effect runner and the API client: caches results, shares one in-flight
/// request among all callers of the same key, and cancels the network work once every caller
/// has gone away (a cancelled caller returns at once, it does not wait for the network).
public actor Repository {
    public struct Limits: Sendable {
        public var searches = 8
        public var frameLists = 64
        public var timeseries = 64
        public var imageBytes = 96 << 20
        public init() {}
    }

    private enum Value: Sendable {
        case videos([CatalogueEntry])
        case frames(FrameList)
        case timeseries(Timeseries)
        case image(Data)
    }

    private struct Flight {
        let generation: UInt64
        var task: Task<Void, Never>?
        var waiters: [UInt64: CheckedContinuation<Value, Error>] = [:]
    }

    private let service: any AtomscaleService
    private var searches: LRUCache<SearchQuery, [CatalogueEntry]>
    private var frameLists: LRUCache<String, FrameList>
    private var series: LRUCache<String, Timeseries>
    private var images: LRUCache<String, Data>
    private var flights: [RepositoryKey: Flight] = [:]
    private var counter: UInt64 = 0
    /// Network fetches actually started, by kind; tests and benchmarks read it.
    public private(set) var fetchCount = 0

    public init(service: any AtomscaleService, limits: Limits = Limits()) {
        self.service = service
        searches = LRUCache(maxCount: limits.searches)
        frameLists = LRUCache(maxCount: limits.frameLists)
        series = LRUCache(maxCount: limits.timeseries)
        images = LRUCache(maxCount: 4096, maxCost: limits.imageBytes)
    }

    public nonisolated var origin: String { service.origin }

    public func videos(_ query: SearchQuery, reload: Bool = false) async throws -> [CatalogueEntry] {
        if !reload, let hit = searches.value(for: query) { return hit }
        guard case .videos(let v) = try await shared(.videos(query), reload: reload) else { throw unexpected() }
        return v
    }

    public func frames(videoID: String, reload: Bool = false) async throws -> FrameList {
        if !reload, let hit = frameLists.value(for: videoID) { return hit }
        guard case .frames(let v) = try await shared(.frames(videoID: videoID), reload: reload) else { throw unexpected() }
        return v
    }

    public func timeseries(videoID: String, reload: Bool = false) async throws -> Timeseries {
        if !reload, let hit = series.value(for: videoID) { return hit }
        guard case .timeseries(let v) = try await shared(.timeseries(videoID: videoID), reload: reload) else { throw unexpected() }
        return v
    }

    public func image(imageUUID: String, reload: Bool = false) async throws -> Data {
        if !reload, let hit = images.value(for: imageUUID) { return hit }
        guard case .image(let v) = try await shared(.image(imageUUID: imageUUID), reload: reload) else { throw unexpected() }
        return v
    }

    /// Cached frames without waiting, for callers that must not suspend.
    public func cachedFrames(videoID: String) -> FrameList? { frameLists.peek(videoID) }

    /// Number of requests in flight (waiting callers share one).
    public var inFlightCount: Int { flights.count }

    // MARK: - Sharing and cancellation

    private func shared(_ key: RepositoryKey, reload: Bool) async throws -> Value {
        let waiter = nextID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (cont: CheckedContinuation<Value, Error>) in
                // Runs synchronously on this actor, so a cancellation hop cannot overtake it.
                if Task.isCancelled {
                    cont.resume(throwing: CancellationError())
                    return
                }
                if reload, let old = flights.removeValue(forKey: key) { abandon(old) }
                if flights[key] == nil { start(key) }
                flights[key]?.waiters[waiter] = cont
            }
        } onCancel: {
            Task { await self.leave(key, waiter: waiter) }
        }
    }

    private func start(_ key: RepositoryKey) {
        let generation = nextID()
        fetchCount += 1
        let service = self.service
        // Inherits this actor, so finish() runs here; the fetch itself hops off the actor.
        let task = Task {
            let result: Result<Value, Error>
            do { result = .success(try await Self.fetch(key, from: service)) } catch { result = .failure(error) }
            self.finish(key, generation: generation, result: result)
        }
        flights[key] = Flight(generation: generation, task: task)
    }

    private static func fetch(_ key: RepositoryKey, from service: any AtomscaleService) async throws -> Value {
        switch key {
        case .videos(let q): return .videos(try await service.search(q))
        case .frames(let id): return .frames(try await service.frames(videoID: id))
        case .timeseries(let id): return .timeseries(try await service.timeseries(videoID: id))
        case .image(let id): return .image(try await service.imageData(imageUUID: id))
        }
    }

    private func finish(_ key: RepositoryKey, generation: UInt64, result: Result<Value, Error>) {
        guard let flight = flights[key], flight.generation == generation else { return }
        flights.removeValue(forKey: key)
        if case .success(let value) = result { store(value, for: key) }
        for cont in flight.waiters.values { cont.resume(with: result) }
    }

    private func leave(_ key: RepositoryKey, waiter: UInt64) {
        guard var flight = flights[key], let cont = flight.waiters.removeValue(forKey: waiter) else { return }
        cont.resume(throwing: CancellationError())
        if flight.waiters.isEmpty {
            flights.removeValue(forKey: key)
            flight.task?.cancel()
        } else {
            flights[key] = flight
        }
    }

    /// A reload replaces a flight: its callers are told they were cancelled (the reducer has
    /// already stopped wanting their answers) and its network work is cancelled.
    private func abandon(_ flight: Flight) {
        flight.task?.cancel()
        for cont in flight.waiters.values { cont.resume(throwing: CancellationError()) }
    }

    private func store(_ value: Value, for key: RepositoryKey) {
        switch (key, value) {
        case (.videos(let q), .videos(let v)): searches.insert(v, for: q)
        case (.frames(let id), .frames(let v)): frameLists.insert(v, for: id)
        case (.timeseries(let id), .timeseries(let v)): series.insert(v, for: id)
        case (.image(let id), .image(let v)): images.insert(v, for: id, cost: v.count)
        default: break
        }
    }

    private func nextID() -> UInt64 {
        counter += 1
        return counter
    }

    private func unexpected() -> APIError { .decoding("internal: cache returned the wrong kind of value") }
}
