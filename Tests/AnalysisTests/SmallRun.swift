import Analysis
import TestSupport

/// The shared small analysis (see TestSupport), under the name these tests use.
typealias SmallRun = SmallAnalysis
