import Foundation
import Limn

/// `limn batch --report report.html`: one self-contained page (no network: styles, script and
/// thumbnails are inside it) with the batch's figures and a card per job — a thumbnail of its
/// first output, its time, its warnings, its error and its manifest line — and buttons that show
/// only the failed, warned or skipped jobs (also `report.html#failed` and so on).
enum HTMLReport {
    /// Jobs past this many get a card without a thumbnail: the page stays a few megabytes
    /// whatever the batch's size.
    static let thumbnailLimit = 500

    /// The page. Thumbnails are made from the outputs on disk, at most 240 × 180, on every core.
    static func page(_ outcomes: [BatchRunner.Outcome], manifest: Manifest, shard: Manifest.Shard?, seconds: Double) -> [UInt8] {
        let lines = Dictionary(manifest.entries.map { ($0.line, $0.text) }, uniquingKeysWith: { a, _ in a })
        let previews = Parallelism.map(min(outcomes.count, thumbnailLimit)) { k in thumbnail(of: outcomes[k]) }
        var counts: [BatchRunner.Outcome.Status: Int] = [:]
        for o in outcomes { counts[o.status, default: 0] += 1 }
        let warned = outcomes.filter { !$0.warnings.isEmpty }.count
        let title = "limn batch: \(manifest.source)"
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body data-filter="all" data-jobs="\(outcomes.count)">
            <header>
            <h1>\(escape(title))</h1>
            <p class="summary">\(outcomes.count) jobs\(shard.map { " (shard \($0))" } ?? ""): \(counts[.ok] ?? 0) done, \(counts[.failed] ?? 0) failed, \(counts[.skipped] ?? 0) skipped, \(counts[.notRun] ?? 0) not run, \(warned) with warnings, in \(String(format: "%.1f", seconds)) s. Made by limn \(Limn.version).</p>
            <nav>
            <button data-show="all">All (\(outcomes.count))</button>
            <button data-show="failed">Failed (\(counts[.failed] ?? 0))</button>
            <button data-show="warned">Warnings (\(warned))</button>
            <button data-show="skipped">Skipped (\(counts[.skipped] ?? 0))</button>
            <span id="shown"></span>
            </nav>
            </header>
            <main>

            """
        for (k, o) in outcomes.enumerated() {
            var classes = ["job", o.status == .notRun ? "not-run" : o.status.rawValue]
            if !o.warnings.isEmpty { classes.append("warned") }
            html += "<article class=\"\(classes.joined(separator: " "))\" id=\"line-\(o.line)\">\n"
            if k < previews.count, let preview = previews[k] {
                html += "<img src=\"data:image/webp;base64,\(preview)\" alt=\"\(escape(o.outputs.first ?? ""))\">\n"
            } else {
                html +=
                    "<div class=\"blank\">\(o.status == .ok && k >= thumbnailLimit ? "no preview past the first \(thumbnailLimit) jobs" : "no picture")</div>\n"
            }
            html += "<h2>line \(o.line) · \(escape(o.operation)) · \(escape(o.status.rawValue))</h2>\n"
            html += "<p class=\"time\">\(String(format: "%.3f", o.seconds)) s</p>\n"
            if !o.outputs.isEmpty {
                html += "<ul class=\"outputs\">" + o.outputs.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
            }
            if let error = o.error { html += "<p class=\"error\">\(escape(error))</p>\n" }
            if !o.warnings.isEmpty {
                html += "<ul class=\"warnings\">" + o.warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
            }
            if let text = lines[o.line] {
                html += "<details><summary>manifest line \(o.line)</summary><pre>\(escape(text))</pre></details>\n"
            }
            html += "</article>\n"
        }
        html += """
            </main>
            <script>\(script)</script>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    /// The first output of a job that wrote one, as a small WebP (base64); nil when there is none.
    static func thumbnail(of outcome: BatchRunner.Outcome) -> String? {
        guard outcome.status == .ok || outcome.status == .skipped, let path = outcome.outputs.first,
            let made = try? Thumbnail.make(fromFile: path, sizes: [Size(width: 240, height: 180)], crop: .none).first,
            let bytes = try? made.encoded(as: .webp(WebPOptions(quality: 70)))
        else { return nil }
        return Data(bytes).base64EncodedString()
    }

    /// Text for HTML: the five characters that could open markup or end an attribute, escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f4f2;color:#222}
        header{position:sticky;top:0;background:#fff;padding:12px 20px;border-bottom:1px solid #ccc;z-index:1}
        h1{font-size:18px;margin:0 0 4px}
        nav button{margin-right:6px;padding:4px 10px;border:1px solid #999;border-radius:4px;background:#fff;cursor:pointer}
        nav button.on{background:#234;color:#fff}
        #shown{color:#666;margin-left:8px}
        main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;padding:16px 20px}
        .job{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px;overflow-wrap:anywhere}
        .job.failed{border-color:#c33;box-shadow:inset 4px 0 #c33}
        .job.warned{box-shadow:inset 4px 0 #d90}
        .job img,.blank{display:block;width:240px;height:180px;object-fit:contain;background:#eee;margin:0 auto 8px}
        .blank{display:flex;align-items:center;justify-content:center;color:#888}
        h2{font-size:14px;margin:0}
        .time{color:#666;margin:2px 0}
        .outputs,.warnings{margin:4px 0;padding-left:18px}
        .error{color:#b00}
        .warnings{color:#960}
        pre{white-space:pre-wrap;font-size:12px;background:#f6f6f6;padding:6px}
        body[data-filter=failed] .job:not(.failed),body[data-filter=warned] .job:not(.warned),
        body[data-filter=skipped] .job:not(.skipped){display:none}
        """

    static let script = """
        (function(){
          var body=document.body,buttons=document.querySelectorAll('nav button'),shown=document.getElementById('shown');
          function show(filter){
            if(['all','failed','warned','skipped'].indexOf(filter)<0)filter='all';
            body.dataset.filter=filter;
            var n=0;
            document.querySelectorAll('article.job').forEach(function(a){if(getComputedStyle(a).display!=='none')n++;});
            buttons.forEach(function(b){b.classList.toggle('on',b.dataset.show===filter);});
            shown.textContent=n+' shown';
            body.dataset.shown=String(n);
          }
          buttons.forEach(function(b){b.addEventListener('click',function(){history.replaceState(null,'','#'+b.dataset.show);show(b.dataset.show);});});
          show(location.hash.slice(1)||'all');
          body.dataset.ready='yes';
        })();
        """
}
