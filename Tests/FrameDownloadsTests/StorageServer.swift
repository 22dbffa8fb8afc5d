import AtomscaleAPI
import DemoServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A loopback API with the two-step image fetch of the platform: `processed_data` (needs the
/// key) answers with a presigned URL on another origin (`localhost` instead of `127.0.0.1`),
/// and that "storage" route refuses any request carrying the key, as the real object store's
/// signature check would. It counts what it saw so tests can check who got the key and how
/// many downloads ran at once.
final class StorageServer: @unchecked Sendable {
    static let key = "secret-test-key"

    let http: HTTPServer
    private let lock = NSLock()
    private var images: [String: Data] = [:]
    private var truncated: Set<String> = []
    private var active = 0
    private(set) var maxActive = 0
    private(set) var keyOnStorage = 0
    private(set) var keyMissingOnAPI = 0
    private(set) var storageRequests: [String] = []
    private var delay: Double

    init(delay: Double = 0) throws {
        self.delay = delay
        let box = Box()
        http = try HTTPServer.start { request in box.server?.handle(request) ?? .text("starting", status: 503) }
        box.server = self
    }

    func stop() { http.stop() }

    var apiURL: URL { http.baseURL }

    func add(_ uuid: String, _ data: Data, truncate: Bool = false) {
        lock.withLock {
            images[uuid] = data
            if truncate { truncated.insert(uuid) }
        }
    }

    func setDelay(_ seconds: Double) { lock.withLock { delay = seconds } }

    var stats: (maxActive: Int, keyOnStorage: Int, keyMissingOnAPI: Int, storage: [String]) {
        lock.withLock { (maxActive, keyOnStorage, keyMissingOnAPI, storageRequests) }
    }

    private func handle(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.count == 3, parts[0] == "data_entries", parts[1] == "processed_data" {
            guard request.header("X-API-KEY") == Self.key else {
                lock.withLock { keyMissingOnAPI += 1 }
                return .json("{\"detail\":\"no key\"}", status: 401)
            }
            let uuid = parts[2]
            guard lock.withLock({ images[uuid] }) != nil else { return .json("{\"detail\":\"Not found\"}", status: 404) }
            let url = "http://localhost:\(http.port)/storage/\(uuid).png?X-Amz-Signature=abc"
            return .json("{\"url\":\"\(url)\",\"file_name\":\"\(uuid).png\",\"file_format\":\"png\"}")
        }
        if parts.count == 2, parts[0] == "storage" {
            let uuid = String(parts[1].dropLast(4))
            if request.header("X-API-KEY") != nil {
                lock.withLock { keyOnStorage += 1 }
                return .text("<Error>key sent to storage</Error>", status: 400, contentType: "application/xml")
            }
            let (data, cut, wait) = lock.withLock { () -> (Data?, Bool, Double) in
                storageRequests.append(uuid)
                active += 1
                maxActive = max(maxActive, active)
                return (images[uuid], truncated.contains(uuid), delay)
            }
            // The handler runs on the connection's thread: sleeping holds this download
            // "in flight" so concurrency can be observed.
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            lock.withLock { active -= 1 }
            guard let data else { return .text("NoSuchKey", status: 404) }
            var response = HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: data)
            if cut { response.truncateAfter = data.count / 2 }
            return response
        }
        return .json("{\"detail\":\"Not found\"}", status: 404)
    }

    private final class Box: @unchecked Sendable {
        weak var server: StorageServer?
    }
}

/// Bytes that pass for a complete PNG (signature, a body, the IEND trailer), distinct per seed.
func fakePNG(_ seed: Int, size: Int = 3000) -> Data {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var x = UInt32(truncatingIfNeeded: seed &* 2_654_435_761 &+ 1)
    for _ in 0..<size {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5
        bytes.append(UInt8(truncatingIfNeeded: x))
    }
    bytes += [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
    return Data(bytes)
}

/// Frames as the client builds them.
func frames(count: Int, prefix: String = "a1b2") -> [VideoFrame] {
    (0..<count).compactMap { i in
        VideoFrame(index: i, json: ["image_uuid": .string(uuid(i, prefix: prefix)),
                                    "processed_file_metadata": .object(["file_type": .string("png")])])
    }
}

func uuid(_ i: Int, prefix: String = "a1b2") -> String {
    prefix + String(format: "%04x-0000-4000-8000-%012d", i, i)
}

/// A fresh directory per test.
struct TemporaryDirectory {
    let path: String
    init() {
        var template = Array("/tmp/downloads-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    /// Every file below the directory, relative paths, sorted (hidden ones included).
    func files() -> [String] {
        let all = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
        return all.filter { p in
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path + "/" + p, isDirectory: &dir) && !dir.boolValue
        }.sorted()
    }
}
