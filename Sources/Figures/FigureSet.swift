import Analysis
import Support
import Search
import Plotting
import Statistics

/// Draws the report's figures: one `Plotting.Figure` per `FigureCatalog` entry, and their files.
public enum FigureSet {
    /// The site path of the operator table that every scatter's point data refers to.
    public static let operatorDataPath = OperatorDataFile.path
    /// How a figure's data file is named after its path (`<entry.path>.json.gz`, see `FigureDataFile`).
    public static let dataFileExtension = FigureDataFile.fileExtension

    /// The figure of `entry`, drawn from `output`. Missing data never fails: panels without data say so.
    /// Under `.paper` it is one or two journal columns wide, as suits its panels.
    public static func figure(for entry: FigureEntry, in output: AnalysisOutput, preset: Preset = .screen) -> Figure {
        FigureBuilder(data: FigureData(output), entry: entry).figure(preset: preset)
    }

    /// Every catalog entry's figure, in catalog order.
    public static func figures(_ output: AnalysisOutput, preset: Preset = .screen) -> [(entry: FigureEntry, figure: Figure)] {
        let data = FigureData(output)
        return FigureCatalog.entries(for: output.results).map { ($0, FigureBuilder(data: data, entry: $0).figure(preset: preset)) }
    }

    /// The bytes of every figure in every format, by site-relative path (`<entry.path>.png`, `.svg`,
    /// `.pdf`), of the numbers each draws (`<entry.path>.json.gz`, see `FigureDataFile`), and of each reach
    /// scatter's point data for the site's script (`<entry.path>.data.js`, see `ScatterDataFile`, with the
    /// operators they name in `OperatorDataFile.path`). Figures are drawn in parallel; the bytes do not
    /// depend on `threads`.
    ///
    /// `preset` sets the SVG and PDF; the PNG is what the site shows, so it is always the screen figure.
    ///
    /// - Parameter progress: called with (figures done, figures in all) as figures finish, from worker threads.
    public static func render(
        _ output: AnalysisOutput, threads: Int, preset: Preset = .screen, sourceDateEpoch: Int?,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(RenderError) -> [String: [UInt8]] {
        let data = FigureData(output)
        let entries = FigureCatalog.entries(for: output.results)
        let screen = Parallel.map(count: entries.count, threads: threads) { FigureBuilder(data: data, entry: entries[$0]).figure() }
        let vector = preset == .screen ? screen : screen.indices.map { FigureBuilder.paperVersion(of: screen[$0], kind: entries[$0].kind) }
        let formats = OutputFormat.allCases
        let finished = JobCounter()
        // One job per (figure, format), then one per figure for its point data and its numbers, all in one
        // pool: the big figures' three formats spread over the workers and the costliest start first, and
        // the small data jobs fill the gaps at the end, so that no worker waits for another between stages.
        let drawingJobs = entries.count * formats.count
        let cost = screen.map(\.drawingCost)
        let jobOrder = (0..<drawingJobs).sorted { a, b in
            let (costA, costB) = (cost[a / formats.count], cost[b / formats.count])
            return costA != costB ? costA > costB : a < b
        } + Array(drawingJobs..<(drawingJobs + 2 * entries.count))
        let jobs = Parallel.map(count: jobOrder.count, threads: threads, order: jobOrder) { index -> Result<[UInt8]?, RenderError> in
            if index < drawingJobs {
                let format = formats[index % formats.count]
                let figure = (format == .png ? screen : vector)[index / formats.count]
                defer { progress(finished.increment() / formats.count, entries.count) }
                do throws(RenderError) {
                    return .success(try Plotting.render(figure, as: format, sourceDateEpoch: sourceDateEpoch))
                } catch {
                    return .failure(error)
                }
            }
            let (figure, isPointData) = ((index - drawingJobs) % entries.count, index - drawingJobs < entries.count)
            let entry = entries[figure]
            if isPointData {
                guard let file = ScatterDataFile.make(FigureBuilder(data: data, entry: entry), figure: screen[figure]) else { return .success(nil) }
                return Result<[UInt8]?, any Error> { try file.script() }.mapError { RenderError(message: "point data of \(entry.path): \($0)") }
            }
            return Result<[UInt8]?, any Error> { try Gzip.compress(FigureDataFile(entry: entry, figure: screen[figure]).encoded()) }
                .mapError { RenderError(message: "data file of \(entry.path): \($0)") }
        }
        var files: [String: [UInt8]] = [:]
        for index in 0..<drawingJobs {
            files["\(entries[index / formats.count].path).\(formats[index % formats.count].fileExtension)"] = try jobs[index].get()
        }
        for (offset, entry) in entries.enumerated() {
            files[entry.path + "." + dataFileExtension] = try jobs[drawingJobs + entries.count + offset].get()
        }
        var hasPointData = false
        for (offset, entry) in entries.enumerated() {
            guard let script = try jobs[drawingJobs + offset].get() else { continue }
            files[entry.path + ".data.js"] = script
            hasPointData = true
        }
        if hasPointData {
            do {
                files[OperatorDataFile.path] = try OperatorDataFile(output.results.operators).script()
            } catch {
                throw RenderError(message: "operator table: \(error)")
            }
        }
        return files
    }
}

/// Builds the figure of one catalog entry.
struct FigureBuilder {
    let data: FigureData
    let entry: FigureEntry

    func figure(preset: Preset = .screen) -> Figure {
        let (panels, columns, legend) = content()
        let screen = Figure(id: FigureStyle.figureID(entry.path), width: entry.width, height: entry.height,
                            pngScale: FigureStyle.pngScale(of: entry.kind), title: entry.title, panels: panels, columns: columns, legend: legend)
        return preset == .screen ? screen : Self.paperVersion(of: screen, kind: entry.kind)
    }

    /// `figure` for print: figures of one plot fill one column, small multiples span both.
    static func paperVersion(of figure: Figure, kind: FigureEntry.Kind) -> Figure {
        var figure = figure
        // Two scatter–ECDF pairs per row, so six thresholds and groups fit the height of a page.
        if kind == .hittingTime { figure.columns = min(4, figure.panels.count) }
        let (span, height): (ColumnSpan, Double) = switch kind {
        case .tauByPathLength: (.double, 150 * Double(figure.rows) + 40)
        case .distribution: (.single, 165)
        case .reachVsImprovability: (.double, 440)
        case .improvabilityByPathLength: (.double, 200)
        case .hittingTime: (.double, min(500, 150 * Double(figure.rows) + 40))
        case .topBottomBreakdown: (.double, 200)
        case .fitnessDistance: (.single, 200)
        case .autocorrelation: (.single, 175)
        case .orderEnergies: (.single, 150)
        case .algorithmFixedBudget, .algorithmRuntimes: (.single, 190)
        case .algorithmMap: (.double, 200)
        case .optimalReachByPathLength: (.double, 190)
        case .spectralShares: (.double, 190)
        }
        return figure.forPaper(span, height: height)
    }

    private func content() -> (panels: [Panel], columns: Int, legend: [LegendEntry]) {
        let metric = entry.metric ?? ""
        switch entry.kind {
        case .tauByPathLength: return tauByPathLength()
        case .distribution: return ([distribution(metric: metric)], 1, [])
        case .reachVsImprovability: return reachVsImprovability(metric: metric, acceptance: entry.acceptance ?? .always)
        case .improvabilityByPathLength: return improvabilityByPathLength(metric: metric)
        case .hittingTime: return hittingTime(metric: metric, acceptance: entry.acceptance ?? .always)
        case .topBottomBreakdown: return topBottomBreakdown(metric: metric)
        case .fitnessDistance: return fitnessDistance(metric: metric)
        case .autocorrelation: return autocorrelation(metric: metric)
        case .orderEnergies: return ([orderEnergies(metric: metric)], 1, [])
        case .algorithmFixedBudget: return algorithmFixedBudget(metric: metric)
        case .algorithmRuntimes: return algorithmRuntimeECDF(metric: metric)
        case .algorithmMap: return algorithmMap(metric: metric)
        case .optimalReachByPathLength: return optimalReachByPathLength(metric: metric)
        case .spectralShares: return spectralShares(metric: metric)
        }
    }
}

extension Figure {
    /// About how much drawing the figure takes: the points and vertices of its marks, and a fixed share
    /// per panel for its axes and text. Only the order of the drawing jobs depends on it.
    fileprivate var drawingCost: Int {
        panels.reduce(0) { total, panel in
            total + 100 + panel.marks.reduce(0) { sum, mark in
                let vertices = switch mark {
                case .scatter(let m): m.x.count
                case .line(let m): m.x.count
                case .band(let m): 2 * m.x.count
                case .histogram(let m): m.values.count / 8
                case .box(let m): m.strip.count
                case .bar(let m): m.values.count
                case .errorBars(let m): m.at.count
                case .rule, .annotation: 1
                }
                return sum + vertices
            }
        }
    }
}

extension Panel {
    /// The panel with a "no data" note when none of its marks has anything to draw.
    func notingMissingData() -> Panel {
        let hasData = marks.contains { mark in
            switch mark {
            case .scatter(let m): m.x.contains(where: \.isFinite)
            case .line(let m): m.y.contains(where: \.isFinite)
            case .histogram(let m): m.values.contains(where: \.isFinite)
            case .bar(let m): !m.values.isEmpty
            case .box: true
            case .band, .errorBars, .rule, .annotation: false
            }
        }
        guard !hasData else { return self }
        var panel = self
        panel.marks.append(.annotation(FigureStyle.noData))
        return panel
    }
}
