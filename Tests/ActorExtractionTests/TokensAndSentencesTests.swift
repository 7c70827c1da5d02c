@testable import ActorExtraction
import XCTest

/// ``Tokenizer/tokensAndSentences(in:from:)`` gives what tokenising and then splitting give,
/// and the join across a mention result's phrases what the join across their list gives.
final class TokensAndSentencesTests: XCTestCase {
    /// Pieces that make tokens and sentence breaks of every kind, put together at random.
    private static let pieces = [
        "Japan", "met", "China", ".", "!", "?", "…", ",", " ", "  ", "\n", "\n\n", "\r\n", "\t", "“", "”", "\"", "'s", "’s",
        "(", ")", "[", "]", "-", "—", "U.S.", "Mr.", "S.", "Jaishankar", "O'Brien", "café", "Zürich", "\u{00A0}", "1945",
        "the", "The", "don't", "«", "»", ":", ";", "x", "ü", "\u{FEFF}",
    ]

    /// A text of `count` pieces from a fixed sequence of pseudo-random numbers.
    private static func text(_ count: Int, seed: UInt64) -> String {
        var state = seed
        var text = ""
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }

    private func assertSame(_ text: String, from start: Int = 0, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let expected = Tokenizer().tokens(in: bytes, from: start)
        let (tokens, sentences) = Tokenizer().tokensAndSentences(in: bytes, from: start)
        XCTAssertEqual(tokens.count, expected.count, "token count of \(text.debugDescription)", file: file, line: line)
        for (a, b) in zip(tokens, expected) {
            XCTAssertTrue(
                a.exact == b.exact && a.folded == b.folded && a.start == b.start && a.end == b.end && a.kind == b.kind
                    && a.first == b.first && a.afterNewline == b.afterNewline && a.attached == b.attached,
                "token at \(b.start) of \(text.debugDescription)", file: file, line: line
            )
        }
        XCTAssertEqual(sentences, SentenceSplitter().sentences(expected, bytes: bytes), "sentences of \(text.debugDescription)", file: file, line: line)
    }

    func testShortAndEdgeTexts() {
        for text in [
            "", ".", "\n", "Japan", "Japan met China. Russia did not.", String(repeating: ".", count: 200),
            String(repeating: "\n", count: 100), String(repeating: "!\n", count: 80) + "Japan",
            "He said “Japan is safe.” Then he left. In the U.S. The talks went on.\n\nNew line here\nand lower case\n",
            String(repeating: "Japan met China in Tokyo. ", count: 10) + "\n",
        ] {
            assertSame(text)
        }
    }

    /// Every byte a candidate, in the room the tokens' buffer keeps for them.
    func testATextOfOnlyBreaksFillsTheCandidatesRoom() {
        XCTAssertEqual(Tokenizer.candidatesPerToken * MemoryLayout<Int32>.stride, MemoryLayout<Token>.stride)
        for count in [65, 66, 71, 72, 73, 10_000] {
            assertSame(String(repeating: ".", count: count))
            assertSame(String(repeating: "\n", count: count))
        }
    }

    func testRandomTexts() {
        for seed in 0..<300 as Range<UInt64> {
            assertSame(Self.text(Int(seed % 97) + 1, seed: seed))
        }
    }

    func testFromAnOffset() {
        let text = "---\ntitle: x\n---\n" + Self.text(120, seed: 7)
        for start in [0, 4, 17, 40] { assertSame(text, from: start) }
    }

    /// The candidate walk skips what is not a candidate, what it has passed, and what lies
    /// past the last token.
    func testCandidatesMayRepeatAndRunPast() {
        let bytes = Array("Japan met China. Russia did not.\nThe end".utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let all = (0..<tokens.count + 3).flatMap { [Int32($0), Int32($0)] }
        let sentences = tokens.withUnsafeBufferPointer { tokens in
            all.withUnsafeBufferPointer { SentenceSplitter().sentences(tokens, candidates: $0, bytes: bytes) }
        }
        XCTAssertEqual(sentences, SentenceSplitter().sentences(tokens, bytes: bytes))
    }

    func testJoiningAcrossAMentionResultIsJoiningAcrossItsPhrases() throws {
        let extractor = try Extractor()
        let finder = MentionFinder(gazetteer: extractor.gazetteer, roles: extractor.roles)
        for text in [
            "In Delhi the Indian External Affairs Minister S. Jaishankar greeted the Japanese envoy. Japan met China.",
            "Japanese Prime Minister Fumio Kishida met U.S. President Joe Biden. Russia condemned NATO.",
            Self.text(150, seed: 3),
        ] {
            let bytes = Array(text.utf8)
            let tokens = Tokenizer().tokens(in: bytes)
            let found = finder.mentions(in: tokens, bytes: bytes, date: "2023-01-12")
            let splitter = SentenceSplitter()
            let sentences = splitter.sentences(tokens, bytes: bytes)
            let phrases = found.mentions.map(\.tokens) + found.affiliations.map(\.cue)
            XCTAssertEqual(splitter.joining(sentences, acrossMentionsOf: found), splitter.joining(sentences, across: phrases), text)
        }
    }
}
