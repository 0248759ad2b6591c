import Foundation
import RespGraphTestSupport
import Testing

/// A committed reference made by an outside solver's script (Golden/make_*_reference.py): run again
/// against the built binary, its fresh JSON, for a test to compare with the committed file.
enum ReferenceScript {
    static func rerun(_ script: String) throws -> [String: Any] {
        let folder = try TemporaryFolder()
        let binary = try #require(RespgraphBinary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Requirement.which("python3")))
        process.arguments = [Repository.path("Tests/RespGraphAnalysisTests/Golden/\(script)"), binary, folder.path + "/ref.json"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) failed")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/ref.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
