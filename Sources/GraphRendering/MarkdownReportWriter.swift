import ActorGraph
import Foundation

/// Writes a report as Markdown, with each drawing as an SVG file beside it.
///
/// Markdown renderers do not inline SVG, so the drawings are attachments the report links
/// to as images (`report-1-summit.svg`). Table cells escape Markdown and HTML syntax, so
/// names pass intact and inert; the cue of each sentence is in bold.
///
/// ```swift
/// let output = MarkdownReportWriter(renderer: GraphRenderer(), attachmentStem: "report").markdown(for: sections)
/// // output.text is report.md; output.attachments are report-1-….svg, …
/// ```
public struct MarkdownReportWriter: Sendable {
    /// Draws the graphs.
    public var renderer: GraphRenderer
    /// The start of every attachment's file name, usually the report's own name.
    public var attachmentStem: String

    /// Creates a writer.
    public init(renderer: GraphRenderer, attachmentStem: String) {
        self.renderer = renderer
        self.attachmentStem = attachmentStem
    }

    /// The report of `sections` and its SVG attachments; a drawing that fails is replaced
    /// by its error, also listed in ``ReportOutput/failures``.
    public func markdown(for sections: [ReportSection]) -> ReportOutput {
        var attachments: [ReportAttachment] = []
        var failures: [String] = []
        var out = "# Actor graph report\n\n"
        out += "Solid lines are stated by the article in its own voice; dashed, faded lines are hedged, denied or reported from a speaker.\n"
        for (index, section) in sections.enumerated() {
            let caption = GraphCaption(section.graph)
            out += "\n## \(Self.inline(caption.title))\n\n"
            let byline = [caption.byline, section.name].filter { !$0.isEmpty }.joined(separator: " · ")
            out += "\(Self.inline(byline)) — \(Self.inline(caption.description))\n\n"
            let name = "\(attachmentStem)-\(index + 1)-\(Self.slug(GraphRenderer.name(of: section.graph))).svg"
            var renderer = self.renderer
            renderer.texts = section.texts
            renderer.dotWriter.idPrefix = GraphFingerprint.idPrefix(for: section.graph) + "s\(index + 1)"
            do {
                attachments.append(ReportAttachment(name: name, data: try renderer.svg(for: section.graph)))
                out += "![\(Self.inline(caption.title))](\(name))\n\n"
            } catch {
                failures.append("\(section.name): \(error)")
                out += "**The drawing failed:** \(Self.inline("\(error)"))\n\n"
            }
            out += evidenceTable(section)
        }
        if let first = sections.first {
            for other in sections.dropFirst() { out += comparison(ReportComparison(first, other)) }
        }
        return ReportOutput(text: out, attachments: attachments, failures: failures)
    }

    private func evidenceTable(_ section: ReportSection) -> String {
        let rows = section.evidenceRows()
        guard !rows.isEmpty else { return "No relations were found.\n" }
        var out = "| Relation | Sentence (cue in bold) | Modality | Speaker |\n| --- | --- | --- | --- |\n"
        for row in rows {
            let sentence = row.quote.map { "\(Self.inline($0.before))**\(Self.inline($0.cue))**\(Self.inline($0.after))" }
                ?? Self.inline("\(row.location) (text not loaded)")
            out += "| \(Self.inline(row.pair)) **\(row.relation.kind.rawValue)** | \(sentence) | \(row.evidence.modality.rawValue) | \(Self.inline(row.speaker ?? "article")) |\n"
        }
        return out
    }

    private func comparison(_ comparison: ReportComparison) -> String {
        var out = "\n## \(Self.inline(comparison.first.name)) against \(Self.inline(comparison.other.name))\n\n"
        out += "\(comparison.shared.count) relations in both, \(comparison.onlyFirst.count) only in the first, \(comparison.onlyOther.count) only in the second.\n"
        for (heading, relations) in [("Only in \(comparison.first.name)", comparison.onlyFirst),
                                     ("Only in \(comparison.other.name)", comparison.onlyOther),
                                     ("In both", comparison.shared)] where !relations.isEmpty {
            out += "\n### \(Self.inline(heading))\n\n" + relations.map { "- \(Self.inline(comparison.phrase($0)))\n" }.joined()
        }
        return out
    }

    /// Text for one line of Markdown: markup characters backslash-escaped, HTML's as
    /// entities (renderers pass raw HTML through), line breaks as spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text.collapsingWhiteSpace() {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~":
                out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    /// A file-name-safe form of an id: lowercase letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) ? Character(scalar) : "-"
        }
        let collapsed = String(mapped).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "graph" : String(collapsed.prefix(60))
    }
}
