/// Reads an OFD document (.ofd, GB/T 33190 "版式文档", the fixed-layout format Chinese government
/// offices issue and archive documents in) into blocks.
///
/// An OFD file is a ZIP archive: `OFD.xml` names the document root (`DocBody/DocRoot`), whose
/// `Document.xml` lists the pages (`Pages/Page/@BaseLoc`), each a `Content.xml` of layers holding
/// `TextObject`s. A text object is placed by its `Boundary` ("x y width height", millimetres from the
/// page's top left) and `Size`; each `TextCode` inside it gives its text and the position of its first
/// character (`X`, `Y`: the baseline, relative to the boundary) and the advances of the others
/// (`DeltaX`, where "g N d" repeats d N times). Page templates (headers, footers, stamps) and
/// images are left out.
///
/// The text runs become positioned words (runs that touch on one baseline are one word, as writers
/// that place each character on its own are common; runs that share their object's box are one word
/// in the order written), and from there the document is read as a PDF is: a task table rebuilt from
/// the words under its header (``PDFReader``), other lines rebuilt into paragraphs by their geometry
/// (``PDFReader/paragraphs(_:)``). Within a line, words keep
/// the order the file wrote them in: writers emit text in reading order, while the boxes some give
/// (a whole line's box for each run) would misplace a run sorted by position.
public enum OFDReader {
    /// Points per millimetre: OFD measures in millimetres, the table rebuilder in points.
    static let pointsPerMillimetre = 72 / 25.4

    /// Whether an opened archive is an OFD document.
    public static func isOFD(_ archive: ZipArchive) -> Bool { archive.entry("OFD.xml") != nil }

    /// Reads the document of an opened archive.
    ///
    /// - Throws: ``ImportError`` when the package is missing a part it names, its XML is refused, or
    ///   its pages hold no text (a scanned image).
    public static func read(_ archive: inout ZipArchive, file: String) throws(ImportError) -> BlockDocument {
        guard let entrance = try archive.xmlEvents("OFD.xml", file: file) else {
            throw ImportError(file: file, "a ZIP archive without OFD.xml: not an OFD document")
        }
        guard let root = firstText(of: "DocRoot", in: entrance).map(packagePath) else {
            throw ImportError(file: file, "OFD.xml names no document root (DocBody/DocRoot)")
        }
        guard let document = try archive.xmlEvents(root, file: file) else {
            throw ImportError(file: file, "OFD.xml names the document root '\(root)', which the package does not hold")
        }
        let folder = root.split(separator: "/").dropLast().joined(separator: "/")
        var words: [PDFReader.Word] = []
        let pages = pageLocations(document)
        guard pages.count <= maximumPages else {
            throw ImportError(file: file, "the OFD lists \(pages.count) pages, more than the \(maximumPages) respgraph reads")
        }
        for (index, location) in pages.enumerated() {
            let path = location.hasPrefix("/") ? packagePath(location) : packagePath(folder.isEmpty ? location : folder + "/" + location)
            guard let content = try archive.xmlEvents(path, file: file) else {
                throw ImportError(file: file, "page \(index + 1) is stored at '\(path)', which the package does not hold")
            }
            words += pageWords(content, page: index + 1)
        }
        guard !words.isEmpty else {
            throw ImportError(file: file, "the OFD holds no text (a scanned image?); respgraph does not read images")
        }
        for i in words.indices { words[i].sequence = i }
        var read: BlockDocument
        if let blocks = PDFReader.tableBlocks(words,
                                              inWrittenOrder: true) { read = BlockDocument(file: file, blocks: blocks,
            format: "ofd") } else {
            read = PDFReader.runningText(words, file: file, format: "ofd", inWrittenOrder: true)
        }
        read.findings += archive.invalidTextFindings(file: file)
        return read
    }

    /// An OFD of more pages than this is refused (a plan runs to tens of pages).
    public static let maximumPages = 5_000

    /// A path inside the package: without a leading "/" and with "./" steps removed.
    public static func packagePath(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
    }

    /// An element's local name: `ofd:TextCode` → `TextCode` (writers differ in the prefix they use).
    public static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    /// The text of the first element with a local name.
    static func firstText(of element: String, in events: [XMLScanner.Event]) -> String? {
        var inside = false, text = ""
        for e in events {
            switch e {
            case .start(let name, _, let selfClosing): if local(name) == element, !selfClosing { inside = true }
            case .text(let t): if inside { text += t }
            case .end(let name):
                if inside, local(name) == element { return text.trimmed }
            }
        }
        return nil
    }

    /// The `BaseLoc` of every page of `Document.xml`, in page order.
    static func pageLocations(_ events: [XMLScanner.Event]) -> [String] {
        var out: [String] = []
        for case .start(let name, let attributes, _) in events where local(name) == "Page" {
            if let location = attributes["BaseLoc"] { out.append(location) }
        }
        return out
    }

    /// Numbers of an OFD array attribute, with "g N d" (d repeated N times) expanded.
    public static func numbers(_ text: String) -> [Double] {
        var out: [Double] = []
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })[...]
        while let part = parts.first {
            parts = parts.dropFirst()
            if part == "g", let n = parts.first.flatMap({ Int($0) }), let d = parts.dropFirst().first.flatMap({ Double($0) }) {
                out += Array(repeating: d, count: max(0, min(n, 100_000)))
                parts = parts.dropFirst(2)
            } else if let d = Double(part) {
                out.append(d)
            }
        }
        return out
    }

    /// A run of text a `TextCode` places: its start and baseline (millimetres), the advances between
    /// its characters, its type size, and the box of its text object.
    struct TextRun { var text: String; var x: Double; var baseline: Double; var advances: [Double]; var size: Double; var box: [Double] }

    /// The page's text runs that hold more than whitespace, in the order written.
    static func textRuns(_ events: [XMLScanner.Event]) -> [TextRun] {
        var runs: [TextRun] = []
        var box: [Double] = [0, 0, 0, 0], size = 3.5
        var current: TextRun?
        for e in events {
            switch e {
            case .start(let name, let a, let selfClosing):
                switch local(name) {
                case "TextObject":
                    box = numbers(a["Boundary"] ?? "")
                    while box.count < 4 { box.append(0) }
                    size = Double(a["Size"] ?? a["size"] ?? "") ?? 3.5
                case "TextCode" where !selfClosing:
                    current = TextRun(text: "", x: box[0] + (Double(a["X"] ?? "") ?? 0), baseline: box[1] + (Double(a["Y"] ?? "") ?? size),
                                      advances: numbers(a["DeltaX"] ?? ""), size: size, box: box)
                default: break
                }
            case .text(let t):
                current?.text += t
            case .end(let name):
                if local(name) == "TextCode", let run = current {
                    if !run.text.trimmed.isEmpty { runs.append(run) }
                    current = nil
                }
            }
        }
        return runs
    }

    /// The words of one page's `Content.xml`, in points from the page's top left. Runs on one
    /// baseline that touch (a gap under a quarter of the type size), and runs that follow one another
    /// in the same object box, are joined into one word.
    static func pageWords(_ events: [XMLScanner.Event], page: Int) -> [PDFReader.Word] {
        let runs = textRuns(events)
        let scale = pointsPerMillimetre
        var words: [PDFReader.Word] = []
        var lastBox: [Double]?
        // A page is at most a few metres wide: a run placed past that (or at an infinite or NaN place) is
        // not text a reader sees, and is left out rather than trusted.
        let reach = 100_000.0
        for run in runs where ([run.x, run.baseline, run.size] + run.box + run.advances).allSatisfy({ $0.isFinite && abs($0) <= reach }) {
            defer { lastBox = run.box }
            // Runs of one text object box written one after another (some writers give every run of
            // a line the line's box) continue the word before them, in the order written.
            if run.box == lastBox, run.box[2] > 0, var last = words.last {
                last.text += run.text
                last.x1 = max(last.x1, (run.box[0] + run.box[2]) * scale)
                words[words.count - 1] = last
                continue
            }
            let count = run.text.count
            // The run's width: its characters' advances, or the type size each where none is given.
            var width = 0.0
            for i in 0..<max(0, count - 1) { width += i < run.advances.count ? run.advances[i] : run.size }
            width += run.size
            let word = PDFReader.Word(text: run.text, x0: run.x * scale, y0: (run.baseline - run.size) * scale,
                                      x1: (run.x + width) * scale, y1: run.baseline * scale, page: page)
            if var last = words.last, last.page == page, abs(last.y1 - word.y1) < 0.2 * run.size * scale,
               word.x0 >= last.x1 - 0.25 * run.size * scale, word.x0 - last.x1 < 0.25 * run.size * scale {
                last.text += word.text
                last.x1 = word.x1
                last.y0 = min(last.y0, word.y0)
                words[words.count - 1] = last
            } else {
                words.append(word)
            }
        }
        return words
    }
}
