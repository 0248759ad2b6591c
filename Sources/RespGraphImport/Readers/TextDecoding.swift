import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings respgraph reads, and the detection that chooses among them.
public enum TextEncoding: String, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-16 little-endian, announced by a byte-order mark.
    case utf16LE = "UTF-16LE"
    /// UTF-16 big-endian, announced by a byte-order mark.
    case utf16BE = "UTF-16BE"
    /// GB18030, the superset of GBK and GB2312 that older Chinese government sites serve.
    case gb18030 = "GB18030"
}

/// Decodes the bytes of a text file: UTF-8 (BOM or none), UTF-16 with a BOM, or GB18030/GBK.
///
/// Detection: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise the bytes are tried as
/// GB18030 through the system's iconv, and read so only if every byte converts. `declared` (an
/// HTML `<meta charset>`) is honoured first when it names GBK, GB2312 or GB18030.
public enum TextDecoding {
    /// The decoded text and the encoding it was read as.
    ///
    /// - Throws: ``ImportError`` naming the line of the first undecodable byte.
    public static func decode(_ bytes: [UInt8], file: String, declared: String? = nil) throws(ImportError) -> (text: String, encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if let (line, offset) = firstInvalidUTF8(rest) {
                throw ImportError(file: file, line: line, "invalid UTF-8 at byte \(offset + 3) after a UTF-8 byte-order mark")
            }
            return (String(decoding: rest, as: UTF8.self), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else { throw ImportError(file: file, "UTF-16 text with an odd number of bytes; the file is cut short") }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(little ? a | b << 8 : a << 8 | b)
                i += 2
            }
            var text = String.UnicodeScalarView()
            var line = 1
            var iterator = units.makeIterator()
            var decoder = Unicode.UTF16()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s):
                    if s == "\n" { line += 1 }
                    text.append(s)
                case .emptyInput: break decoding
                case .error: throw ImportError(file: file, line: line, "invalid UTF-16 (an unpaired surrogate)")
                }
            }
            return (String(text), little ? .utf16LE : .utf16BE)
        }
        let declaredGB = declared.map { ["gbk", "gb2312", "gb18030", "x-gbk", "cp936"].contains($0.lowercased()) } ?? false
        let invalid = firstInvalidUTF8(bytes)
        if !declaredGB {
            guard let (line, offset) = invalid else { return (String(decoding: bytes, as: UTF8.self), .utf8) }
            // Whole lines of Chinese in UTF-8 before the bad byte: a damaged or mixed file, not GBK.
            if line > 1, bytes[..<offset].contains(where: { $0 >= 0xC2 }) {
                throw ImportError(file: file, line: line, "invalid UTF-8 at byte \(offset), after \(line - 1) line(s) of UTF-8 text: the file mixes encodings or is damaged; save it again as UTF-8")
            }
        }
        if let text = convertGB18030(bytes) {
            return (text, .gb18030)
        }
        let (line, offset) = firstInvalidUTF8(bytes) ?? (1, 0)
        throw ImportError(file: file, line: line, "the text is neither UTF-8 nor GB18030/GBK (first undecodable byte at offset \(offset)); save it as UTF-8")
    }

    /// Whether the system's iconv converts GB18030 (glibc's does).
    public static var convertGB18030Available: Bool { convertGB18030([0xD6, 0xD0]) == "中" }

    /// GB18030 bytes to a string through iconv; nil when any byte sequence does not convert.
    static func convertGB18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        if bytes.isEmpty { return "" }
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let written else { return nil }
        let slice = Array(output[..<written])
        guard firstInvalidUTF8(slice) == nil else { return nil }
        return String(decoding: slice, as: UTF8.self)
        #else
        return nil
        #endif
    }

    /// The line and byte offset of the first invalid UTF-8 sequence, if any.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var i = 0, line = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i)
            }
            if i + length > bytes.count { return (line, i) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, i) }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return (line, i) }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return (line, i) }
            }
            i += length
        }
        return nil
    }
}
