import CCairo
import Foundation

/// A file format a figure can be rendered to.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Raster at the figure's `pngScale` times its size.
    case png
    /// Vector, 1 unit = 1 px, with every id prefixed by the figure's id, compact path data (to 0.01 px)
    /// and text as `<text>` elements (see `svgTextElements`).
    case svg
    /// Vector, 1 px = 1 pt, fonts embedded, dated by `SOURCE_DATE_EPOCH` for identical bytes.
    case pdf

    public var fileExtension: String { rawValue }
}

/// Cairo refused to create or write a surface, or a figure's companion file could not be encoded.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot render figure: \(message)" }

    public init(message: String) {
        self.message = message
    }
}

/// The default scale of PNG output relative to figure pixels: sharp on high-density screens at the width
/// pages show it, a little over half the bytes of twice the size.
public let pngScale = 1.5

/// The date written into PDFs when `SOURCE_DATE_EPOCH` is unset, so output never depends on the clock.
public let defaultSourceDateEpoch = 0

/// The bytes of `figure` in `format`; the caller decides where they go. Rendering the same figure
/// twice gives identical bytes; different figures may be rendered concurrently.
///
/// - Parameter sourceDateEpoch: seconds since 1970 stored as the PDF's creation and modification
///   date; nil means `defaultSourceDateEpoch`.
public func render(
    _ figure: Figure, as format: OutputFormat, sourceDateEpoch: Int? = nil
) throws(RenderError) -> [UInt8] {
    let figureLayout = layout(figure)
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let surface: OpaquePointer?
    switch format {
    case .png:
        surface = cairo_image_surface_create(
            CAIRO_FORMAT_ARGB32, Int32((figure.width * figure.pngScale).rounded()), Int32((figure.height * figure.pngScale).rounded()))
    case .svg:
        surface = cairo_svg_surface_create_for_stream(writeToSink, closure, figure.width, figure.height)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
    case .pdf:
        surface = cairo_pdf_surface_create_for_stream(writeToSink, closure, figure.width, figure.height)
        let date = pdfDate(sourceDateEpoch ?? defaultSourceDateEpoch)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        if !figure.title.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, figure.title) }
    }
    guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        throw RenderError(message: "surface: \(statusText(surface.map(cairo_surface_status)))")
    }
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)!
    if format == .png { cairo_scale(cr, figure.pngScale, figure.pngScale) }
    Painter(cr: cr, figure: figure, layout: figureLayout, drawsText: format != .svg).paint()
    let drawStatus = cairo_status(cr)
    cairo_destroy(cr)
    guard drawStatus == CAIRO_STATUS_SUCCESS else { throw RenderError(message: "drawing: \(statusText(drawStatus))") }
    if format == .png { return try PNGEncoder.encode(surface) }
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw RenderError(message: "\(format): \(statusText(status))") }
    return withExtendedLifetime(sink) {
        guard format == .svg else { return sink.bytes }
        let drawing = prefixingSVGIDs(String(decoding: compactingSVGPaths(sink.bytes), as: UTF8.self), with: figure.id)
        return appendingToSVG(Array(drawing.utf8), svgTextElements(figureLayout.texts, fontFamily: figure.style.fontFamily))
    }
}

/// Collects what Cairo writes through its stream callback.
private final class ByteSink {
    var bytes: [UInt8] = []
}

private func writeToSink(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

private func statusText(_ status: cairo_status_t?) -> String {
    status.flatMap { cairo_status_to_string($0) }.map { String(cString: $0) } ?? "no surface"
}

/// An ISO 8601 UTC timestamp, the form Cairo accepts for PDF dates.
func pdfDate(_ epoch: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(epoch)))
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
}
