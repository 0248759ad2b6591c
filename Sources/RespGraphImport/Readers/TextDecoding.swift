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
    /// Big5 (with the HKSCS additions), the traditional-character encoding of Hong Kong, Macao and Taiwan.
    case big5 = "BIG5-HKSCS"
}

/// Decodes the bytes of a text file: UTF-8 (BOM or none), UTF-16 with a BOM, GB18030/GBK or Big5.
///
/// Detection: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise the bytes are tried as
/// GB18030 and as Big5 through the system's iconv (a reading counts only if every byte converts).
/// Most Big5 bytes are also valid GB18030, so when both convert the reading with more of the
/// characters common in official texts (``commonCharacters``, simplified and traditional) wins.
/// `declared` (an HTML `<meta charset>`) is honoured first when it names GBK, GB2312, GB18030 or Big5.
public enum TextDecoding {
    /// The decoded text and the encoding it was read as.
    ///
    /// - Throws: ``ImportError`` naming the line of the first undecodable byte.
    public static func decode(_ bytes: [UInt8], file: String, declared: String? = nil) throws(ImportError) -> (text: String,
        encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if let (line, offset) = firstInvalidUTF8(rest) {
                throw ImportError(file: file, line: line, "invalid UTF-8 at byte \(offset + 3) after a UTF-8 byte-order mark")
            }
            return (String(decoding: rest, as: UTF8.self), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            return (try utf16(bytes.dropFirst(2), littleEndian: little, file: file), little ? .utf16LE : .utf16BE)
        }
        let declaredGB = declared.map { ["gbk", "gb2312", "gb18030", "x-gbk", "cp936"].contains($0.lowercased()) } ?? false
        let declaredBig5 = declared.map { ["big5", "big5-hkscs", "cp950", "x-x-big5"].contains($0.lowercased()) } ?? false
        let invalid = firstInvalidUTF8(bytes)
        if declaredBig5, let text = convert(bytes, from: TextEncoding.big5.rawValue) { return (text, .big5) }
        if !declaredGB && !declaredBig5 {
            guard let (line, offset) = invalid else { return (String(decoding: bytes, as: UTF8.self), .utf8) }
            // Whole lines of Chinese in UTF-8 before the bad byte: a damaged or mixed file, not GBK.
            if line > 1, bytes[..<offset].contains(where: { $0 >= 0xC2 }) {
                throw ImportError(file: file, line: line,
                                  "invalid UTF-8 at byte \(offset), after \(line - 1) line(s) of UTF-8 text: the file mixes encodings or "
                                      + "is damaged; save it again as UTF-8")
            }
        }
        let gb = convertGB18030(bytes)
        let big5 = declaredGB ? nil : convert(bytes, from: TextEncoding.big5.rawValue)
        switch (gb, big5) {
        case let (g?, b?): return commonCharacterCount(b) > commonCharacterCount(g) ? (b, .big5) : (g, .gb18030)
        case let (g?, nil): return (g, .gb18030)
        case let (nil, b?): return (b, .big5)
        case (nil, nil):
            let (line, offset) = firstInvalidUTF8(bytes) ?? (1, 0)
            throw ImportError(file: file, line: line,
                              "the text is neither UTF-8, GB18030/GBK nor Big5 (first undecodable byte at offset \(offset)); save it as "
                                  + "UTF-8")
        }
    }

    /// UTF-16 text after its byte-order mark.
    ///
    /// - Throws: ``ImportError`` for an odd number of bytes or an unpaired surrogate, naming its line.
    static func utf16(_ body: ArraySlice<UInt8>, littleEndian little: Bool, file: String) throws(ImportError) -> String {
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
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" { line += 1 }
                text.append(s)
            case .emptyInput: return String(text)
            case .error: throw ImportError(file: file, line: line, "invalid UTF-16 (an unpaired surrogate)")
            }
        }
    }

    /// Characters frequent in official texts, in simplified and traditional forms: a right reading
    /// of Chinese text is full of them, a wrong one (Big5 bytes read as GBK) almost never.
    static let commonCharacters: Set<Character> = Set(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其且"
        + "牵头配合责任单位市县区省政府办公室局委厅关于印发通知工作方案计划要点负责推进加快建设发展改革财政商务科技教育卫生健康自然资源住房城乡交通运输农业农村文化旅游体育应急管理市场监督审计统计税务海关银行金融"
        + "這為們個國來時對會發動過說種後與點從業開還處經現實進學體關於印通辦單頭責務設區縣廳導會員組織財稅銀貿監規劃書資訊技術衛農鄉運輸遊職"
    )

    /// How many characters of a text are ``commonCharacters``.
    static func commonCharacterCount(_ text: String) -> Int {
        var n = 0
        for c in text where commonCharacters.contains(c) { n += 1 }
        return n
    }

    /// Whether the system's iconv converts GB18030 (glibc's does).
    public static var convertGB18030Available: Bool { convertGB18030([0xD6, 0xD0]) == "中" }

    /// GB18030 bytes to a string through iconv; nil when any byte sequence does not convert.
    static func convertGB18030(_ bytes: [UInt8]) -> String? { convert(bytes, from: TextEncoding.gb18030.rawValue) }

    /// Bytes in an encoding iconv knows to a string; nil when any byte sequence does not convert.
    static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        #if canImport(Glibc)
        if bytes.isEmpty { return "" }
        let cd = iconv_open("UTF-8", encoding)
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
