#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif
import Foundation

/// The length-prefixed messages between actorgraph and its render worker.
///
/// A request is `AGR1`, then the format, the engine and the DOT text, each as a 4-byte
/// big-endian length and its UTF-8 bytes. A response is `AGR1`, one status byte (0: the
/// rendered bytes follow; 1: a one-line error follows) and a length-prefixed payload.
/// Lengths make the stream self-delimiting whatever the DOT or the output contains.
enum RenderWorkerProtocol {
    static let magic: [UInt8] = Array("AGR1".utf8)
    /// No message may claim more than this, so a corrupted length cannot exhaust memory.
    static let maximumLength = 1 << 30

    struct Request: Equatable {
        var format: String
        var engine: String
        var dot: String
    }

    enum Response: Equatable {
        case rendered(Data)
        case failed(String)
    }

    /// Why a message could not be read.
    enum StreamError: Error, Equatable {
        /// The other side closed the stream (a worker that crashed, a parent that quit).
        case closed
        /// No complete message arrived before the deadline.
        case timedOut
        /// The bytes are not a message of this protocol.
        case malformed(String)
        /// The operating system refused a read or write.
        case system(String)
    }

    static func encode(_ request: Request) -> Data {
        var data = Data(magic)
        for field in [request.format, request.engine, request.dot] { appendField(Data(field.utf8), to: &data) }
        return data
    }

    static func encode(_ response: Response) -> Data {
        var data = Data(magic)
        switch response {
        case .rendered(let bytes):
            data.append(0)
            appendField(bytes, to: &data)
        case .failed(let message):
            data.append(1)
            appendField(Data(message.utf8), to: &data)
        }
        return data
    }

    /// Reads one request; `nil` when the stream ends cleanly between requests.
    static func readRequest(from reader: DescriptorReader) throws -> Request? {
        let head: Data
        do { head = try reader.read(count: magic.count) } catch StreamError.closed { return nil }
        guard Array(head) == magic else { throw StreamError.malformed("bad request header") }
        let format = String(decoding: try readField(reader), as: UTF8.self)
        let engine = String(decoding: try readField(reader), as: UTF8.self)
        let dot = String(decoding: try readField(reader), as: UTF8.self)
        return Request(format: format, engine: engine, dot: dot)
    }

    static func readResponse(from reader: DescriptorReader) throws -> Response {
        guard Array(try reader.read(count: magic.count)) == magic else { throw StreamError.malformed("bad response header") }
        let status = try reader.read(count: 1)[0]
        let payload = try readField(reader)
        switch status {
        case 0: return .rendered(payload)
        case 1: return .failed(String(decoding: payload, as: UTF8.self))
        default: throw StreamError.malformed("unknown response status \(status)")
        }
    }

    private static func appendField(_ bytes: Data, to data: inout Data) {
        let length = UInt32(bytes.count)
        data.append(contentsOf: [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)])
        data.append(bytes)
    }

    private static func readField(_ reader: DescriptorReader) throws -> Data {
        let prefix = try reader.read(count: 4)
        let length = prefix.reduce(0) { ($0 << 8) | Int($1) }
        guard length <= maximumLength else { throw StreamError.malformed("message of \(length) bytes is too long") }
        return try reader.read(count: length)
    }
}

/// Reads exact byte counts from a file descriptor, optionally before a deadline.
struct DescriptorReader {
    let descriptor: Int32
    /// Seconds of `ProcessInfo.systemUptime` after which reading gives up; `nil` waits.
    var deadline: TimeInterval?

    func read(count: Int) throws -> Data {
        var data = Data(count: count)
        var filled = 0
        while filled < count {
            try waitUntilReadable()
            let got = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got == 0 { throw RenderWorkerProtocol.StreamError.closed }
            if got < 0 {
                if errno == EINTR { continue }
                throw RenderWorkerProtocol.StreamError.system(String(cString: strerror(errno)))
            }
            filled += got
        }
        return data
    }

    private func waitUntilReadable() throws {
        guard let deadline else { return }
        while true {
            let remaining = deadline - ProcessInfo.processInfo.systemUptime
            guard remaining > 0 else { throw RenderWorkerProtocol.StreamError.timedOut }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining * 1000 + 1, Double(Int32.max))))
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw RenderWorkerProtocol.StreamError.system(String(cString: strerror(errno))) }
        }
    }
}

/// Writes whole buffers to a file descriptor.
enum DescriptorWriter {
    /// Writes all of `data`; a closed reader (`EPIPE`) is ``RenderWorkerProtocol/StreamError/closed``.
    static func write(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw RenderWorkerProtocol.StreamError.closed }
                    throw RenderWorkerProtocol.StreamError.system(String(cString: strerror(errno)))
                }
                written += result
            }
        }
    }
}
