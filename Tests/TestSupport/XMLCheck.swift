import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element an XML parser saw: its name, attributes and direct text.
public struct XMLElementSummary {
    public var name: String
    public var attributes: [String: String]
    public var text: String
}

/// What an XML parser saw in a whole document (GraphML, GEXF, SVG, XHTML fragments).
public struct XMLSummary {
    public var wellFormed: Bool
    public var error: String?
    public var elements: [XMLElementSummary]

    /// Every element named `name`.
    public func elements(named name: String) -> [XMLElementSummary] {
        elements.filter { $0.name == name }
    }

    /// Every `id` attribute in document order.
    public var ids: [String] { elements.compactMap { $0.attributes["id"] } }
}

/// Parses XML with Foundation's `XMLParser`, a real consumer of the markup.
public func parseXML(_ data: Data) -> XMLSummary {
    let collector = XMLCollector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    let ok = parser.parse()
    return XMLSummary(wellFormed: ok, error: parser.parserError.map { "\($0)" }, elements: collector.finished)
}

private final class XMLCollector: NSObject, XMLParserDelegate {
    var finished: [XMLElementSummary] = []
    private var open: [XMLElementSummary] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(XMLElementSummary(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let element = open.popLast() { finished.append(element) }
    }
}
