import ArgumentParser
import Benchmark
import Report
import Foundation
import Support

/// The contract's exit codes, mapped from errors in this one place.
enum ExitStatus {
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    static let internalError: Int32 = 70
    /// An output folder or file cannot be created (sysexits' EX_CANTCREAT); an extension of the contract.
    static let cannotWrite: Int32 = 73

    static func code(for error: InputError) -> Int32 {
        switch error.kind {
        case .unreadable: missingInput
        case .invalid: badData
        }
    }
}

/// An error the user can act on that is not about an input file (e.g. an output folder that cannot be written).
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: Int32
    var description: String { message }
}

/// Runs a command body, turning every error into one clear sentence on stderr and the contract's exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        Terminal.error("error: \(error)")
        throw ExitCode(ExitStatus.code(for: error))
    } catch let error as CommandFailure {
        Terminal.error("error: \(error.message)")
        throw ExitCode(error.status)
    } catch let error as SiteError {
        Terminal.error("error: \(error)")
        throw ExitCode(ExitStatus.cannotWrite)
    } catch let error as OutputError {
        Terminal.error("error: \(error)")
        throw ExitCode(ExitStatus.cannotWrite)
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error("internal error: \(error)\nPlease report this with the command you ran.")
        throw ExitCode(ExitStatus.internalError)
    }
}

/// Writes to the terminal streams; the only place the CLI prints.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes without a newline (progress bars redraw the current line).
    static func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
}
