/// A small XML scanner for the parts of Office files respgraph reads (WordprocessingML and
/// SpreadsheetML): elements with attributes, text with the predefined and numeric character
/// references, CDATA, comments and processing instructions skipped.
///
/// Not a validating parser. A document type declaration is refused outright, so no entity can be
/// defined, let alone expanded (an XML bomb has nothing to expand). Names keep their prefix (`w:p`).
///
/// - Complexity: O(n) in the bytes of the document.
public struct XMLScanner {
    /// One thing the scanner meets.
    public enum Event: Equatable {
        /// `<name attr="v">`; `selfClosing` for `<name/>`.
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        /// `</name>`.
        case end(name: String)
        /// Character data between tags, references decoded.
        case text(String)
    }

    /// Why a document was refused.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// The events of a document, in order.
    ///
    /// - Throws: ``Failure`` for a document type declaration or an unclosed tag.
    public static func events(_ bytes: [UInt8]) throws(Failure) -> [Event] {
        var events: [Event] = []
        var i = 0
        let n = bytes.count
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                events.append(.text(decodeReferences(text)))
                text.removeAll(keepingCapacity: true)
            }
        }
        func starts(_ u: [UInt8], at k: Int) -> Bool {
            guard k + u.count <= n else { return false }
            for m in 0..<u.count where bytes[k + m] != u[m] { return false }
            return true
        }
        func skip(to t: [UInt8], from k: Int) throws(Failure) -> Int {
            var j = k
            while j + t.count <= n {
                if bytes[j] == t[0], starts(t, at: j) { return j + t.count }
                j += 1
            }
            throw Failure(message: "unclosed '\(String(decoding: t, as: UTF8.self))' in the XML")
        }
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "<") else { text.append(b); i += 1; continue }
            if starts(Self.commentOpen, at: i) { flushText(); i = try skip(to: Self.commentClose, from: i + 4); continue }
            if starts(Self.cdataOpen, at: i) {
                let end = try skip(to: Self.cdataClose, from: i + 9)
                text += bytes[(i + 9)..<(end - 3)].flatMap { $0 == UInt8(ascii: "&") ? Array("&amp;".utf8) : [$0] }
                i = end
                continue
            }
            if starts(Self.doctype, at: i) || starts(Self.doctypeLower, at: i) || starts(Self.entity, at: i) {
                throw Failure(message: "the XML declares a document type (entities could expand without bound); refused")
            }
            if starts(Self.piOpen, at: i) { flushText(); i = try skip(to: Self.piClose, from: i + 2); continue }
            flushText()
            // A tag: find its end outside quoted attribute values.
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let c = bytes[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            guard j < n else { throw Failure(message: "an unclosed tag at byte \(i)") }
            events.append(parseTag(Array(bytes[(i + 1)..<j])))
            i = j + 1
        }
        flushText()
        return events
    }

    static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8), cdataOpen = Array("<![CDATA[".utf8)
    static let cdataClose = Array("]]>".utf8), doctype = Array("<!DOCTYPE".utf8), doctypeLower = Array("<!doctype".utf8)
    static let entity = Array("<!ENTITY".utf8), piOpen = Array("<?".utf8), piClose = Array("?>".utf8)

    static func parseTag(_ t: [UInt8]) -> Event {
        if t.first == UInt8(ascii: "/") {
            return .end(name: String(decoding: t.dropFirst().prefix { !isSpace($0) }, as: UTF8.self))
        }
        let selfClosing = t.last == UInt8(ascii: "/")
        let body = selfClosing ? Array(t.dropLast()) : t
        var k = 0
        while k < body.count, !isSpace(body[k]) { k += 1 }
        let name = String(decoding: body[0..<k], as: UTF8.self)
        var attributes: [String: String] = [:]
        while k < body.count {
            while k < body.count, isSpace(body[k]) { k += 1 }
            let keyStart = k
            while k < body.count, body[k] != UInt8(ascii: "="), !isSpace(body[k]) { k += 1 }
            let key = String(decoding: body[keyStart..<k], as: UTF8.self)
            while k < body.count, isSpace(body[k]) || body[k] == UInt8(ascii: "=") { k += 1 }
            guard k < body.count, body[k] == UInt8(ascii: "\"") || body[k] == UInt8(ascii: "'") else { break }
            let q = body[k]
            k += 1
            let valueStart = k
            while k < body.count, body[k] != q { k += 1 }
            if !key.isEmpty { attributes[key] = decodeReferences(Array(body[valueStart..<min(k, body.count)])) }
            k += 1
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Decodes &lt; &gt; &amp; &quot; &apos; and &#…; / &#x…; references.
    static func decodeReferences(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "&"), let semi = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(bytes[i]); i += 1; continue
            }
            let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var replacement: String?
            switch name {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = String(Unicode.Scalar(v) ?? "\u{FFFD}")
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                    replacement = String(Unicode.Scalar(v) ?? "\u{FFFD}")
                }
            }
            if let r = replacement {
                out += Array(r.utf8)
                i = semi + 1
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
