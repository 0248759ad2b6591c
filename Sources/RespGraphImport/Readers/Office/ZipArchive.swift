import RespGraphModel

/// A ZIP archive read from memory (APPNOTE 6.3: end of central directory, central directory,
/// local headers), with entries stored or deflated — what .docx and .xlsx files are.
///
/// Defences: an encrypted entry, ZIP64, a multi-disk archive or a compression method other than
/// stored/deflate is refused by name; no entry inflates past ``entryLimit`` and the entries read
/// from one archive never past ``totalLimit`` (a zip bomb stops there, whatever the headers claim);
/// every entry's CRC-32 is checked.
public struct ZipArchive {
    /// What went wrong with an archive.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The message for a user.
        public var message: String
        /// The message.
        public var description: String { message }
        init(_ message: String) { self.message = message }
    }

    /// One entry of the central directory.
    public struct Entry: Equatable {
        /// Its path inside the archive.
        public var name: String
        /// 0 stored, 8 deflate.
        var method: Int
        var flags: Int
        var crc: UInt32
        var compressedSize: Int
        /// The size it claims to have when inflated.
        public var size: Int
        var localHeaderOffset: Int
    }

    /// The largest entry inflated (64 MiB).
    public static let entryLimit = 64 << 20
    /// The most read from one archive in all (256 MiB).
    public static let totalLimit = 256 << 20

    /// The archive's bytes.
    private let bytes: [UInt8]
    /// The entries, in directory order.
    public let entries: [Entry]
    private var inflated = 0
    /// The XML parts read whose bytes are not valid UTF-8 (read with U+FFFD in their place).
    public private(set) var partsNotUTF8: [String] = []

    /// Whether bytes start like a ZIP archive.
    public static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03,
                                                                             0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) }

    /// A warning for each XML part read whose bytes were not valid UTF-8: its text holds U+FFFD (�)
    /// where the bytes were, and a name or task read from it may be wrong.
    public func invalidTextFindings(file: String) -> [ImportDiagnostic] {
        partsNotUTF8.map {
            ImportDiagnostic(.warning, file: file, line: 0, code: .badCharacters,
                             "\($0) holds bytes that are not valid UTF-8; they are read as U+FFFD (�): check the text against the source")
        }
    }

    /// Reads the central directory.
    ///
    /// - Throws: ``Failure`` for a damaged, truncated, multi-disk or ZIP64 archive.
    public init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard bytes.count >= 22 else { throw Failure("not a complete ZIP archive (too short)") }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        var eocd: Int?
        var i = bytes.count - 22
        let stop = max(0, bytes.count - 22 - 65_535)
        while i >= stop {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard let e = eocd else { throw Failure("not a complete ZIP archive (no end-of-directory record; the file is cut short or "
            + "damaged)") }
        func u16(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 | Int(bytes[o + 2]) << 16 | Int(bytes[o + 3]) << 24 }
        guard u16(e + 4) == 0, u16(e + 6) == 0 else { throw Failure("a multi-part ZIP archive; save it again as one file") }
        let count = u16(e + 10)
        let directorySize = u32(e + 12), directoryOffset = u32(e + 16)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw Failure("a ZIP64 archive, which respgraph does not read") }
        guard directoryOffset + directorySize <= e else { throw Failure("the ZIP directory points outside the file (damaged)") }
        var entries: [Entry] = []
        var p = directoryOffset
        for _ in 0..<count {
            guard p + 46 <= e, u32(p) == 0x0201_4B50 else { throw Failure("damaged ZIP directory entry at byte \(p)") }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            guard p + 46 + nameLength <= e else { throw Failure("damaged ZIP directory entry at byte \(p)") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, method: u16(p + 10), flags: u16(p + 8), crc: UInt32(u32(p + 16)),
                                 compressedSize: u32(p + 20), size: u32(p + 24), localHeaderOffset: u32(p + 42)))
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The entry with a path, if any.
    public func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// The inflated bytes of an entry.
    ///
    /// - Throws: ``Failure`` for an encrypted entry, an unknown method, damaged data, a wrong CRC,
    ///   or an entry or archive that inflates past its limit.
    public mutating func read(_ entry: Entry) throws(Failure) -> [UInt8] {
        if entry.flags & 1 != 0 { throw Failure("the archive is encrypted (password-protected); save an unprotected copy") }
        guard entry.size <= Self.entryLimit else {
            throw Failure("'\(entry.name)' would inflate to \(entry.size >> 20) MiB, past the \(Self.entryLimit >> 20) MiB limit (a zip "
                + "bomb?)")
        }
        let p = entry.localHeaderOffset
        guard p + 30 <= bytes.count, bytes[p] == 0x50, bytes[p + 1] == 0x4B, bytes[p + 2] == 0x03, bytes[p + 3] == 0x04 else {
            throw Failure("damaged ZIP entry '\(entry.name)'")
        }
        let nameLength = Int(bytes[p + 26]) | Int(bytes[p + 27]) << 8
        let extraLength = Int(bytes[p + 28]) | Int(bytes[p + 29]) << 8
        let start = p + 30 + nameLength + extraLength
        guard start + entry.compressedSize <= bytes.count else { throw Failure("ZIP entry '\(entry.name)' is cut short") }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let limit = min(Self.entryLimit, Self.totalLimit - inflated)
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw Failure("'\(entry.name)' is larger than \(limit >> 20) MiB") }
            out = data
        case 8:
            do { out = try Inflate.inflate(data, limit: limit, expectedSize: entry.size) } catch {
                switch error {
                case .tooLarge(let l): throw Failure("'\(entry.name)' inflates past \(l >> 20) MiB (a zip bomb?); refused")
                case .truncated: throw Failure("ZIP entry '\(entry.name)' is cut short")
                case .malformed(let why): throw Failure("ZIP entry '\(entry.name)' is damaged (\(why))")
                }
            }
        default:
            throw Failure("ZIP entry '\(entry.name)' uses compression method \(entry.method); only stored and deflate are read")
        }
        inflated += out.count
        guard CRC32.checksum(out) == entry.crc else { throw Failure("ZIP entry '\(entry.name)' fails its CRC check (damaged)") }
        return out
    }

    /// The inflated bytes of the entry with a path, or nil when there is none.
    public mutating func read(_ name: String) throws(Failure) -> [UInt8]? {
        guard let e = entry(name) else { return nil }
        return try read(e)
    }
}


extension ZipArchive {
    /// The XML events of an entry, or nil when there is no such entry; archive and XML problems
    /// become an ``ImportError`` naming the file (and the entry, for XML).
    mutating func xmlEvents(_ name: String, file: String) throws(ImportError) -> [XMLScanner.Event]? {
        let bytes: [UInt8]?
        do { bytes = try read(name) } catch { throw ImportError(file: file, error.message) }
        guard let bytes else { return nil }
        if String(validating: bytes, as: UTF8.self) == nil { partsNotUTF8.append(name) }
        do { return try XMLScanner.events(bytes) } catch { throw ImportError(file: file, "\(name): \(error.message)") }
    }
}
