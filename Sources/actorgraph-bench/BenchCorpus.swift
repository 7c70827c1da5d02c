import Foundation

/// A JSON Lines corpus generated from the project's own texts: the paragraphs of the
/// example articles and the sentences of the relation fixtures, shuffled into articles
/// by a seeded generator, so every run reads the same bytes and nothing is committed.
enum BenchCorpus {
    /// Writes articles to `url` until the file holds at least `minimumBytes`.
    ///
    /// - Returns: the file's size and its number of articles.
    static func write(to url: URL, minimumBytes: Int) throws -> (bytes: Int, articles: Int) {
        let material = try Material.load()
        var random = SplitMix(seed: 7)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let file = try FileHandle(forWritingTo: url)
        defer { try? file.close() }
        var pending = Data()
        var bytes = 0
        var articles = 0
        while bytes + pending.count < minimumBytes {
            pending += try line(number: articles, material: material, random: &random)
            articles += 1
            if pending.count >= 1 << 20 {
                try file.write(contentsOf: pending)
                bytes += pending.count
                pending.removeAll(keepingCapacity: true)
            }
        }
        try file.write(contentsOf: pending)
        return (bytes + pending.count, articles)
    }

    private static func line(number: Int, material: Material, random: inout SplitMix) throws -> Data {
        var paragraphs: [String] = []
        for _ in 0..<(4 + random.next(below: 7)) {
            if random.next(below: 2) == 0 {
                paragraphs.append(material.paragraphs[random.next(below: material.paragraphs.count)])
            } else {
                let sentences = (0..<(2 + random.next(below: 4))).map { _ in material.sentences[random.next(below: material.sentences.count)] }
                paragraphs.append(sentences.joined(separator: " "))
            }
        }
        let record: [String: String] = [
            "id": String(format: "bench-%06d", number),
            "title": material.titles[random.next(below: material.titles.count)],
            "date": String(format: "%04d-%02d-%02d", 2020 + random.next(below: 5), 1 + random.next(below: 12), 1 + random.next(below: 28)),
            "source": material.sources[random.next(below: material.sources.count)],
            "text": paragraphs.joined(separator: "\n\n"),
        ]
        return try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) + Data("\n".utf8)
    }

    /// The project's own writing, cut into paragraphs and sentences.
    private struct Material {
        var paragraphs: [String] = []
        var sentences: [String] = []
        var titles: [String] = []
        var sources: [String] = []

        static func load() throws -> Material {
            var material = Material()
            for url in BenchPaths.examples() {
                let text = try String(contentsOf: url, encoding: .utf8)
                let (fields, body) = frontMatter(text)
                material.titles += fields["title"].map { [$0] } ?? []
                material.sources += fields["source"].map { [$0] } ?? []
                material.paragraphs += body.components(separatedBy: "\n\n")
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            }
            let fixtures = BenchPaths.repository.appendingPathComponent("Tests/ActorExtractionTests/Fixtures/relations.jsonl")
            for line in try String(contentsOf: fixtures, encoding: .utf8).split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if let text = object?["text"] as? String { material.sentences.append(text) }
            }
            guard !material.paragraphs.isEmpty, !material.sentences.isEmpty else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "examples/*.md or the relation fixtures"])
            }
            if material.titles.isEmpty { material.titles = ["Untitled"] }
            if material.sources.isEmpty { material.sources = ["actorgraph examples"] }
            return material
        }

        private static func frontMatter(_ text: String) -> (fields: [String: String], body: String) {
            guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else {
                return ([:], text)
            }
            var fields: [String: String] = [:]
            for line in text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
            return (fields, String(text[end.upperBound...]))
        }
    }
}
