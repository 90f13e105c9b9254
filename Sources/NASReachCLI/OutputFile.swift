import Foundation

/// Single output files (e.g. `landscape --json`) are written to a temporary name beside the target
/// and renamed into place, so a failure never leaves a half-written file.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw CommandFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))", status: ExitStatus.cannotWrite)
            }
        } catch let error as CommandFailure {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)", status: ExitStatus.cannotWrite)
        }
    }
}
