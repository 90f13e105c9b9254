import ArgumentParser
import Support

/// `--threads`, for every command that computes or draws: how many workers, never what they produce.
struct ThreadOptions: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: all cores). The output never depends on it.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var workerCount: Int { threads ?? Parallel.defaultThreads }
}
