import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parser saw in an SVG document.
public struct SVGSummary {
    /// Whether the document parsed as well-formed XML.
    public var wellFormed: Bool
    /// The parser's error, if any.
    public var error: String?
    /// The text of every `<text>` element, in document order.
    public var texts: [String]
    /// Every `id` attribute.
    public var ids: [String]
    /// Every `class` attribute.
    public var classes: [String]
}

/// Parses SVG with Foundation's `XMLParser`, a real consumer of the markup.
public func parseSVG(_ data: Data) -> SVGSummary {
    let delegate = SVGCollector()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    let ok = parser.parse()
    return SVGSummary(wellFormed: ok, error: parser.parserError.map { "\($0)" }, texts: delegate.texts, ids: delegate.ids, classes: delegate.classes)
}

private final class SVGCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var ids: [String] = []
    var classes: [String] = []
    private var inText = false
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.append(id) }
        if let cls = attributes["class"] { classes.append(cls) }
        if name == "text" { inText = true; current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current); inText = false }
    }
}
