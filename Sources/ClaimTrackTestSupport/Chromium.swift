import Foundation
import XCTest

/// Headless Chromium (Debian's package, installed by scripts/test) looking at a report as a person does.
public enum Chromium {
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)

    public static func require() throws -> String {
        guard let path else { throw XCTSkip("chromium is not installed (scripts/test installs it)") }
        return path
    }

    /// Runs Chromium with `arguments` and returns what it printed. A profile per call under `folder`:
    /// a second call on a profile still in use would hand over to the first and print nothing.
    public static func run(_ arguments: [String], profileIn folder: String, width: Int = 1400, height: Int = 1000) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try require())
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),\(height)",
                       "--user-data-dir=\(folder)/chromium-\(UUID().uuidString)"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Loads `file` (with `fragment` as its address's #fragment) in a frame `width` px wide, runs `probe`
    /// (JavaScript, after the page's own scripts; it returns a JSON-able value) and gives back what the probe
    /// returned. A frame, because a headless window is never narrower than 500 px; the probe runs in a
    /// copy of the page, so the report under test stays as written.
    public static func probe(_ file: String, fragment: String = "", width: Int = 1400, _ probe: String) throws -> Any {
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let folder = (file as NSString).deletingLastPathComponent
        let name = "probe-\(UUID().uuidString)"
        let script = "<script>(function(){var r;try{r=(function(){\(probe)})();}catch(e){r={error:String(e)};}"
            + "var d=window.parent!==window?parent.document:document;"
            + "var p=d.createElement('pre');p.id='probe-result';p.textContent=JSON.stringify(r);d.body.appendChild(p);})();</script>"
        try html.replacingOccurrences(of: "</body>", with: script + "</body>").write(toFile: "\(folder)/\(name).html", atomically: true, encoding: .utf8)
        let src = "\(name).html" + (fragment.isEmpty ? "" : "#" + fragment)
        try "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"\(src)\" style=\"display:block;border:0;width:\(width)px;height:1000px\"></iframe></body></html>"
            .write(toFile: "\(folder)/\(name)-frame.html", atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(atPath: "\(folder)/\(name).html")
            try? FileManager.default.removeItem(atPath: "\(folder)/\(name)-frame.html")
        }
        let dom = try run(["--allow-file-access-from-files", "--dump-dom", "file://\(folder)/\(name)-frame.html"], profileIn: folder,
                          width: max(width, 500) + 20, height: 1100)
        guard let start = dom.range(of: "<pre id=\"probe-result\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw ProbeError(message: "chromium printed no probe result: " + String(dom.prefix(300)))
        }
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{a0}").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// The width and height of a PNG, from its IHDR chunk.
    public static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let b = [UInt8](png)
        guard b.count > 24, b[0] == 0x89, b[1] == 0x50 else { return nil }
        func be(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        return (be(16), be(20))
    }
}

public struct ProbeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
