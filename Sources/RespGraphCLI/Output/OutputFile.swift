import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one path every file respgraph writes goes through: it refuses to write through a symbolic
/// link, onto a device or folder, or onto a file the command read, unless `--force` says so, and
/// reports a write that fails (a full disk, no permission) as an error with the path.
enum OutputFile {
    /// Writes text as UTF-8.
    static func write(_ text: String, to path: String, _ args: ParsedArguments) throws {
        try write(Array(text.utf8), to: path, args)
    }

    /// Writes bytes.
    static func write(_ bytes: [UInt8], to path: String, _ args: ParsedArguments) throws {
        try check(path, args)
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: args[SharedOptions.force] ? [] : .atomic) } catch {
            throw DataError(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Checks that a path may be written (for writers that are other programs, such as Graphviz).
    static func check(_ path: String, _ args: ParsedArguments) throws {
        let force = args[SharedOptions.force]
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw DataError(message: "cannot write \(path): it is a folder") }
            if type == S_IFLNK && !force {
                throw DataError(message: "\(path) is a symbolic link; respgraph does not write through it (--force does)")
            }
            if type != S_IFREG && type != S_IFLNK && !force {
                throw DataError(message: "\(path) is not a regular file (a device or a pipe); respgraph does not write onto it (--force "
                    + "does)")
            }
            for input in inputs(args) where sameFile(input, path) || (isDirectory(input) && isInside(path, input)) {
                throw DataError(message: "\(path) is \(isDirectory(input) ? "inside the folder" : "the file") this command reads "
                    + "(\(input)); write the output elsewhere")
            }
        } else {
            // A new file inside a folder the command reads would be read as a document next time.
            if let folder = inputs(args).first(where: { isDirectory($0) && isInside(path, $0) }) {
                throw DataError(message: "\(path) is inside the folder this command reads (\(folder)); write the output elsewhere")
            }
            // The folder it goes into must exist: say so rather than Foundation's "file doesn't exist".
            // (Computed here: Foundation's deletingLastPathComponent traps on some paths, such as "-".)
            let folder = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                throw DataError(message: "cannot write \(path): the folder \(folder) does not exist (create it first)")
            }
            if !folder.isEmpty, !isFolder.boolValue {
                throw DataError(message: "cannot write \(path): \(folder) is a file, not a folder")
            }
        }
    }

    /// Checks that a folder may receive outputs: it is not one the command reads, nor inside one.
    static func checkFolder(_ path: String, _ args: ParsedArguments) throws {
        if let folder = inputs(args).first(where: { isDirectory($0) && isInside(path, $0) }) {
            throw DataError(message: "\(path) is inside the folder this command reads (\(folder)); write the output elsewhere")
        }
    }

    /// The files a command reads: its data options and its positional arguments that are files.
    static func inputs(_ args: ParsedArguments) -> [String] {
        args.all(SharedOptions.graph) + args.positionals + [args[SharedOptions.registry], args[SharedOptions.corrections]].compactMap { $0 }
    }

    /// Whether a path names a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether `path` lies inside `folder` (or a folder under it), links resolved: its nearest existing
    /// ancestor is the folder or below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        guard let root = realPath(folder) else { return false }
        var current = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        while !current.isEmpty {
            if let resolved = realPath(current) { return resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
            guard let slash = current.lastIndex(of: "/") else { return false }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            if current == "/" { return realPath("/") == root }
        }
        return false
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether two paths name the same file (same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
