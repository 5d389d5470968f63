import CCurlShim
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 4, fetch: libcurl's multi interface on the calling thread.
///
/// Politeness and safety, all decided here:
/// - at most `concurrency` transfers, at most `perHost` to one host, `delayMs` between starts on a host;
///   connections are kept alive per host by the multi handle's connection cache;
/// - robots.txt fetched once per host and obeyed (`Robots`): its first 500 KiB are read whatever
///   `max_bytes` says, and a 5xx answer means disallow all (RFC 9309 §2.3.1.4, §2.5);
/// - retries with exponential backoff and jitter on timeouts, connection errors, 408, 429 and 5xx;
///   a Retry-After (seconds or date) holds only the URL it answered, never the host's other URLs;
///   one longer than `retryAfterCapS` is not waited for: the result says until when the host asked
///   to wait (`waitUntil`), and the claim stays pending, "waiting for its host";
/// - http and https only, also after redirects; at most 10 redirects; time, connect, low-speed and
///   byte limits (counted on decompressed bytes in the write callback); TLS verification on;
/// - private and loopback addresses refused when the socket is opened (`AddressPolicy`), every hop.
///
/// Failures are results, never throws.
public final class Fetcher: PageFetcher {
    /// The `fetch:` settings of pipeline.yml, read as `options.concurrency` and so on, plus limits
    /// that only code sets.
    @dynamicMemberLookup
    public struct Options: Sendable {
        public var settings: Configuration.Fetch

        public subscript<T>(dynamicMember key: WritableKeyPath<Configuration.Fetch, T>) -> T {
            get { settings[keyPath: key] }
            set { settings[keyPath: key] = newValue }
        }

        public var connectTimeoutS = 10
        /// Abort when slower than this many bytes per second for `timeoutS` seconds (a trickling server).
        public var lowSpeedBytes = 100
        public var maxRedirects = 10
        /// The longest Retry-After a run waits for; a longer one leaves the URL for a later run.
        public var retryAfterCapS = 120
        /// First backoff in seconds; doubled per attempt, with ±50% jitter.
        public var backoffBaseS = 1.0
        /// Addresses allowed even when private addresses are refused (tests pin 127.0.0.1 this way
        /// and check that a redirect to another loopback address is still refused).
        public var permittedAddresses: Set<String> = []
        /// Accept any content type as `ok` (JSON from a search or archive API).
        public var anyContentType = false

        public init(_ c: Configuration.Fetch) { settings = c }
    }

    public let options: Options
    /// RFC 9309 §2.5: a crawler must parse at least the first 500 KiB of a robots.txt.
    public static let robotsMaxBytes = 500 * 1024
    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// Politeness shared with other processes (`PostgresHostGate`): per_host and delay_ms across all of
    /// them, and one robots.txt per host. Nil: this process's own limits only.
    public let gate: HostGate?

    public init(options: Options, gate: HostGate? = nil) {
        _ = Self.globalInit
        self.options = options
        self.gate = gate
    }

    /// One URL's place in the queue.
    final class Job {
        let request: FetchRequest
        let hostKey: String
        let isRobots: Bool
        var attempts = 0
        /// The shared slot this job's transfer holds (`HostGate`), released when it ends.
        var gateToken: Int64?
        var notBefore = Date.distantPast
        var firstStart: Date?

        init(request: FetchRequest, hostKey: String, isRobots: Bool = false) {
            self.request = request
            self.hostKey = hostKey
            self.isRobots = isRobots
        }
    }

    /// One host's queue: jobs in arrival order (read from `head`, so taking one is O(1)),
    /// retries waiting for their backoff, and the robots.txt state.
    final class Host {
        var ready: [Job] = []
        var head = 0
        var delayed: [Job] = []
        var active = 0
        var nextStart = Date.distantPast
        enum RobotsState { case unknown, fetching, ready(Robots) }
        var robots: RobotsState = .unknown
        var robotsJob: Job?

        var isEmpty: Bool { head == ready.count && delayed.isEmpty && robotsJob == nil }

        /// Whether `take` would give a job now (asked before a shared slot is taken for it).
        func hasJob(_ now: Date, robotsPending: Bool) -> Bool {
            if robotsJob != nil { return true }
            if robotsPending { return false }
            return head < ready.count || delayed.contains { $0.notBefore <= now }
        }

        /// The next job that may start at `now`: robots.txt first, then due retries, then new URLs.
        func take(_ now: Date, robotsPending: Bool) -> Job? {
            if let job = robotsJob { robotsJob = nil; return job }
            if robotsPending { return nil }
            if let i = delayed.firstIndex(where: { $0.notBefore <= now }) { return delayed.remove(at: i) }
            guard head < ready.count else { return nil }
            defer { head += 1 }
            return ready[head]
        }

        /// When this host could start something next, if it has anything waiting.
        func nextDue(robotsPending: Bool) -> Date? {
            if robotsJob != nil { return nextStart }
            if robotsPending { return nil }
            let retry = delayed.map(\.notBefore).min()
            if head < ready.count { return nextStart }
            return retry.map { max($0, nextStart) }
        }
    }

    /// State a running transfer shares with libcurl's callbacks (passed as WRITEDATA, OPENSOCKETDATA and PRIVATE).
    final class Transfer {
        let job: Job
        let maxBytes: Int
        let allowPrivate: Bool
        let permitted: Set<String>
        var body: [UInt8] = []
        var tooLarge = false
        var refusal: String?
        var headers: UnsafeMutablePointer<curl_slist>?
        var easy: UnsafeMutableRawPointer?

        init(job: Job, maxBytes: Int, allowPrivate: Bool, permitted: Set<String>) {
            self.job = job
            self.maxBytes = maxBytes
            self.allowPrivate = allowPrivate
            self.permitted = permitted
        }
    }

    /// Fetches requests as they come (the run's fetch stage, fed while articles are still being read):
    /// `next` is asked between transfers for new requests without blocking: [] when there are none
    /// yet, nil when there will be no more. Each distinct URL is fetched once.
    public func fetch(from next: () -> [FetchRequest]?, keepBodies: Bool = true,
                      deliver: (FetchResult, [UInt8]?) -> Void) {
        var hosts: [String: Host] = [:]
        var seen = Set<String>()
        var pending = 0
        var hostOrder: [String] = []
        var more = true
        func take(_ requests: [FetchRequest]) {
            var added: [String] = []
            for request in requests where seen.insert(request.url).inserted {
                switch Self.validate(request.url) {
                case .failure(let box):
                    deliver(box.result, nil)
                case .success(let key):
                    let host = hosts[key] ?? Host()
                    if hosts[key] == nil { added.append(key) }
                    host.ready.append(Job(request: request, hostKey: key))
                    hosts[key] = host
                    pending += 1
                }
            }
            hostOrder += added.sorted()
        }
        if let first = next() { take(first) } else { more = false }
        while more && pending == 0 {
            // Nothing to fetch yet: wait for the first requests without spinning.
            guard let batch = next() else { more = false; break }
            if batch.isEmpty { usleep(20_000) } else { take(batch) }
            if StopRequest.isRequested { return }
        }
        guard pending > 0, let multi = curl_multi_init() else { return }
        defer { curl_multi_cleanup(multi) }
        _ = ct_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.perHost)
        _ = ct_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.concurrency)
        _ = ct_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(options.concurrency, 16))

        var active = 0
        var cursor = 0
        while pending > 0 || active > 0 || more {
            if more {
                if let batch = next() { take(batch) } else { more = false }
            }
            // A stop (SIGINT, SIGTERM): pages under way and not started are given up undelivered, so the
            // run records only what it has; the process ends soon after, with the transfers.
            if StopRequest.isRequested { break }
            let now = Date()
            // Start what the limits allow, taking hosts in turn.
            var idle = 0
            while active < options.concurrency && idle < hostOrder.count {
                let key = hostOrder[cursor]
                let host = hosts[key]!
                cursor = (cursor + 1) % hostOrder.count
                guard host.active < options.perHost, now >= host.nextStart, !host.isEmpty else { idle += 1; continue }
                if options.robots, case .unknown = host.robots {
                    if let (result, body) = gate?.knownRobots(key) {
                        host.robots = .ready(Self.robots(from: result, body: body, agent: options.userAgent))  // another worker's fetch
                    } else {
                        host.robots = .fetching
                        host.robotsJob = Job(request: FetchRequest(url: key + "/robots.txt"), hostKey: key, isRobots: true)
                    }
                }
                guard host.hasJob(now, robotsPending: isWaitingForRobots(host)) else { idle += 1; continue }
                var token: Int64?
                if let gate {
                    // The host's slots and delay across every worker: wait as long as the gate says.
                    switch gate.take(key, perHost: options.perHost, delayMs: options.delayMs) {
                    case .granted(let t): token = t
                    case .wait(let seconds):
                        host.nextStart = now.addingTimeInterval(max(0.005, seconds))
                        idle += 1
                        continue
                    }
                }
                guard let job = host.take(now, robotsPending: isWaitingForRobots(host)) else { idle += 1; continue }
                job.gateToken = token
                idle = 0
                if !job.isRobots, case .ready(let robots) = host.robots, let path = Self.pathAndQuery(job.request.url),
                   let rule = robots.blockingRule(path) {
                    pending -= 1
                    if let token { gate?.release(token) }
                    deliver(FetchResult(url: job.request.url, outcome: .robots, detail: robots.reason ?? "robots.txt disallows \(rule)", attempts: 0), nil)
                    continue
                }
                start(job, in: multi)
                host.active += 1
                host.nextStart = now.addingTimeInterval(Double(options.delayMs) / 1000)
                active += 1
            }

            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let code = message.pointee.data.result
                var privatePointer: UnsafeMutableRawPointer?
                _ = ct_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &privatePointer)
                curl_multi_remove_handle(multi, easy)
                guard let privatePointer else { curl_easy_cleanup(easy); continue }
                let transfer = Unmanaged<Transfer>.fromOpaque(privatePointer).takeRetainedValue()
                var result = finish(transfer, code: code)
                curl_easy_cleanup(easy)
                curl_slist_free_all(transfer.headers)
                active -= 1
                let job = transfer.job
                if let token = job.gateToken { gate?.release(token); job.gateToken = nil }
                guard let host = hosts[job.hostKey] else { continue }
                host.active -= 1
                if job.isRobots {
                    host.robots = .ready(Self.robots(from: result, body: transfer.body, agent: options.userAgent))
                    gate?.storeRobots(job.hostKey, result: result, body: transfer.body)
                    continue
                }
                if let wait = result.retryAfter, wait > options.retryAfterCapS, Self.isRetryable(result, code: code) {
                    // Longer than a run waits: only this URL is given up, for a later run; the host's others go on.
                    let until = Date().addingTimeInterval(Double(wait))
                    result.waitUntil = until
                    result.detail += ", Retry-After \(wait) s (more than the \(options.retryAfterCapS) s a run waits): waiting for its host until \(Timestamp.format(until))"
                } else if Self.isRetryable(result, code: code), job.attempts <= options.retries {
                    // Only this URL waits (its backoff, or the Retry-After it was given); the host's queue goes on.
                    let backoff = options.backoffBaseS * pow(2, Double(job.attempts - 1)) * Double.random(in: 0.5...1.5)
                    job.notBefore = Date().addingTimeInterval(max(backoff, Double(result.retryAfter ?? 0)))
                    host.delayed.append(job)
                    continue
                }
                pending -= 1
                deliver(result, keepBodies && result.outcome == .ok ? transfer.body : nil)
            }
            if pending == 0 && active == 0 && !more { break }
            // Sleep until a socket is ready or the next delayed start is due (at most 100 ms).
            var timeoutMs = 100
            if active < options.concurrency {
                let nextDue = hosts.values.lazy.filter { $0.active < self.options.perHost }
                    .compactMap { $0.nextDue(robotsPending: self.isWaitingForRobots($0)) }.min()
                if let nextDue { timeoutMs = max(0, min(100, Int(nextDue.timeIntervalSinceNow * 1000))) }
            }
            if active > 0 || timeoutMs > 0 {
                curl_multi_poll(multi, nil, 0, Int32(timeoutMs), nil)
            }
        }
    }

    /// The rules a robots.txt answer gives (RFC 9309 §2.3.1), decided on the HTTP status: a 2xx body is
    /// read up to its first `robotsMaxBytes` (a longer one is cut at its last whole line), whatever its
    /// content type; a 5xx disallows everything, however long its error page; a 4xx, or no answer at all
    /// (which the page's own fetch then reports), allows everything.
    static func robots(from result: FetchResult, body: [UInt8], agent: String) -> Robots {
        switch result.httpStatus ?? 0 {
        case 200..<300 where result.outcome != .error && result.outcome != .timeout:
            var bytes = body[...]
            if result.outcome == .too_large, let lastNewline = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                bytes = bytes[..<lastNewline]
            }
            return Robots(String(decoding: bytes, as: UTF8.self), agent: agent)
        case 500..<600:
            return .disallowAll(reason: "robots.txt answered HTTP \(result.httpStatus ?? 0): the site is treated as disallowing everything (RFC 9309)")
        default:
            return .allowAll
        }
    }

    private func isWaitingForRobots(_ host: Host) -> Bool {
        if case .fetching = host.robots { return true }
        return false
    }

    /// A fetcher for a provider's JSON API (the news search, the web archive): one request at a time, at
    /// least `spacingMs` (or the configured `delay_ms`, if longer) apart, no robots.txt (an API endpoint, not
    /// a page), no retries, any content type (the provider checks that the answer is JSON).
    public func forAPI(spacingMs: Int) -> any PageFetcher {
        var api = options
        api.concurrency = 1
        api.perHost = 1
        api.delayMs = max(options.delayMs, spacingMs)
        api.robots = false
        api.retries = 0
        api.anyContentType = true
        return Fetcher(options: api)
    }

    // MARK: One transfer

    private func start(_ job: Job, in multi: UnsafeMutableRawPointer) {
        job.attempts += 1
        if job.firstStart == nil { job.firstStart = Date() }
        guard let easy = curl_easy_init() else { return }
        let transfer = Transfer(job: job, maxBytes: job.isRobots ? Self.robotsMaxBytes : options.maxBytes, allowPrivate: options.allowPrivateAddresses,
                                permitted: options.permittedAddresses)
        transfer.easy = easy
        let context = Unmanaged.passRetained(transfer).toOpaque()
        _ = ct_easy_setopt_string(easy, CURLOPT_URL, job.request.url)
        _ = ct_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ct_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        _ = ct_easy_setopt_long(easy, CURLOPT_MAXREDIRS, options.maxRedirects)
        _ = ct_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ct_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ct_easy_setopt_long(easy, CURLOPT_TIMEOUT, options.timeoutS)
        _ = ct_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT, min(options.connectTimeoutS, options.timeoutS))
        _ = ct_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes)
        _ = ct_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, options.timeoutS)
        // A robots.txt is read up to its limit and cut there, so its announced size must not stop it.
        if !job.isRobots { _ = ct_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBytes)) }
        _ = ct_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        _ = ct_easy_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent)
        _ = ct_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ct_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        _ = ct_easy_setopt_write(easy, CURLOPT_WRITEFUNCTION, Self.writeCallback)
        _ = ct_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ct_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = ct_easy_setopt_opensocket(easy, Self.openSocketCallback)
        _ = ct_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, context)
        var headers: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        if let etag = job.request.etag { headers = curl_slist_append(headers, "If-None-Match: \(etag)") }
        if let lastModified = job.request.lastModified { headers = curl_slist_append(headers, "If-Modified-Since: \(lastModified)") }
        transfer.headers = headers
        _ = ct_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headers)
        curl_multi_add_handle(multi, easy)
    }

    /// Appends to the body; past `maxBytes` (counted after decompression) keeps what fits and stops the transfer (returns 0).
    static let writeCallback: curl_write_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let n = size * count
        if transfer.body.count + n > transfer.maxBytes {
            let room = transfer.maxBytes - transfer.body.count
            data.withMemoryRebound(to: UInt8.self, capacity: n) { transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: room)) }
            transfer.tooLarge = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: n) { transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
        return n
    }

    /// Opens the socket only for an allowed address: the check sees the address actually connected to.
    static let openSocketCallback: curl_opensocket_callback = { context, _, address in
        guard let context, let address else { return CURL_SOCKET_BAD }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let family = address.pointee.family
        let offset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr)!
        let raw = UnsafeRawPointer(address).advanced(by: offset)
        var reason: String?
        var shown = ""
        if family == AF_INET {
            var a = raw.load(as: sockaddr_in.self).sin_addr.s_addr  // network byte order
            let bytes = withUnsafeBytes(of: &a) { Array($0) }
            reason = AddressPolicy.refusalV4(bytes)
            shown = bytes.map(String.init).joined(separator: ".")
        } else if family == AF_INET6 {
            var a = raw.load(as: sockaddr_in6.self).sin6_addr
            let bytes = withUnsafeBytes(of: &a) { Array($0) }
            reason = AddressPolicy.refusalV6(bytes)
            shown = stride(from: 0, to: 16, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }.joined(separator: ":")
        } else {
            reason = "an address family other than IPv4 and IPv6"
        }
        if let reason, !transfer.allowPrivate, !transfer.permitted.contains(shown) {
            transfer.refusal = "resolved to \(shown), \(reason); set fetch.allow_private_addresses to fetch it"
            return CURL_SOCKET_BAD
        }
        return socket(family, address.pointee.socktype, address.pointee.protocol)
    }

    private func finish(_ transfer: Transfer, code: CURLcode) -> FetchResult {
        let easy = transfer.easy!
        let url = transfer.job.request.url
        var status = 0
        _ = ct_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        _ = ct_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        var contentTypePointer: UnsafeMutablePointer<CChar>?
        _ = ct_easy_getinfo_string(easy, CURLINFO_CONTENT_TYPE, &contentTypePointer)
        var totalMicros: curl_off_t = 0
        _ = ct_easy_getinfo_off_t(easy, CURLINFO_TOTAL_TIME_T, &totalMicros)
        var retryAfter: curl_off_t = 0
        _ = ct_easy_getinfo_off_t(easy, CURLINFO_RETRY_AFTER, &retryAfter)
        let contentType = contentTypePointer.map { String(cString: $0) }
        var result = FetchResult(url: url, outcome: .error, detail: "", finalURL: effective.map { String(cString: $0) },
                                 httpStatus: status > 0 ? status : nil, bytes: transfer.body.count, contentType: contentType,
                                 elapsedMs: Int(totalMicros / 1000), attempts: transfer.job.attempts)
        if retryAfter > 0 { result.retryAfter = Int(retryAfter) }
        result.etag = Self.header(easy, "ETag")
        result.lastModified = Self.header(easy, "Last-Modified")

        if let refusal = transfer.refusal {
            result.outcome = .refused
            result.detail = refusal
            return result
        }
        if transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED {
            result.outcome = .too_large
            result.detail = "more than \(options.maxBytes) bytes (fetch.max_bytes)"
            return result
        }
        switch code {
        case CURLE_OK:
            break
        case CURLE_OPERATION_TIMEDOUT:
            result.outcome = .timeout
            result.detail = "no complete answer within \(options.timeoutS) s"
            return result
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            result.outcome = .dns
            result.detail = "host name not found"
            return result
        case CURLE_UNSUPPORTED_PROTOCOL:
            result.outcome = .refused
            result.detail = "redirected to a scheme other than http or https"
            return result
        case CURLE_TOO_MANY_REDIRECTS:
            result.outcome = .error
            result.detail = "more than \(options.maxRedirects) redirects"
            return result
        default:
            result.outcome = .error
            result.detail = String(cString: curl_easy_strerror(code))
            return result
        }
        switch status {
        case 200..<300:
            let (mime, _) = PageDecoder.parseContentType(contentType)
            if !options.anyContentType, PageDecoder.kind(mime: mime, body: transfer.body) == .unsupported {
                result.outcome = .unsupported_type
                result.detail = "content type \(mime.isEmpty ? "unknown" : mime) is not a page claimtrack reads"
            } else {
                result.outcome = .ok
                result.detail = "HTTP \(status)"
            }
        case 304:
            result.outcome = .not_modified
            result.detail = "HTTP 304, unchanged since the last fetch"
        case 404, 410:
            result.outcome = .not_found
            result.detail = "HTTP \(status)"
        case 401, 403, 451:
            result.outcome = .blocked
            result.detail = "HTTP \(status): the site refuses access (paywall or bot wall), not a dead link"
        default:
            result.outcome = .http_error
            result.detail = "HTTP \(status)"
        }
        return result
    }

    /// The last value of a response header of the final response, via curl_easy_header (not variadic).
    static func header(_ easy: UnsafeMutableRawPointer, _ name: String) -> String? {
        var h: UnsafeMutablePointer<curl_header>?
        guard curl_easy_header(easy, name, 0, UInt32(CURLH_HEADER), -1, &h) == CURLHE_OK, let h, let value = h.pointee.value else { return nil }
        return String(cString: value)
    }

    /// Connection-level failures that may pass: refused, reset, empty reply, a body cut short.
    static let retryableCodes: Set<UInt32> = [CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING,
                                              CURLE_PARTIAL_FILE, CURLE_OPERATION_TIMEDOUT].map(\.rawValue).reduce(into: []) { $0.insert($1) }

    static func isRetryable(_ r: FetchResult, code: CURLcode) -> Bool {
        switch r.outcome {
        case .timeout: return true
        case .error: return retryableCodes.contains(code.rawValue)
        case .http_error: return [408, 429, 500, 502, 503, 504].contains(r.httpStatus ?? 0)
        default: return false
        }
    }

    // MARK: URLs

    /// The host key (scheme://host:port) of a fetchable URL, or the refusal result for one that is not.
    static func validate(_ url: String) -> Result<String, ResultBox> {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return .failure(ResultBox(FetchResult(url: url, outcome: .error, detail: "not a valid URL")))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(ResultBox(FetchResult(url: url, outcome: .refused, detail: "scheme \(scheme): only http and https are fetched")))
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            return .failure(ResultBox(FetchResult(url: url, outcome: .error, detail: "no host in the URL")))
        }
        let port = components.port.map { ":\($0)" } ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return .success("\(scheme)://\(bracketed)\(port)")
    }

    static func pathAndQuery(_ url: String) -> String? {
        guard let c = URLComponents(string: url) else { return nil }
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        return c.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }
}

/// A `FetchResult` as an `Error`, so URL validation can return `Result`.
struct ResultBox: Error {
    let result: FetchResult
    init(_ result: FetchResult) { self.result = result }
}
