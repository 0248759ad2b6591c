import Foundation
import Testing

/// Something a test needs from outside the Swift toolchain — a program (Graphviz, Poppler, LibreOffice,
/// Chromium) or a Python library (NetworkX, openpyxl…) — and how to install it. A test that needs one
/// says so with the trait ``Testing/Trait/needs(_:)``: where it is missing the test is skipped with a
/// reason naming what to install; `.ci/run` installs everything and fails when any test was skipped.
public struct Requirement: Sendable {
    /// What it is, for the skip reason.
    public let name: String
    /// Programs that must be on PATH.
    public let programs: [String]
    /// Python modules `python3` must import.
    public let pythonModules: [String]
    /// How to install it.
    public let install: String

    /// Whether everything it names is here (looked up once per process).
    public var isMet: Bool { Self.met.value(for: self) }

    /// The reason a skipped test gives.
    public var reason: String { "needs \(name); install it: \(install) (.ci/run installs everything)" }

    /// Poppler's pdftotext and pdftocairo: the PDF reader.
    public static let poppler = Requirement(name: "Poppler (pdftotext, pdftocairo)", programs: ["pdftotext", "pdftocairo"],
                                            install: "apt-get install poppler-utils")
    /// Graphviz with a CJK font: diagrams.
    public static let graphviz = Requirement(name: "Graphviz (dot)", programs: ["dot"], install: "apt-get install graphviz fonts-noto-cjk")
    /// LibreOffice Writer and Calc: old Office files, and a second reader of respgraph's workbooks.
    public static let libreOffice = Requirement(name: "LibreOffice (soffice)", programs: ["soffice"],
                                                install: "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    /// Python 3 alone.
    public static let python = Requirement(name: "Python 3", programs: ["python3"], install: "apt-get install python3")
    /// NetworkX: reads respgraph's GraphML, GEXF and JSON.
    public static let networkx = Requirement(name: "NetworkX", programs: ["python3"], pythonModules: ["networkx"],
                                             install: "pip install networkx")
    /// NetworkX, igraph and Kùzu: read the research formats.
    public static let researchReaders = Requirement(name: "NetworkX, igraph and Kùzu", programs: ["python3"],
                                                    pythonModules: ["networkx", "igraph", "kuzu"],
                                                    install: "pip install networkx igraph kuzu")
    /// openpyxl: opens respgraph's workbooks as a spreadsheet reader would.
    public static let openpyxl = Requirement(name: "openpyxl", programs: ["python3"], pythonModules: ["openpyxl"],
                                             install: "pip install openpyxl")
    /// HiGHS, the MILP solver the exact plans are checked against.
    public static let highs = Requirement(name: "HiGHS (highspy)", programs: ["python3"], pythonModules: ["highspy"],
                                          install: "pip install highspy")
    /// HiGHS and Mt-KaHyPar, the exact solver and the hypergraph partitioner meeting plans are checked against.
    public static let partitioners = Requirement(name: "HiGHS (highspy) and Mt-KaHyPar (mtkahypar)", programs: ["python3"],
                                                 pythonModules: ["highspy", "mtkahypar"], install: "pip install highspy mtkahypar")
    /// Headless Chromium driven by Selenium: the explorer in a real browser.
    public static let browser = Requirement(name: "Chromium, chromium-driver and Selenium", programs: ["python3", "chromedriver"],
                                            pythonModules: ["selenium"],
                                            install: "apt-get install chromium chromium-driver && pip install selenium")

    /// Creates a requirement.
    public init(name: String, programs: [String], pythonModules: [String] = [], install: String) {
        self.name = name
        self.programs = programs
        self.pythonModules = pythonModules
        self.install = install
    }

    /// The path of a program on PATH, if any.
    public static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") {
            return "\(dir)/\(program)"
        }
        return nil
    }

    /// Whether every requirement was met, by name, found once.
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: Bool] = [:]
        func value(for r: Requirement) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if let v = known[r.name] { return v }
            let v = r.programs.allSatisfy { Requirement.which($0) != nil }
                && (r.pythonModules.isEmpty || Requirement.pythonImports(r.pythonModules))
            known[r.name] = v
            return v
        }
    }
    private static let met = Memo()

    /// Whether python3 imports the modules.
    static func pythonImports(_ modules: [String]) -> Bool {
        guard let python = which("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `requirement` is met; elsewhere it is skipped with the reason naming
    /// what to install.
    public static func needs(_ requirement: Requirement) -> Self {
        .enabled(Comment(rawValue: requirement.reason)) { requirement.isMet }
    }

    /// Runs the test only where every requirement is met.
    public static func needs(_ first: Requirement, _ second: Requirement) -> Self {
        let reason = [first, second].filter { !$0.isMet }.map(\.reason).joined(separator: "; ")
        return .enabled(Comment(rawValue: reason.isEmpty ? first.reason : reason)) { first.isMet && second.isMet }
    }
}
