import Foundation

/// Lists the article files under a folder, recursively and in a stable order.
/// Symbolic links are followed only when they lead to a place inside the
/// folder that has not been walked yet, so links outside and loops are skipped.
public enum FolderWalker {
    public struct Entry: Sendable, Equatable {
        public var absolutePath: String
        /// Relative to the walked folder, with `/` separators.
        public var relativePath: String
    }

    public static func walk(_ folder: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        let fm = FileManager.default
        let rootReal = realPath(folder) ?? folder
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        var visitedDirs: Set<String> = [rootReal]
        var seenFiles: Set<String> = []
        // Each folder with its real path: a name's real path is then its folder's and its name, with no
        // call per name but one lstat (realpath only for links).
        var stack: [(path: String, relative: String, real: String)] = [(folder, "", rootReal)]
        while let (dir, relDir, realDir) = stack.popLast() {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
                diagnostics.append(Diagnostic(.error, file: relDir.isEmpty ? folder : relDir, Message.unreadable("cannot list folder")))
                continue
            }
            var subdirs: [(String, String, String)] = []
            for name in names.sorted() {
                if name.hasPrefix(".") { continue }
                let path = dir + "/" + name
                let relative = relDir.isEmpty ? name : relDir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    // Gone since the listing, or in a folder that can be listed but not searched: an
                    // article's name is kept, so that reading it names the file and says why.
                    if ArticleReader.format(of: name) != nil { entries.append(Entry(absolutePath: path, relativePath: relative)) }
                    continue
                }
                let isLink = (info.st_mode & S_IFMT) == S_IFLNK
                var real = realDir + "/" + name
                var isDir = (info.st_mode & S_IFMT) == S_IFDIR
                if isLink {
                    guard let target = realPath(path), target == rootReal || target.hasPrefix(rootReal + "/") else {
                        if ArticleReader.format(of: path) != nil || isDirectory(path) {
                            diagnostics.append(Diagnostic(.warning, file: relative, Message.symlinkOutside))
                        }
                        continue
                    }
                    real = target
                    isDir = isDirectory(path)
                }
                if isDir {
                    let key = real  // the folder's real path: its parent's and its name, or the link's target
                    if visitedDirs.contains(key) || (isLink && rootReal.hasPrefix(key)) {
                        diagnostics.append(Diagnostic(.warning, file: relative, Message.symlinkLoop))
                        continue
                    }
                    visitedDirs.insert(key)
                    subdirs.append((path, relative, key))
                } else if ArticleReader.format(of: name) != nil {
                    if isLink && seenFiles.contains(real) { continue }
                    seenFiles.insert(real)
                    entries.append(Entry(absolutePath: path, relativePath: relative))
                }
            }
            stack.append(contentsOf: subdirs.reversed())
        }
        entries.sort { $0.relativePath < $1.relativePath }
        return (entries, diagnostics)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
