import Statistics
import Testing
@testable import Support

@Suite struct SlugTests {
    @Test("ASCII text takes the byte-wise path, with the folding path's result")
    func asciiMatchesFolding() {
        var generator = SeededGenerator(seed: 9)
        // Every ASCII character, and runs of the ones captions hold.
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + Array("aZ9 -·,:()'".filter(\.isASCII))
        var texts = ["", "Kendall's tau-b (H1)", "--A--", "  ", "ÀB"]
        for _ in 0..<20_000 {
            texts.append(String((0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(Slug.asciiSlug(text) == Slug.foldedSlug(text), "\(text.debugDescription)")
        }
        #expect(Slug.asciiSlug("Café") == nil)
        #expect(Slug.make("Kendall's tau-b of H1, Always accept", fallback: "s", maxLength: 20) == "kendall-s-tau-b-of")
    }
}
