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
}
