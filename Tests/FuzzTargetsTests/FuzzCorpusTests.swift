import Foundation
import Testing
import FuzzTargets

/// The saved fuzz corpus (scripts/fuzz.sh grows it; every crash found is added to it) replayed through the
/// fuzz targets' bodies as an ordinary test: each input must end in a value or a typed error.
@Suite struct FuzzCorpusTests {
    static let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    @Test(arguments: FuzzTargets.names)
    func corpusReplaysClean(_ target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target)
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!inputs.isEmpty, "no saved corpus for \(target)")
        for input in inputs {
            FuzzTargets.run(target, [UInt8](try Data(contentsOf: folder.appendingPathComponent(input))))
        }
    }
}
