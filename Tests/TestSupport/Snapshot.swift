import Foundation

/// Golden copies of generated output, compared byte for byte. A golden file lives beside the test
/// that owns it, in `Golden/` under that test's folder, so a diff of the repository shows what an
/// output change did. `NASREACH_RECORD_SNAPSHOTS=1 make test` rewrites them: record only a change
/// you meant, and say so in the commit.
///
/// A golden name ending in `.gz` is stored gzip-compressed (`gzip -n`, so recording is deterministic)
/// and compared after decompression: pages repeat their layout and table headers by design, and
/// compressed goldens keep those repeats out of the repository's text (read one with `zcat`). On a
/// mismatch the output is written beside the golden as `<name>.actual` for `diff`.
public enum Snapshot {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["NASREACH_RECORD_SNAPSHOTS"] == "1" }

    /// Nil when `bytes` equal the golden copy `name` (recording it first in record mode); otherwise
    /// where the two first differ.
    public static func mismatch(_ bytes: [UInt8], golden name: String, testFile: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(isCompressed(name) ? gzip(bytes, "-9n") : bytes).write(to: url)
                return nil
            } catch {
                return "could not record \(url.path): \(error)"
            }
        }
        guard let stored = FileManager.default.contents(atPath: url.path) else {
            return "no golden copy at \(url.path); record it with NASREACH_RECORD_SNAPSHOTS=1"
        }
        let golden = isCompressed(name) ? gzip([UInt8](stored), "-d") : [UInt8](stored)
        guard golden != bytes else { return nil }
        let actual = URL(fileURLWithPath: (isCompressed(name) ? String(url.path.dropLast(3)) : url.path) + ".actual")
        try? Data(bytes).write(to: actual)
        let first = zip(golden, bytes).enumerated().first { $1.0 != $1.1 }?.offset ?? min(golden.count, bytes.count)
        let line = 1 + golden[..<first].count { $0 == UInt8(ascii: "\n") }
        func excerpt(_ data: [UInt8]) -> String {
            let lower = max(0, first - 60), upper = min(data.count, first + 60)
            return String(decoding: data[lower..<upper], as: UTF8.self)
        }
        return "\(name) differs from its golden copy at byte \(first) (line \(line)): expected …\(excerpt(golden))… got …\(excerpt(bytes))…"
            + " (\(golden.count) → \(bytes.count) bytes; output in \(actual.lastPathComponent); NASREACH_RECORD_SNAPSHOTS=1 re-records)"
    }

    static func isCompressed(_ name: String) -> Bool { name.hasSuffix(".gz") }

    /// The bytes inside a gzip file, through the system's `gzip -d` (an independent check of the
    /// writer's output); empty when `bytes` are not gzip.
    public static func gunzip(_ bytes: [UInt8]) -> [UInt8] { gzip(bytes, "-d") }

    /// `gzip` with `options` over `input` (through a temporary file), its standard output.
    static func gzip(_ input: [UInt8], _ options: String) -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(input).write(to: file)) != nil, let run = try? ExternalCommand.run("gzip", [options, "-c", file.path]) else { return [] }
        return [UInt8](run.output)
    }
}
