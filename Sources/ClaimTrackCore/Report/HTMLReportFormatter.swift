import Foundation

/// `claimtrack report --format html`: one self-contained page (no external scripts, styles, fonts or
/// images) for a fact-checker: counts and a bar chart, then each article's claims in reading order
/// with the status badge, cue and source marked in the sentence, cited URLs with their fetch outcome,
/// the evidence passage with matched terms marked, conflicts side by side, hedges and history.
/// Plain JavaScript filters by status, article and text (also from the URL: `#status=vague&q=…`).
///
/// Everything that comes from an article or a page is escaped where it lands: element text and
/// attributes through `escape`, the embedded filter data as JSON with `<`, `>` and `&` as \u escapes.
public enum HTMLReportFormatter {
    static let colors: [ClaimStatus: String] = [
        .supported: "#1a7f37", .contradicted: "#cf222e", .partial: "#bf8700", .unsupported: "#8c1d18", .unreachable: "#8250df",
        .pending: "#0969da", .unverifiable: "#bc4c00", .vague: "#57606a", .unattributed: "#6e7781",
    ]

    public static func render(_ model: ReportModel) -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>claimtrack — claim report</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>Claim report</h1>
        <p class="meta">Generated \(escape(model.generatedAt)) · \(escape(MarkdownReportFormatter.summaryLine(model)))</p>

        """
        h += summary(model)
        h += filters(model)
        h += "</header>\n<main>\n"
        for entry in model.articles { h += article(entry) }
        h += "</main>\n"
        h += "<script type=\"application/json\" id=\"claim-data\">" + data(model).serialized(pretty: false, htmlSafe: true) + "</script>\n"
        h += "<script>\(script)</script>\n</body>\n</html>\n"
        return h
    }

    // MARK: Parts

    static func summary(_ model: ReportModel) -> String {
        let counts = model.byStatus
        let maxCount = max(1, counts.map(\.1).max() ?? 1)
        let rowHeight = 22, labelWidth = 110, barWidth = 320
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Claims per status\" width=\"\(labelWidth + barWidth + 50)\" height=\"\(max(1, counts.count) * rowHeight + 4)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (k, (status, count)) in counts.enumerated() {
            let y = k * rowHeight + 2
            let w = max(2, barWidth * count / maxCount)
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"13\">\(status.rawValue)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"15\" rx=\"3\" fill=\"\(colors[status] ?? "#888")\"></rect>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\" font-size=\"13\">\(count)</text>"
        }
        svg += "</svg>"
        let badges = counts.map { "<span class=\"badge s-\($0.0.rawValue)\">\($0.0.rawValue) \($0.1)</span>" }.joined(separator: " ")
        return "<section class=\"summary\"><div class=\"counts\">\(badges)</div>\(svg)</section>\n"
    }

    static func filters(_ model: ReportModel) -> String {
        var s = "<form class=\"filters\" onsubmit=\"return false\"><label>Status <select id=\"f-status\"><option value=\"\">all</option>"
        for status in ClaimStatus.allCases { s += "<option value=\"\(status.rawValue)\">\(status.rawValue)</option>" }
        s += "</select></label> <label>Article <select id=\"f-article\"><option value=\"\">all</option>"
        for entry in model.articles { s += "<option value=\"\(escape(entry.record.path))\">\(escape(entry.record.title ?? entry.record.path))</option>" }
        s += "</select></label> <label>Text <input id=\"f-text\" type=\"search\" placeholder=\"words in the claim\"></label>"
        s += " <span id=\"f-count\" class=\"meta\"></span></form>\n"
        return s
    }

    static func article(_ entry: ReportModel.ArticleEntry) -> String {
        let r = entry.record
        var s = "<section class=\"article\" data-article=\"\(escape(r.path))\">\n<h2>\(escape(r.title ?? r.path))</h2>\n"
        var meta = [escape(r.path)]
        if let author = r.author { meta.append("by " + escape(author)) }
        if let published = r.published { meta.append(escape(published)) }
        if let url = r.url { meta.append("<a href=\"\(escape(safeURL(url)))\">\(escape(url))</a>") }
        if let language = r.language { meta.append("language <span class=\"language\">\(escape(language))</span>") }
        s += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
        if !r.notes.isEmpty {
            s += "<ul class=\"notes\">" + r.notes.map { "<li data-code=\"\(escape($0.code))\">\(escape($0.message))</li>" }.joined() + "</ul>\n"
        }
        if entry.claims.isEmpty { s += "<p class=\"meta\">No claims.</p>\n" }
        for c in entry.claims { s += claim(c, article: r.path, language: r.language) }
        return s + "</section>\n"
    }

    static func claim(_ c: ClaimRecord, article: String, language: String? = nil) -> String {
        var s = "<article class=\"claim\" id=\"\(escape(c.id))\" data-status=\"\(c.status.rawValue)\" data-article=\"\(escape(article))\">\n"
        s += "<p><span class=\"badge s-\(c.status.rawValue)\">\(c.status.rawValue)</span> <span class=\"why\">\(escape(c.reason))</span></p>\n"
        // The article's language on its sentence, for screen readers and hyphenation ("und" says nothing).
        let lang = language.flatMap { $0 == Language.undetermined ? nil : " lang=\"\(escape($0))\"" } ?? ""
        s += "<p class=\"sentence\"\(lang)>\(sentence(c))</p>\n<dl>\n"
        if !c.attributions.isEmpty {
            s += "<dt>Sources</dt><dd><ul>"
            for a in c.attributions {
                var line = "<mark class=\"source\">\(escape(a.source))</mark> · \(a.kind.rawValue) · cue <mark class=\"cue\">\(escape(a.cue))</mark>"
                if let resolved = a.resolved, resolved != a.source {
                    line += " · refers to \(escape(resolved))" + (a.resolvedBy.map { " <span class=\"meta\">(by \($0.rawValue))</span>" } ?? "")
                }
                if let outlet = a.outlet { line += " · outlet \(escape(outlet.name)) (\(escape(outlet.domain)))" }
                for (k, url) in a.urls.enumerated() {
                    let origin = k < a.origins.count ? " <span class=\"meta\">(\(escape(a.origins[k])))</span>" : ""
                    line += "<br><a href=\"\(escape(safeURL(url)))\">\(escape(url))</a>\(origin)"
                }
                s += "<li>\(line)</li>"
            }
            s += "</ul></dd>\n"
        }
        if !c.hedges.isEmpty { s += "<dt>Hedges</dt><dd>\(c.hedges.map { "<span class=\"hedge\">\(escape($0))</span>" }.joined(separator: " "))</dd>\n" }
        for e in c.evidence { s += evidence(e) }
        if !c.history.isEmpty {
            s += "<dt>History</dt><dd><ol class=\"history\">"
            for h in c.history { s += "<li>run \(h.run), \(escape(h.time)): \(h.from?.rawValue ?? "new") → \(h.status.rawValue)</li>" }
            s += "</ol></dd>\n"
        }
        return s + "</dl>\n</article>\n"
    }

    static func evidence(_ e: EvidenceRecord) -> String {
        var s = "<dt>Evidence</dt><dd class=\"evidence\"><p><a href=\"\(escape(safeURL(e.url)))\">\(escape(e.url))</a> · fetch <b>\(e.fetch.rawValue)</b>"
        if let status = e.httpStatus { s += " (HTTP \(status))" }
        if let final = e.finalUrl, final != e.url { s += " · final URL <a href=\"\(escape(safeURL(final)))\">\(escape(final))</a>" }
        if let archive = e.archiveUrl {
            s += " · archive snapshot <a href=\"\(escape(safeURL(archive)))\">\(escape(archive))</a>" + (e.archiveTime.map { " of \(escape($0))" } ?? "")
        }
        if let verdict = e.verdict {
            s += " · <span class=\"badge s-\(verdict.rawValue)\">\(verdict.rawValue)</span>" + (e.score.map { String(format: " %.2f", $0) } ?? "")
        }
        s += "</p>"
        if let passage = e.passage { s += "<blockquote>\(highlight(passage, terms: e.matched))</blockquote>" }
        if !e.conflicts.isEmpty {
            s += "<table class=\"conflicts\"><tr><th>article</th><th>source</th></tr>"
            for conflict in e.conflicts {
                let parts = conflict.components(separatedBy: " — ")
                let article = parts.first.map { $0.replacingOccurrences(of: "article: ", with: "") } ?? conflict
                let source = parts.count > 1 ? parts[1].replacingOccurrences(of: "source: ", with: "") : ""
                s += "<tr><td>\(escape(article))</td><td>\(escape(source))</td></tr>"
            }
            s += "</table>"
        }
        if !e.matched.isEmpty { s += "<p class=\"meta\">found: \(escape(e.matched.joined(separator: ", ")))</p>" }
        if !e.missing.isEmpty { s += "<p class=\"meta\">not found: \(escape(e.missing.joined(separator: ", ")))</p>" }
        return s + "</dd>\n"
    }

    /// The sentence with the sources and cues of its attributions marked.
    static func sentence(_ c: ClaimRecord) -> String {
        var marks: [(Range<String.Index>, String)] = []
        for a in c.attributions {
            for (phrase, cls) in [(a.source, "source"), (a.cue, "cue")] where !phrase.isEmpty {
                if let r = c.text.range(of: phrase), !marks.contains(where: { $0.0.overlaps(r) }) { marks.append((r, cls)) }
            }
        }
        return marked(c.text, marks)
    }

    /// `text` escaped, with each found term (case-insensitive) in a `<mark>`.
    static func highlight(_ text: String, terms: [String]) -> String {
        var marks: [(Range<String.Index>, String)] = []
        for term in terms where !term.isEmpty {
            let plain = term.trimmingCharacters(in: CharacterSet(charactersIn: "“”\""))
            var from = text.startIndex
            while let r = text.range(of: plain, options: .caseInsensitive, range: from..<text.endIndex) {
                if !marks.contains(where: { $0.0.overlaps(r) }) { marks.append((r, "term")) }
                from = r.upperBound
            }
        }
        return marked(text, marks)
    }

    static func marked(_ text: String, _ marks: [(Range<String.Index>, String)]) -> String {
        var out = ""
        var position = text.startIndex
        for (range, cls) in marks.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where range.lowerBound >= position {
            out += escape(String(text[position..<range.lowerBound]))
            out += "<mark class=\"\(cls)\">" + escape(String(text[range])) + "</mark>"
            position = range.upperBound
        }
        return out + escape(String(text[position...]))
    }

    /// Only http(s) links are clickable; anything else (javascript:, data:) becomes inert.
    static func safeURL(_ url: String) -> String {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? url : "#"
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { out += "&#xFFFD;" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// What the filters read: id, status, article and the lowercased text of each claim.
    static func data(_ model: ReportModel) -> JSONValue {
        .array(model.articles.flatMap { entry in
            entry.claims.map { c in
                .object([("id", .string(c.id)), ("status", .string(c.status.rawValue)), ("article", .string(entry.record.path)),
                         ("text", .string(c.text.lowercased()))])
            }
        })
    }

    static let style = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1f2328;background:#fff}
    h1{margin:.2rem 0}h2{margin:2rem 0 .2rem;font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
    .meta{color:#57606a;font-size:.85rem;margin:.2rem 0}
    .summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start;margin:1rem 0}.counts{display:flex;flex-wrap:wrap;gap:.3rem;max-width:22rem}
    .filters{position:sticky;top:0;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .7rem;margin:.5rem 0 1rem;z-index:1}
    .filters label{margin-right:.6rem}select,input{font:inherit}
    .claim{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid}
    .claim[hidden]{display:none}
    .badge{display:inline-block;color:#fff;border-radius:1em;padding:0 .6em;font-size:.8rem;font-weight:600;letter-spacing:.02em}
    \(ClaimStatus.allCases.map { ".s-\($0.rawValue){background:\(colors[$0] ?? "#888")}" }.joined())
    .s-supported.badge,.s-contradicted.badge{}
    .sentence{font-size:1.05rem;margin:.4rem 0}
    mark.source{background:#ddf4ff;border-bottom:2px solid #0969da}mark.cue{background:#fff8c5;border-bottom:2px solid #bf8700}mark.term{background:#dafbe1}
    dl{margin:.3rem 0}dt{font-weight:600;font-size:.85rem;color:#57606a;margin-top:.4rem}dd{margin:0 0 0 1rem}dd ul{margin:0;padding-left:1rem}
    blockquote{margin:.3rem 0;padding:.3rem .7rem;border-left:3px solid #d0d7de;background:#f6f8fa}
    table.conflicts{border-collapse:collapse;margin:.3rem 0}table.conflicts td,table.conflicts th{border:1px solid #d0d7de;padding:.15rem .5rem;text-align:left}
    table.conflicts td:first-child{background:#ffebe9}table.conflicts td:last-child{background:#dafbe1}
    .hedge{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:0 .3rem;margin-right:.2rem}
    .history{margin:0;padding-left:1.2rem;font-size:.85rem}
    ul.notes{margin:.3rem 0;padding:.3rem .7rem .3rem 1.8rem;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;font-size:.9rem}
    a{color:#0969da;word-break:break-all}
    @media print{.filters{display:none}.claim{break-inside:avoid}body{max-width:none}a{color:inherit}.badge{color:#000;border:1px solid #000;background:none !important}}
    """

    static let script = """
    (function(){
    var data=JSON.parse(document.getElementById('claim-data').textContent);
    var byId={};data.forEach(function(d){byId[d.id]=d;});
    var st=document.getElementById('f-status'),ar=document.getElementById('f-article'),tx=document.getElementById('f-text'),ct=document.getElementById('f-count');
    function apply(){var s=st.value,a=ar.value,q=tx.value.trim().toLowerCase(),shown=0,total=0;
    document.querySelectorAll('article.claim').forEach(function(el){var d=byId[el.id];total++;
    var ok=d&&(!s||d.status===s)&&(!a||d.article===a)&&(!q||d.text.indexOf(q)>=0);el.hidden=!ok;if(ok)shown++;});
    document.querySelectorAll('section.article').forEach(function(sec){sec.hidden=!sec.querySelector('article.claim:not([hidden])')&&(s||a||q)?true:false;});
    ct.textContent=shown+' of '+total+' claims shown';}
    var h=new URLSearchParams(location.hash.slice(1));
    if(h.get('status'))st.value=h.get('status');if(h.get('article'))ar.value=h.get('article');if(h.get('q'))tx.value=h.get('q');
    st.onchange=apply;ar.onchange=apply;tx.oninput=apply;apply();
    })();
    """
}
