import Foundation
import RespGraphModel

/// Reading several files and folders into documents, in order.
extension Importer {
    /// Imports files and folders (every document file of a folder, in name order, not descending into
    /// subfolders), refusing two documents with the same id.
    ///
    /// - Throws: ``ImportError`` for the first file that cannot be read, an empty folder, or an id used twice.
    public func importPaths(_ paths: [String]) throws(ImportError) -> [ImportedDocument] {
        var documents: [ImportedDocument] = []
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                let found = names.filter { name in
                    guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
                    return Self.documentExtensions.contains(name[name.index(after: dot)...].lowercased())
                }
                if found.isEmpty { throw ImportError(file: path,
                                                     "the folder holds no document (.txt, .html, .csv, .pdf, .doc/.docx, .xls/.xlsx, "
                                                         + ".wps/.et, .rtf, .ofd)") }
                files += found.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            } else {
                files.append(path)
            }
        }
        var seen: [String: String] = [:]
        for file in files {
            for d in try importFile(atPath: file) {
                if let other = seen[d.document.id] {
                    throw ImportError(file: file,
                                      "the document id '\(d.document.id)' is already used by \(other); give one of them another id "
                                          + "(--doc-id, or rename the file)")
                }
                seen[d.document.id] = file
                documents.append(d)
            }
        }
        if !qualifiesLevelNames { Self.warnOfSharedLevelNames(&documents) }
        return documents
    }
}
