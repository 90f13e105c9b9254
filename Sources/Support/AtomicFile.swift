import Foundation

/// Single output files are written to a hidden temporary name beside the target and renamed into
/// place, so a failure never leaves a half-written file under the target's name.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        do throws(OutputError) {
            try writeInPlace(bytes, to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw OutputError.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes straight to `url` without first copying the bytes into a `Data` (tables run to tens of
    /// megabytes); for files inside a folder that is itself swapped in whole (`AtomicFolder`).
    public static func writeInPlace(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        guard let file = fopen(url.path, "wb") else {
            throw OutputError.io("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file) == 0
        guard written == bytes.count, closed else {
            throw OutputError.io("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
