import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the demo catalogue and for tests. One thread
/// accepts; each connection gets its own thread and serves requests in turn (keep-alive, as
/// URLSession expects). It binds to the loopback address only, so nothing off the machine
/// can reach it.
public final class HTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    public let port: UInt16
    /// `http://127.0.0.1:PORT/`
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    private let listenFD: Int32
    private let handler: Handler
    // Guarded by `lock`: open connections, so stop() can shut them down. Every shutdown and
    // close of a descriptor happens under the lock too: a descriptor number is reused as soon
    // as it is closed, and a late shutdown() would cut some other server's connection.
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false
    private var acceptEnded = false

    /// Starts listening; `port` 0 picks a free port (read it back from `port`).
    public static func start(port: UInt16 = 0, handler: @escaping Handler) throws -> HTTPServer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { let e = errno; close(fd); throw HTTPServerError.bind(port: port, errno: e) }
        guard listen(fd, 128) == 0 else { let e = errno; close(fd); throw HTTPServerError.socket(e) }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        let server = HTTPServer(fd: fd, port: UInt16(bigEndian: actual.sin_port), handler: handler)
        let thread = Thread { server.acceptLoop() }
        thread.name = "http-accept"
        thread.start()
        return server
    }

    private init(fd: Int32, port: UInt16, handler: @escaping Handler) {
        listenFD = fd
        self.port = port
        self.handler = handler
    }

    deinit { stop() }

    /// Stops accepting and closes every open connection. Idempotent: deinit calls it again
    /// after the accept loop has closed the listening socket, and that second call must not
    /// touch the (possibly reused) descriptor number.
    public func stop() {
        lock.withLock {
            if stopped { return }
            stopped = true
            if acceptEnded { close(listenFD) } else { shutdown(listenFD, Int32(SHUT_RDWR)) }
            for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while true {
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                let e = errno
                if isStopped { break }
                if e == EINTR || e == ECONNABORTED { continue }
                // Out of descriptors or memory: wait rather than stop serving for good.
                if e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM { usleep(50_000); continue }
                break
            }
            let accepted: Bool = lock.withLock {
                if stopped { return false }
                connections.insert(client)
                return true
            }
            guard accepted else { close(client); break }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            // An idle keep-alive connection is dropped after a while rather than held forever.
            var idle = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in
                serve(client)
                lock.withLock {
                    connections.remove(client)
                    close(client)
                }
            }
            thread.name = "http-conn"
            thread.start()
        }
        // Closed here only once stop() has shut it down; otherwise stop() closes it.
        lock.withLock {
            acceptEnded = true
            if stopped { close(listenFD) }
        }
    }

    private func serve(_ fd: Int32) {
        var reader = SocketReader(fd: fd)
        while !isStopped {
            let request: HTTPRequest
            switch reader.readRequest() {
            case .request(let r): request = r
            case .closed: return
            case .malformed(let why):
                send(fd, HTTPResponse.text(why, status: 400), keepAlive: false, method: "GET")
                return
            }
            let response = handler(request)
            let keepAlive = request.header("connection")?.lowercased() != "close" && response.truncateAfter == nil
            if !send(fd, response, keepAlive: keepAlive, method: request.method) || !keepAlive { return }
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ response: HTTPResponse, keepAlive: Bool, method: String) -> Bool {
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(HTTPServer.reason(response.status))\r\n"
        var headers = response.headers
        headers["Content-Length"] = String(response.body.count)
        headers["Connection"] = keepAlive ? "keep-alive" : "close"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var bytes = Data(head.utf8)
        if method != "HEAD" {
            if let cut = response.truncateAfter { bytes.append(response.body.prefix(max(0, cut))) }
            else { bytes.append(response.body) }
        }
        return writeAll(fd, bytes)
    }

    private func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n < 0 { if errno == EINTR { continue }; return false }
                sent += n
            }
            return true
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status"
        }
    }
}

public enum HTTPServerError: Error, CustomStringConvertible {
    case socket(Int32)
    case bind(port: UInt16, errno: Int32)

    public var description: String {
        switch self {
        case .socket(let e): return "cannot open a listening socket: \(String(cString: strerror(e)))"
        case .bind(let port, let e): return "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(e)))"
        }
    }
}
