import Foundation
import LimnTestSupport
import Testing

/// `limn batch --report report.html`, opened in a real browser (headless Chromium): the page
/// loads without a script error, shows every job, and its filters show the failed and warned
/// ones alone. Skipped, saying so, where Chromium is not installed.
@Suite struct HTMLReportTests {
    typealias CLI = CLITests

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The page's DOM after its script ran, as Chromium serializes it.
    static func dom(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium): the HTML report is not opened"))
    func theReportOpensInABrowserWithEveryJob() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = RepositoryPaths.testImages
        let scene = images + "/scene/street.png"
        let lines = [
            #"{"op":"annotate","image":"\#(scene)","result":"\#(images)/results/azure40-scene.json","output":"out/a.png"}"#,
            #"{"op":"convert","image":"/nonexistent.png","output":"out/b.png"}"#,
            #"{"op":"thumbnail","image":"\#(scene)","result":"\#(images)/results/aws-labels-scene.json","size":"80","output_dir":"out/t"}"#,
            #"{"op":"convert","image":"\#(scene)","output":"out/<c>&\"d\".png"}"#,
            #"this line is not JSON"#,
        ]
        try lines.joined(separator: "\n").write(toFile: folder + "/jobs.jsonl", atomically: true, encoding: .utf8)
        let r = try CLI.limn("batch", folder + "/jobs.jsonl", "--report", folder + "/report.html")
        #expect(r.status == 1)
        let page = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(!page.contains("http://") && !page.contains("https://"), "nothing is fetched from a network")
        #expect(page.contains("data:image/webp;base64,"), "thumbnails are inside the page")

        let all = try Self.dom("file://" + folder + "/report.html")
        #expect(all.contains("data-ready=\"yes\""), "the script ran to its end")
        #expect(all.components(separatedBy: "<article class=\"job").count - 1 == 5, "a card per job")
        #expect(all.contains("data-shown=\"5\""))
        #expect(all.contains("&lt;c&gt;&amp;&quot;d&quot;.png"), "names are escaped, not markup")
        let failed = try Self.dom("file://" + folder + "/report.html#failed")
        #expect(failed.contains("data-filter=\"failed\"") && failed.contains("data-shown=\"2\""))
        let warned = try Self.dom("file://" + folder + "/report.html#warned")
        #expect(warned.contains("data-shown=\"1\""))
    }
}
