import ActorGraph
import Foundation

/// Writes one self-contained HTML page: per input its drawing inline and an evidence
/// table, then, with two or more inputs, how each differs from the first.
///
/// The page loads nothing (no scripts, fonts or images from elsewhere) and says so in a
/// Content-Security-Policy meta tag that allows only its own style sheet, by hash. Every
/// drawing gets its own id prefix, so inlined SVGs never share an id. All text is escaped.
///
/// ```swift
/// let output = HTMLReportWriter(renderer: GraphRenderer()).html(for: sections)
/// try output.text.write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLReportWriter: Sendable {
    /// Draws the graphs; its engine and isolation apply.
    public var renderer: GraphRenderer

    /// Creates a writer.
    public init(renderer: GraphRenderer) {
        self.renderer = renderer
    }

    /// The report of `sections`; a drawing that fails is replaced by its error, which is
    /// also listed in ``ReportOutput/failures``.
    public func html(for sections: [ReportSection]) -> ReportOutput {
        var failures: [String] = []
        var body = header(sections) + contents(sections)
        for (index, section) in sections.enumerated() {
            body += sectionHTML(section, index: index, failures: &failures)
        }
        if let first = sections.first {
            for (index, other) in sections.dropFirst().enumerated() {
                body += comparisonHTML(ReportComparison(first, other), index: index + 1)
            }
        }
        body += "<footer>Written by actorgraph. Solid lines: stated by the article in its own voice; dashed and faded: hedged, denied or reported from a speaker. Hover over a line or an actor for its evidence.</footer>\n"
        let style = Self.styleSheet(theme: renderer.dotWriter.theme)
        let policy = "default-src 'none'; style-src 'sha256-\(SHA256.base64Digest(of: style))'; img-src data:; base-uri 'none'; form-action 'none'"
        let title = sections.count == 1 ? GraphCaption(sections[0].graph).title : "Actor graphs of \(sections.count) inputs"
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="actorgraph">
        <title>\(escaped(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
        return ReportOutput(text: html, attachments: [], failures: failures)
    }

    private func header(_ sections: [ReportSection]) -> String {
        let count = sections.count == 1 ? "one input" : "\(sections.count) inputs"
        return "<header><h1>Actor graph report</h1><p>Geopolitical actors and the relations the text states, from \(count).</p></header>\n"
    }

    private func contents(_ sections: [ReportSection]) -> String {
        guard sections.count > 1 else { return "" }
        var items = sections.enumerated().map { index, section in
            "<li><a href=\"#input-\(index + 1)\">\(escaped(GraphCaption(section.graph).title))</a></li>"
        }
        items += sections.dropFirst().enumerated().map { index, section in
            "<li><a href=\"#comparison-\(index + 1)\">\(escaped(sections[0].name)) against \(escaped(section.name))</a></li>"
        }
        return "<nav><ol>\(items.joined())</ol></nav>\n"
    }

    private func sectionHTML(_ section: ReportSection, index: Int, failures: inout [String]) -> String {
        let caption = GraphCaption(section.graph)
        var out = "<section id=\"input-\(index + 1)\">\n<h2>\(escaped(caption.title))</h2>\n"
        let byline = [caption.byline, section.name].filter { !$0.isEmpty }.joined(separator: " · ")
        out += "<p class=\"byline\">\(escaped(byline)) — \(escaped(caption.description))</p>\n"
        out += "<figure class=\"graph\">\n\(drawing(section, index: index, failures: &failures))</figure>\n"
        out += evidenceTable(section)
        return out + "</section>\n"
    }

    private func drawing(_ section: ReportSection, index: Int, failures: inout [String]) -> String {
        var renderer = self.renderer
        renderer.embedsSVG = true
        renderer.texts = section.texts
        renderer.dotWriter.idPrefix = GraphFingerprint.idPrefix(for: section.graph) + "s\(index + 1)"
        do {
            let svg = try renderer.svg(for: section.graph)
            return String(decoding: svg, as: UTF8.self)
        } catch {
            let message = "\(section.name): \(error)"
            failures.append(message)
            return "<p class=\"failure\">The drawing failed: \(escaped(message))</p>\n"
        }
    }

    private func evidenceTable(_ section: ReportSection) -> String {
        let rows = section.evidenceRows()
        guard !rows.isEmpty else { return "<p>No relations were found.</p>\n" }
        var out = "<h3>Evidence</h3>\n<table class=\"evidence\">\n"
        out += "<thead><tr><th>Relation</th><th>Sentence (cue marked)</th><th>Modality</th><th>Speaker</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let kind = row.relation.kind.rawValue
            out += "<tr><td><span class=\"chip k-\(kind)\"></span>\(escaped(row.pair)) <b>\(kind)</b></td>"
            out += "<td>\(sentenceHTML(row))</td>"
            out += "<td>\(row.evidence.modality.rawValue)<br><small>\(escaped(row.evidence.tense.rawValue)) · \(escaped(row.evidence.rule)) · \(row.evidence.confidence)</small></td>"
            out += "<td>\(row.speaker.map(escaped) ?? "<span class=\"muted\">article</span>")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func sentenceHTML(_ row: EvidenceRow) -> String {
        guard let quote = row.quote else { return "<span class=\"muted\">\(escaped(row.location)) (text not loaded)</span>" }
        return "\(escaped(quote.before))<mark>\(escaped(quote.cue))</mark>\(escaped(quote.after))"
    }

    private func comparisonHTML(_ comparison: ReportComparison, index: Int) -> String {
        var out = "<section id=\"comparison-\(index)\" class=\"comparison\">\n"
        out += "<h2>\(escaped(comparison.first.name)) against \(escaped(comparison.other.name))</h2>\n"
        out += "<p>\(comparison.shared.count) relations in both, \(comparison.onlyFirst.count) only in the first, \(comparison.onlyOther.count) only in the second.</p>\n"
        out += relationList("Only in \(comparison.first.name)", comparison.onlyFirst, comparison, cssClass: "removed")
        out += relationList("Only in \(comparison.other.name)", comparison.onlyOther, comparison, cssClass: "added")
        out += relationList("In both", comparison.shared, comparison, cssClass: "shared")
        let actorsFirst = comparison.actorsOnlyFirst.map(\.name).joined(separator: ", ")
        let actorsOther = comparison.actorsOnlyOther.map(\.name).joined(separator: ", ")
        if !actorsFirst.isEmpty { out += "<p><b>Actors only in the first:</b> \(escaped(actorsFirst))</p>\n" }
        if !actorsOther.isEmpty { out += "<p><b>Actors only in the second:</b> \(escaped(actorsOther))</p>\n" }
        return out + "</section>\n"
    }

    private func relationList(_ heading: String, _ relations: [Relation], _ comparison: ReportComparison, cssClass: String) -> String {
        guard !relations.isEmpty else { return "" }
        let items = relations.map { "<li><span class=\"chip k-\($0.kind.rawValue)\"></span>\(escaped(comparison.phrase($0)))</li>" }
        return "<h3>\(escaped(heading))</h3>\n<ul class=\"\(cssClass)\">\(items.joined())</ul>\n"
    }

    private func escaped(_ text: String) -> String {
        XMLEscaping.escaped(text, keepingLineBreaks: true)
    }

    /// The page's only style sheet; its hash is in the Content-Security-Policy.
    static func styleSheet(theme: Theme) -> String {
        var css = """
        body{font-family:"DejaVu Sans",Verdana,Geneva,sans-serif;color:#202124;margin:0 auto;max-width:1180px;padding:16px 24px;line-height:1.45}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #dadce0}h3{font-size:1.05em}
        .byline,.muted,footer{color:#5f6368}footer{margin-top:3em;font-size:.85em}
        figure.graph{margin:1em 0;border:1px solid #e8eaed;border-radius:6px;padding:8px;background:#fff}
        figure.graph svg{display:block;max-width:100%;height:auto}
        svg.actorgraph g.edge:hover path{stroke-width:4}
        table.evidence{border-collapse:collapse;width:100%;font-size:.9em}
        table.evidence th,table.evidence td{border-bottom:1px solid #e8eaed;padding:6px 8px;vertical-align:top;text-align:left}
        table.evidence th{background:#f1f3f4}
        mark{background:#fff1a8;padding:0 2px}
        .chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
        .failure{color:#a50e0e;font-weight:bold}
        ul.added li::marker{content:"+ "}ul.removed li::marker{content:"− "}
        """
        for kind in RelationKind.allCases {
            css += "\n.k-\(kind.rawValue){background:\(theme.edge(kind).color)}"
        }
        return css + "\n"
    }
}
