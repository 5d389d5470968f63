import Foundation

/// Path arithmetic on strings, so relative paths resolve the same way everywhere.
public enum PathUtil {
    public static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base + path : base + "/" + path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    public static func parent(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// `path` relative to `folder` when inside it, else `path` unchanged.
    public static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The last component without its extension: `a/b/page.html` → `page`.
    public static func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Where `extract --output-dir` writes each file, relative to the folder: `STEM.EXT` (DESIGN's
    /// `a/b/page.html` → `page.json`) while stems are unique; files whose stems collide keep their
    /// path below the folder they share (`a/index.html`, `b/index.html` → `a/index.json`, `b/index.json`)
    /// so none overwrites another. Two inputs that would still write one file (the same file twice,
    /// `index.html` beside `index.md`) are refused with a usage error naming both: nothing is written.
    public static func outputNames(for files: [String], ext: String, base: String = FileManager.default.currentDirectoryPath) throws -> [String] {
        var names = files.map { stem($0) + "." + ext }
        let absolutes = files.map { absolute($0, base: base) }
        for (_, group) in Dictionary(grouping: files.indices, by: { names[$0] }) where group.count > 1 {
            let dirs = group.map { parent(of: absolutes[$0]).split(separator: "/", omittingEmptySubsequences: true) }
            var common = dirs[0]
            for d in dirs.dropFirst() {
                var n = 0
                while n < common.count, n < d.count, common[n] == d[n] { n += 1 }
                common = Array(common.prefix(n))
            }
            for k in group {
                let below = dirs[group.firstIndex(of: k)!].dropFirst(common.count)
                names[k] = (below.map(String.init) + [stem(files[k]) + "." + ext]).joined(separator: "/")
            }
        }
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if let first = seen[name] { throw ClaimTrackError.usage(Message.outputCollision(files[first], files[k], name: name)) }
            seen[name] = k
        }
        return names
    }
}
