import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM during a run that writes an output folder: the staging folders and lock files
/// registered here are removed, the previous output stays exactly as it was, and the process exits with
/// 130 (SIGINT) or 143 (SIGTERM).
///
/// The signals are taken by a dispatch source on a background queue, so the cleanup runs as ordinary code
/// (not in a signal handler) while the computation goes on. The swap of a finished staging folder into place
/// runs inside `critical`, which holds the same lock the cleanup takes: a signal that arrives during the swap
/// waits for it to finish, so an interruption never leaves the output half-swapped.
public enum Interruption {
    final class Registry: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var paths: [UUID: URL] = [:]
        var sources: [DispatchSourceSignal] = []
    }

    static let registry = Registry()

    /// Exit statuses by signal: 128 + the signal number, as shells report them.
    public static let statusAfterSIGINT: Int32 = 130
    public static let statusAfterSIGTERM: Int32 = 143

    /// Takes over SIGINT and SIGTERM for the rest of the process (idempotent).
    public static func install() {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard registry.sources.isEmpty else { return }
        for (number, status) in [(SIGINT, statusAfterSIGINT), (SIGTERM, statusAfterSIGTERM)] {
            signal(number, SIG_IGN)  // the dispatch source sees the signal; the default action must not kill first
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupted(status: status, name: number == SIGINT ? "SIGINT" : "SIGTERM") }
            source.resume()
            registry.sources.append(source)
        }
        // Under a file-size limit the default action of SIGXFSZ kills the process mid-write; ignored, the
        // write fails with EFBIG instead and is reported like a full disk (exit 73, nothing half-written).
        signal(SIGXFSZ, SIG_IGN)
        atexit { Interruption.removeRegistered() }
    }

    /// Removes `url` (file or folder) if the run is interrupted or exits before `unregister`.
    @discardableResult
    public static func register(_ url: URL) -> UUID {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        let id = UUID()
        registry.paths[id] = url
        return id
    }

    public static func unregister(_ id: UUID) {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.paths[id] = nil
    }

    /// Runs `body` with interruptions held back until it returns.
    public static func critical<T>(_ body: () throws -> T) rethrows -> T {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        return try body()
    }

    static func removeRegistered() {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        for url in registry.paths.values { try? FileManager.default.removeItem(at: url) }
        registry.paths = [:]
    }

    private static func interrupted(status: Int32, name: String) {
        registry.lock.lock()  // waits for a swap in progress, then never lets go: the process ends here
        removeRegistered()
        FileHandle.standardError.write(Data("error: interrupted by \(name); the previous output is untouched and no temporary folder is left\n".utf8))
        _exit(status)
    }
}

/// An exclusive lock on an output path for the life of the process, so that two runs writing the same
/// `--out` or `--results` never interleave: the second fails at once with a clear message (exit 73).
/// The lock is `flock` on a hidden file beside the output, removed when the process ends.
public enum OutputLock {
    final class Held: @unchecked Sendable {
        let lock = NSLock()
        var descriptors: [String: Int32] = [:]
    }

    static let held = Held()

    /// The lock file of an output path.
    public static func lockFile(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    /// Takes the lock on `output` (idempotent within one process) or throws when another process holds it.
    public static func acquire(_ output: URL) throws(OutputError) {
        let file = lockFile(for: output)
        held.lock.lock()
        defer { held.lock.unlock() }
        if held.descriptors[file.path] != nil { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.io("cannot create the lock file \(file.path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError.locked(output.standardizedFileURL.path)
        }
        held.descriptors[file.path] = descriptor
        Interruption.register(file)
    }
}
