import Foundation

/// How the SVG that Graphviz writes becomes the SVG actorgraph hands out.
///
/// Graphviz names each node and edge in its `<title>`; actorgraph puts the evidence
/// there instead, so hovering explains the element. It adds a `<title>` and `<desc>` for
/// screen readers, names fonts with metric-compatible fallbacks, and drops comments
/// (they repeat every name). For embedding (`--embed`) it also drops the XML prolog and
/// DOCTYPE, and makes the drawing scale with the page (`width="100%"`, `viewBox`).
/// Every id starts with the graph's id prefix, so drawings of different graphs never
/// collide on one page.
///
/// Graphviz writes one element start per line, which is what the rewriting relies on;
/// an XML parser reads the result in the tests.
struct SVGPostProcessor {
    /// The DOT the SVG was rendered from: id prefix and element titles.
    let document: DOTDocument
    /// The graph's title and description.
    let caption: GraphCaption
    /// The fonts to name.
    let theme: Theme
    /// Whether to make the SVG fit for inlining in HTML.
    let embed: Bool

    /// The rewritten SVG.
    ///
    /// - Complexity: O(n) in the length of the SVG.
    func process(_ svg: Data) -> Data {
        var text = String(decoding: svg, as: UTF8.self)
        text = Self.removingComments(text)
        if embed { text = Self.removingPrologAndDoctype(text) }
        text = text.replacingOccurrences(
            of: "font-family=\"\(XMLEscaping.escaped(theme.fontName))\"",
            with: "font-family=\"\(XMLEscaping.escaped(theme.svgFontFamily))\"")
        text = rewritingTitles(text)
        text = rewritingRoot(text)
        return Data(text.utf8)
    }

    /// Replaces the `<title>` after each `<g id=…>` that has hover text.
    private func rewritingTitles(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pendingTitle: String?
        for index in lines.indices {
            let line = lines[index]
            if line.hasPrefix("<g id=\""), let id = Self.attribute("id", in: line) {
                pendingTitle = line.contains("class=\"graph\"") ? caption.title : document.titles[id]
            } else if let title = pendingTitle, line.hasPrefix("<title>") {
                lines[index] = "<title>\(XMLEscaping.escaped(title, keepingLineBreaks: true))</title>"
                pendingTitle = nil
            } else {
                pendingTitle = nil
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Adds accessibility attributes, a `<title>` and a `<desc>` to the `<svg>` element;
    /// when embedding, makes it scale with its container.
    private func rewritingRoot(_ text: String) -> String {
        guard let start = text.range(of: "<svg"), let end = text.range(of: ">", range: start.upperBound..<text.endIndex) else {
            return text
        }
        var tag = String(text[start.lowerBound..<end.lowerBound])
        if embed {
            tag = Self.replacingAttribute("width", in: tag, with: "100%")
            tag = Self.removingAttribute("height", in: tag)
        }
        let titleID = "\(document.idPrefix)_title"
        let descID = "\(document.idPrefix)_desc"
        tag += " role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" class=\"actorgraph\""
        let heading = "\n<title id=\"\(titleID)\">\(XMLEscaping.escaped(caption.title))</title>"
            + "\n<desc id=\"\(descID)\">\(XMLEscaping.escaped(caption.byline.isEmpty ? caption.description : "\(caption.byline). \(caption.description)"))</desc>"
        return String(text[..<start.lowerBound]) + tag + ">" + heading + String(text[end.upperBound...])
    }

    static func removingComments(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) else { return out }
            rest = rest[close.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        return out + rest
    }

    static func removingPrologAndDoctype(_ text: String) -> String {
        var result = text
        for (open, close) in [("<?xml", "?>"), ("<!DOCTYPE", ">")] {
            guard let start = result.range(of: open),
                  let end = result.range(of: close, range: start.upperBound..<result.endIndex) else { continue }
            var upper = end.upperBound
            if upper < result.endIndex, result[upper] == "\n" { upper = result.index(after: upper) }
            result.removeSubrange(start.lowerBound..<upper)
        }
        return result
    }

    /// The value of `name="…"` in a start tag, with Graphviz's entities decoded.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else {
            return nil
        }
        return String(tag[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&#45;", with: "-")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func replacingAttribute(_ name: String, in tag: String, with value: String) -> String {
        guard let start = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else {
            return tag + " \(name)=\"\(value)\""
        }
        return String(tag[..<start.upperBound]) + value + String(tag[end.lowerBound...])
    }

    private static func removingAttribute(_ name: String, in tag: String) -> String {
        guard let start = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else {
            return tag
        }
        return String(tag[..<start.lowerBound]) + String(tag[end.upperBound...])
    }
}
