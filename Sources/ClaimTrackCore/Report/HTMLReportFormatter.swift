import Foundation

/// `claimtrack report --format html`: one self-contained page (no external scripts, styles, fonts or
/// images) for a fact-checker. The claims in trouble come first (`problemOrder`), with a toggle back to
/// each article's reading order; above them the counts per status (pills and a bar chart, both
/// clickable, several statuses at once) and per article. Each claim shows its status, the reason, the
/// cue and source marked in the sentence, cited URLs with their fetch outcome, the evidence passage with
/// matched terms marked, the conflicting figure marked on both sides, hedges and history.
/// Plain JavaScript filters by status, article and text (claim, source, cue, URL), and the address
/// follows every filter (`#status=contradicted,partial&article=…&q=…&order=article`), so a link can be
/// shared; a filter that leaves nothing says "No claims match". One column up to 900 px, a side panel
/// with the counts and filters beside the claims on a wide screen; nothing scrolls sideways at 400 px.
///
/// Everything that comes from an article or a page is escaped where it lands: element text and
/// attributes through `escape`, the embedded filter data as JSON with `<`, `>` and `&` as \u escapes.
public enum HTMLReportFormatter {
    static let colors: [ClaimStatus: String] = [
        .supported: "#1a7f37", .contradicted: "#cf222e", .partial: "#9a6700", .unsupported: "#8c1d18", .unreachable: "#8250df",
        .pending: "#0969da", .unverifiable: "#bc4c00", .vague: "#57606a", .unattributed: "#6e7781",
    ]

    /// "Problems first": the order a fact-checker works through — a page that says otherwise, then
    /// dead links, pages that do not back the claim, half-backed claims, named sources with nothing to
    /// fetch, vague and missing sources, claims not checked yet, and last the supported ones.
    public static let problemOrder: [ClaimStatus] = [
        .contradicted, .unreachable, .unsupported, .partial, .unverifiable, .vague, .unattributed, .pending, .supported,
    ]

    static func rank(_ status: ClaimStatus) -> Int { problemOrder.firstIndex(of: status) ?? problemOrder.count }

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
        <div class="page">
        <aside class="panel">
        <header>
        <h1>Claim report</h1>
        <p class="meta">Generated \(escape(model.generatedAt)) · \(escape(MarkdownReportFormatter.summaryLine(model)))</p>
        </header>

        """
        h += summary(model)
        h += filters(model)
        h += "</aside>\n<main>\n"
        h += overview(model)
        h += "<p id=\"empty\" class=\"empty\" hidden>No claims match. <button type=\"button\" id=\"f-clear-empty\">Show all claims</button></p>\n"
        // Problems first as rendered (also what a reader without JavaScript or a printer gets); the script
        // moves the same elements into the article sections for article order.
        let ordered = model.articles.enumerated().flatMap { k, entry in entry.claims.enumerated().map { (k, $0.offset, $0.element) } }
            .sorted { (rank($0.2.status), $0.0, $0.1) < (rank($1.2.status), $1.0, $1.1) }
        h += "<section id=\"problems\" class=\"claims\" aria-label=\"Claims, problems first\">\n"
        for (k, _, c) in ordered { h += claim(c, article: model.articles[k].record, language: model.articles[k].record.language) }
        h += "</section>\n"
        for (k, entry) in model.articles.enumerated() { h += article(entry, index: k) }
        h += "</main>\n</div>\n"
        h += "<script type=\"application/json\" id=\"claim-data\">" + data(model).serialized(pretty: false, htmlSafe: true) + "</script>\n"
        h += "<script>\(script)</script>\n</body>\n</html>\n"
        return h
    }

    // MARK: Parts

    /// A pill that filters by its status (and article, for an article's counts) when clicked.
    static func pill(_ status: ClaimStatus, _ count: Int, article: String? = nil) -> String {
        let scope = article.map { " data-article=\"\(escape($0))\"" } ?? ""
        return "<button type=\"button\" class=\"badge pill s-\(status.rawValue)\" data-status=\"\(status.rawValue)\"\(scope) aria-pressed=\"false\">\(status.rawValue) <b>\(count)</b></button>"
    }

    static func summary(_ model: ReportModel) -> String {
        let counts = model.byStatus.sorted { rank($0.0) < rank($1.0) }
        let maxCount = max(1, counts.map(\.1).max() ?? 1)
        let pills = counts.map { pill($0.0, $0.1) }.joined(separator: " ")
        // Bars are HTML, not a fixed-width picture: they shrink with the screen and each is a button.
        var chart = "<div class=\"chart\" role=\"group\" aria-label=\"Claims per status\">"
        for (status, count) in counts {
            let percent = max(1, 100 * count / maxCount)
            chart += "<button type=\"button\" class=\"bar\" data-status=\"\(status.rawValue)\" aria-pressed=\"false\">"
                + "<span class=\"label\">\(status.rawValue)</span><span class=\"track\"><span class=\"fill s-\(status.rawValue)\" style=\"width:\(percent)%\"></span></span>"
                + "<span class=\"n\">\(count)</span></button>"
        }
        chart += "</div>"
        return "<section class=\"summary\"><div class=\"counts\">\(pills)</div>\(chart)</section>\n"
    }

    static func filters(_ model: ReportModel) -> String {
        var s = "<form class=\"filters\" onsubmit=\"return false\">"
        s += "<div class=\"order\" role=\"group\" aria-label=\"Order\"><button type=\"button\" data-order=\"problems\" aria-pressed=\"true\">Problems first</button>"
        s += "<button type=\"button\" data-order=\"article\" aria-pressed=\"false\">Article order</button></div>"
        s += "<label>Article <select id=\"f-article\"><option value=\"\">all</option>"
        for entry in model.articles { s += "<option value=\"\(escape(entry.record.path))\">\(escape(entry.record.title ?? entry.record.path))</option>" }
        s += "</select></label><label>Search <input id=\"f-text\" type=\"search\" placeholder=\"claim, source, cue or URL\"></label>"
        s += "<p class=\"meta\"><span id=\"f-count\"></span> <button type=\"button\" id=\"f-clear\">Clear filters</button></p></form>\n"
        return s
    }

    /// One row per article: its title (a filter), where it is from, its notes and its counts per status.
    static func overview(_ model: ReportModel) -> String {
        var s = "<section class=\"overview\"><h2>Articles</h2><ul class=\"articles\">\n"
        for entry in model.articles {
            let r = entry.record
            var counts: [ClaimStatus: Int] = [:]
            for c in entry.claims { counts[c.status, default: 0] += 1 }
            let pills = problemOrder.compactMap { st in counts[st].map { pill(st, $0, article: r.path) } }.joined(separator: " ")
            s += "<li class=\"article-row\" data-article=\"\(escape(r.path))\"><button type=\"button\" class=\"title\" data-article=\"\(escape(r.path))\">\(escape(r.title ?? r.path))</button>"
            s += " <span class=\"meta\">\(metaLine(r)) · \(entry.claims.count == 1 ? "1 claim" : "\(entry.claims.count) claims")</span>"
            if !r.notes.isEmpty {
                s += "<ul class=\"notes\">" + r.notes.map { "<li data-code=\"\(escape($0.code))\">\(escape($0.message))</li>" }.joined() + "</ul>"
            }
            s += "<div class=\"counts\">\(pills)</div></li>\n"
        }
        return s + "</ul></section>\n"
    }

    static func metaLine(_ r: ArticleRecord) -> String {
        var meta = [escape(r.path)]
        if let author = r.author { meta.append("by " + escape(author)) }
        if let published = r.published { meta.append(escape(published)) }
        if let url = r.url { meta.append("<a href=\"\(escape(safeURL(url)))\">\(escape(url))</a>") }
        if let language = r.language { meta.append("language <span class=\"language\">\(escape(language))</span>") }
        return meta.joined(separator: " · ")
    }

    /// An article's section for article order: its heading; the script moves its claims in.
    static func article(_ entry: ReportModel.ArticleEntry, index: Int) -> String {
        let r = entry.record
        var s = "<section class=\"article\" id=\"article-\(index)\" data-article=\"\(escape(r.path))\" hidden>\n<h2>\(escape(r.title ?? r.path))</h2>\n"
        s += "<p class=\"meta\">\(metaLine(r))</p>\n"
        if entry.claims.isEmpty { s += "<p class=\"meta\">No claims.</p>\n" }
        return s + "<div class=\"claims\"></div>\n</section>\n"
    }

    static func claim(_ c: ClaimRecord, article: ArticleRecord, language: String? = nil) -> String {
        var s = "<article class=\"claim\" id=\"\(escape(c.id))\" data-status=\"\(c.status.rawValue)\" data-article=\"\(escape(article.path))\">\n"
        s += "<p><span class=\"badge s-\(c.status.rawValue)\">\(c.status.rawValue)</span> <span class=\"why\">\(escape(c.reason))</span></p>\n"
        s += "<p class=\"from meta\">in \(escape(article.title ?? article.path))</p>\n"
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
        if let passage = e.passage {
            s += "<blockquote>\(highlight(passage, terms: e.matched, conflicts: e.conflicts.map { conflictSides($0).source }))</blockquote>"
        }
        if !e.conflicts.isEmpty {
            s += "<table class=\"conflicts\"><tr><th>article</th><th>source</th></tr>"
            for conflict in e.conflicts {
                let sides = conflictSides(conflict)
                s += "<tr><td>\(escape(sides.article))</td><td>\(escape(sides.source))</td></tr>"
            }
            s += "</table>"
        }
        if !e.matched.isEmpty { s += "<p class=\"meta\">found: \(escape(e.matched.joined(separator: ", ")))</p>" }
        if !e.missing.isEmpty { s += "<p class=\"meta\">not found: \(escape(e.missing.joined(separator: ", ")))</p>" }
        return s + "</dd>\n"
    }

    /// The two sides of a conflict line from verify ("article: 1,200 jobs — source: 800 jobs").
    static func conflictSides(_ conflict: String) -> (article: String, source: String) {
        let parts = conflict.components(separatedBy: " — ")
        let article = parts.first.map { $0.replacingOccurrences(of: "article: ", with: "") } ?? conflict
        let source = parts.count > 1 ? parts[1].replacingOccurrences(of: "source: ", with: "") : ""
        return (article, source)
    }

    /// Where a conflicting figure stands in `text`: the figure as written ("800 jobs"), else its number
    /// alone ("800 dock jobs"); nothing for a side that is no figure ("negated").
    static func figureRange(_ figure: String, in text: String) -> Range<String.Index>? {
        guard figure.contains(where: \.isNumber) else { return nil }
        if let r = text.range(of: figure, options: .caseInsensitive) { return r }
        guard let number = figure.split(separator: " ").first(where: { $0.contains(where: \.isNumber) }) else { return nil }
        var from = text.startIndex
        while let r = text.range(of: number, range: from..<text.endIndex) {
            // A whole number, not the tail of a bigger one ("800" in "1,800").
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !before.isNumber && before != "," && before != "." && !after.isNumber { return r }
            from = r.upperBound
        }
        return nil
    }

    /// The sentence with the conflicting figures, the sources and the cues of its attributions marked.
    static func sentence(_ c: ClaimRecord) -> String {
        var marks: [(Range<String.Index>, String)] = []
        for conflict in c.evidence.flatMap(\.conflicts) {
            if let r = figureRange(conflictSides(conflict).article, in: c.text), !marks.contains(where: { $0.0.overlaps(r) }) { marks.append((r, "conflict")) }
        }
        for a in c.attributions {
            for (phrase, cls) in [(a.source, "source"), (a.cue, "cue")] where !phrase.isEmpty {
                if let r = c.text.range(of: phrase), !marks.contains(where: { $0.0.overlaps(r) }) { marks.append((r, cls)) }
            }
        }
        return marked(c.text, marks)
    }

    /// `text` escaped, with each conflicting figure and each found term (case-insensitive) in a `<mark>`.
    static func highlight(_ text: String, terms: [String], conflicts: [String] = []) -> String {
        var marks: [(Range<String.Index>, String)] = []
        for figure in conflicts {
            if let r = figureRange(figure, in: text), !marks.contains(where: { $0.0.overlaps(r) }) { marks.append((r, "conflict")) }
        }
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

    /// What the filters read: id, status, its rank in `problemOrder`, the article (path and index), the
    /// claim's place in it, and the lowercased words search looks in — the claim, every source (and what
    /// it refers to, and its outlet), cue and cited URL (also final and archive URLs).
    static func data(_ model: ReportModel) -> JSONValue {
        .array(model.articles.enumerated().flatMap { k, entry in
            entry.claims.enumerated().map { n, c in
                var words = [c.text]
                for a in c.attributions {
                    words += [a.source, a.cue] + a.urls + [a.resolved, a.outlet?.name, a.outlet?.domain].compactMap { $0 }
                }
                for e in c.evidence { words += [e.url, e.finalUrl, e.archiveUrl].compactMap { $0 } }
                return .object([("id", .string(c.id)), ("status", .string(c.status.rawValue)), ("rank", .int(rank(c.status))),
                                ("article", .string(entry.record.path)), ("a", .int(k)), ("n", .int(n)),
                                ("search", .string(words.joined(separator: "\n").lowercased()))])
            }
        })
    }

    static let style = """
    *{box-sizing:border-box}
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
    .page{display:grid;grid-template-columns:minmax(17rem,23rem) minmax(0,1fr);gap:1.5rem;max-width:112rem;margin:0 auto;padding:1rem 1.5rem}
    .panel{position:sticky;top:0;align-self:start;max-height:100vh;overflow-y:auto;padding-bottom:1rem}
    main{min-width:0}
    h1{margin:.2rem 0}h2{margin:1.2rem 0 .4rem;font-size:1.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
    .meta{color:#57606a;font-size:.85rem;margin:.2rem 0}
    .summary{margin:.8rem 0}.counts{display:flex;flex-wrap:wrap;gap:.3rem}
    button{font:inherit;cursor:pointer}
    .badge{display:inline-block;color:#fff;border:0;border-radius:1em;padding:0 .6em;font-size:.8rem;font-weight:600;letter-spacing:.02em}
    .pill{padding:.1em .7em;outline-offset:1px}.pill[aria-pressed=true]{outline:3px solid #1f2328}
    .chart{display:grid;gap:3px;margin:.8rem 0}
    .bar{display:grid;grid-template-columns:6.5rem minmax(0,1fr) 2.5rem;align-items:center;gap:.4rem;background:none;border:1px solid transparent;border-radius:4px;padding:1px 3px;text-align:left;font-size:.85rem}
    .bar:hover,.bar[aria-pressed=true]{border-color:#1f2328}.track{display:block;height:.9rem}.fill{display:block;height:100%;border-radius:3px;min-width:3px}
    .filters{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .7rem;margin:.5rem 0}
    .filters label{display:block;margin:.3rem 0}.filters select,.filters input{display:block;width:100%;max-width:100%;font:inherit}
    .order{display:flex;gap:0}.order button{flex:1;border:1px solid #d0d7de;background:#fff;padding:.2rem .4rem}
    .order button[aria-pressed=true]{background:#0969da;color:#fff;border-color:#0969da}
    .overview ul.articles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:.5rem}
    .article-row{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .6rem;min-width:0;overflow-wrap:anywhere}
    .article-row .title{background:none;border:0;padding:0;color:#0969da;font-weight:600;text-align:left}
    .article-row[aria-current=true]{border-color:#0969da;box-shadow:0 0 0 1px #0969da}
    .empty{font-size:1.1rem;padding:1rem;border:1px dashed #d0d7de;border-radius:6px;text-align:center}
    .claim{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid;overflow-wrap:anywhere}
    .claim[hidden],section[hidden],.empty[hidden]{display:none}
    .order-article .from{display:none}
    \(ClaimStatus.allCases.map { ".s-\($0.rawValue){background:\(colors[$0] ?? "#888")}" }.joined())
    .sentence{font-size:1.05rem;margin:.4rem 0}
    mark.source{background:#ddf4ff;border-bottom:2px solid #0969da}mark.cue{background:#fff8c5;border-bottom:2px solid #bf8700}mark.term{background:#dafbe1}
    mark.conflict{background:#ffebe9;border-bottom:2px solid #cf222e;font-weight:600}
    dl{margin:.3rem 0}dt{font-weight:600;font-size:.85rem;color:#57606a;margin-top:.4rem}dd{margin:0 0 0 1rem}dd ul{margin:0;padding-left:1rem}
    blockquote{margin:.3rem 0;padding:.3rem .7rem;border-left:3px solid #d0d7de;background:#f6f8fa}
    table.conflicts{border-collapse:collapse;margin:.3rem 0;max-width:100%}table.conflicts td,table.conflicts th{border:1px solid #d0d7de;padding:.15rem .5rem;text-align:left}
    table.conflicts td:first-child{background:#ffebe9}table.conflicts td:last-child{background:#dafbe1}
    .hedge{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:0 .3rem;margin-right:.2rem}
    .history{margin:0;padding-left:1.2rem;font-size:.85rem}
    ul.notes{margin:.3rem 0;padding:.3rem .7rem .3rem 1.8rem;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;font-size:.9rem}
    a{color:#0969da;overflow-wrap:anywhere}
    @media (max-width:900px){.page{grid-template-columns:minmax(0,1fr);padding:.6rem;gap:.5rem}.panel{position:static;max-height:none;overflow:visible}
    .claim{padding:.5rem .6rem}dd{margin-left:.4rem}}
    @media print{.filters,.chart{display:none}.page{display:block}.panel{position:static;max-height:none}.claim{break-inside:avoid}a{color:inherit}.badge{color:#000;border:1px solid #000;background:none !important}}
    """

    /// The filters. State lives in the address (`#status=a,b&article=PATH&q=TEXT&order=article`): read on
    /// load and on every hash change, written back (replaceState, no history entry) on every change.
    static let script = """
    (function(){
    var data=JSON.parse(document.getElementById('claim-data').textContent);
    var byId={};data.forEach(function(d){byId[d.id]=d;});
    var claims=Array.prototype.slice.call(document.querySelectorAll('article.claim'));
    var ar=document.getElementById('f-article'),tx=document.getElementById('f-text'),ct=document.getElementById('f-count');
    var empty=document.getElementById('empty'),problems=document.getElementById('problems');
    var state={status:[],article:'',q:'',order:'problems'},arranged='problems';
    function read(){var h=new URLSearchParams(location.hash.slice(1));
    state.status=(h.get('status')||'').split(',').filter(function(s){return s;});
    state.article=h.get('article')||'';state.q=h.get('q')||'';state.order=h.get('order')==='article'?'article':'problems';}
    function write(){var h=new URLSearchParams();
    if(state.status.length)h.set('status',state.status.join(','));if(state.article)h.set('article',state.article);
    if(state.q)h.set('q',state.q);if(state.order==='article')h.set('order','article');
    var s=h.toString().replace(/%2C/g,',');
    try{history.replaceState(null,'',location.pathname+location.search+(s?'#'+s:''));}catch(e){location.hash=s;}}
    function arrange(){var list=claims.slice();
    if(state.order==='problems'){list.sort(function(x,y){var a=byId[x.id],b=byId[y.id];return a.rank-b.rank||a.a-b.a||a.n-b.n;});list.forEach(function(el){problems.appendChild(el);});}
    else{list.sort(function(x,y){var a=byId[x.id],b=byId[y.id];return a.a-b.a||a.n-b.n;});
    list.forEach(function(el){document.querySelector('#article-'+byId[el.id].a+' .claims').appendChild(el);});}
    arranged=state.order;}
    function apply(){if(arranged!==state.order)arrange();
    var q=state.q.trim().toLowerCase(),shown=0,filtered=state.status.length||state.article||q;
    claims.forEach(function(el){var d=byId[el.id];
    var ok=!!d&&(!state.status.length||state.status.indexOf(d.status)>=0)&&(!state.article||d.article===state.article)&&(!q||d.search.indexOf(q)>=0);
    el.hidden=!ok;if(ok)shown++;});
    var byArticle=state.order==='article';document.body.classList.toggle('order-article',byArticle);
    problems.hidden=byArticle;
    document.querySelectorAll('section.article').forEach(function(sec){
    var any=!!sec.querySelector('article.claim:not([hidden])');
    sec.hidden=!byArticle||(filtered&&!any)||(state.article&&sec.getAttribute('data-article')!==state.article);});
    document.querySelectorAll('button[data-status]').forEach(function(b){var a=b.getAttribute('data-article');
    b.setAttribute('aria-pressed',String(state.status.indexOf(b.getAttribute('data-status'))>=0&&(!a||a===state.article)));});
    document.querySelectorAll('button[data-order]').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-order')===state.order));});
    document.querySelectorAll('li.article-row').forEach(function(li){if(li.getAttribute('data-article')===state.article)li.setAttribute('aria-current','true');else li.removeAttribute('aria-current');});
    ar.value=state.article;if(tx.value!==state.q)tx.value=state.q;
    ct.textContent=shown+' of '+claims.length+' claims shown';
    empty.hidden=shown>0;empty.firstChild.textContent=claims.length?'No claims match. ':'No claims. ';}
    function change(){write();apply();}
    document.querySelectorAll('button[data-status]').forEach(function(b){b.addEventListener('click',function(){
    var s=b.getAttribute('data-status'),a=b.getAttribute('data-article');
    if(a!==null){if(state.article!==a||state.status.length!==1||state.status[0]!==s){state.article=a;state.status=[s];}else{state.status=[];}}
    else{var i=state.status.indexOf(s);if(i>=0)state.status.splice(i,1);else state.status.push(s);}
    change();});});
    document.querySelectorAll('button.title[data-article]').forEach(function(b){b.addEventListener('click',function(){
    var a=b.getAttribute('data-article');state.article=state.article===a?'':a;change();});});
    document.querySelectorAll('button[data-order]').forEach(function(b){b.addEventListener('click',function(){state.order=b.getAttribute('data-order');change();});});
    function clear(){state.status=[];state.article='';state.q='';change();}
    document.getElementById('f-clear').addEventListener('click',clear);document.getElementById('f-clear-empty').addEventListener('click',clear);
    ar.addEventListener('change',function(){state.article=ar.value;change();});
    tx.addEventListener('input',function(){state.q=tx.value;change();});
    window.addEventListener('hashchange',function(){read();apply();});
    read();apply();
    })();
    """
}
