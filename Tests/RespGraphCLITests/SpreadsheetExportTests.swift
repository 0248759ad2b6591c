import Foundation
import RespGraphTestSupport
import Testing

/// The Excel workbook export, opened by a real reader (openpyxl) and read back by respgraph.
@Suite struct SpreadsheetExportTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    @Test func workbookReadsBackIntoTheSameGraph() throws {
        let folder = try TemporaryFolder()
        let xlsx = folder.path + "/guangxi.xlsx"
        let out = try run(["export", "--format", "xlsx", "-o", xlsx])
        #expect(out.status == 0, "\(out.stderr)")
        let original = try run(["export", "--format", "tasks"])
        let again = try run(["export", "--format", "tasks", "--graph", xlsx])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == original.stdout)
        #expect(try run(["export", "--format", "xlsx"]).status == 64)
    }

    @Test(.needs(.openpyxl)) func openpyxlSeesTheSameCells() throws {
        let folder = try TemporaryFolder()
        let xlsx = folder.path + "/guangxi.xlsx"
        #expect(try run(["export", "--format", "xlsx", "-o", xlsx]).status == 0)
        let python = try #require(DiagramAndExportTests.which("python3"))
        let script = """
        import csv, io, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
        print("|".join(wb.sheetnames))
        w = csv.writer(sys.stdout, lineterminator="\\n")
        rows = [["" if v is None else str(v) for v in row] for row in wb["tasks"].iter_rows(values_only=True)]
        # Read-only mode leaves out a row's empty cells at its end; a spreadsheet shows them empty.
        for row in rows:
            w.writerow(row + [""] * (len(rows[0]) - len(row)))
        """
        let out = try DiagramAndExportTests.tool(python, ["-c", script, xlsx], input: "")
        #expect(out.status == 0, "\(out.stderr) (openpyxl missing? pip install openpyxl; .ci/run installs it)")
        let lines = out.stdout.split(separator: "\n", maxSplits: 1).map(String.init)
        #expect(lines.first == "tasks|agencies|indicators (lead)")
        let csv = try run(["export", "--format", "tasks"]).stdout
        // The curated CSV quotes fields with commas; compare cell by cell through one CSV writer.
        let reference = try DiagramAndExportTests.tool(python, ["-c", "import csv,sys\nw=csv.writer(sys.stdout, lineterminator='\\n')\nfor r in csv.reader(sys.stdin): w.writerow(r)"], input: csv)
        #expect(lines.count == 2 && lines[1] == reference.stdout)
    }

    @Test(.needs(.libreOffice)) func libreOfficeSeesTheSameCells() throws {
        let soffice = try #require(DiagramAndExportTests.which("soffice"))
        let folder = try TemporaryFolder()
        let xlsx = folder.path + "/guangxi.xlsx"
        #expect(try run(["export", "--format", "xlsx", "-o", xlsx]).status == 0)
        // The first sheet as UTF-8 CSV (filter options: comma, double quote, UTF-8, from line 1, sheet 1).
        let out = try DiagramAndExportTests.tool(soffice, ["--headless", "-env:UserInstallation=file://\(folder.path)/profile",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", "--outdir", folder.path + "/csv", xlsx], input: "")
        #expect(out.status == 0, "\(out.stderr)")
        let produced = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/csv").filter { $0.hasSuffix(".csv") }
        let file = try #require(produced.first, "LibreOffice wrote no CSV: \(out.stdout) \(out.stderr)")
        let csv = try String(contentsOfFile: folder.path + "/csv/" + file, encoding: .utf8)
        let expected = try run(["export", "--format", "tasks"]).stdout
        #expect(csv.replacingOccurrences(of: "\r\n", with: "\n") == expected)
    }
}
