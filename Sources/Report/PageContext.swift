import Figures

/// Turns one `Page` into the key/value tree the templates render. Every link becomes relative to
/// the page here, so templates never compute paths. Optional values are `false` rather than
/// absent: Mustache looks a missing key up in enclosing contexts, which would leak outer values.
struct PageContext: Sendable {
    let model: SiteModel
    let page: Page
    /// Display sizes of the figures on this page, by base path.
    let figureSizes: [String: (width: Int, height: Int)]
    /// Base paths of the figures on this page that have a point-data file for the site's script.
    let pointData: Set<String>
    /// Base paths of the figures on this page whose drawn numbers are a download beside them (`.json.gz`).
    var numbers: Set<String> = []

    func make() -> [String: Any] {
        let anchors = page.anchors
        let sections = page.sections.indices.map { index in
            sectionContext(page.sections[index], id: anchors.sections[index], blockIDs: anchors.blocks[index])
        }
        return [
            "siteTitle": model.title,
            "authors": model.authors,
            "authorList": model.authors.isEmpty ? false : model.authors.joined(separator: ", "),
            "byline": model.byline.map { $0 as Any } ?? false,
            "description": model.abstract.map { $0 as Any } ?? false,
            "siteURL": model.url.map { $0 as Any } ?? false,
            "pageTitle": page.title,
            "root": SitePath.rootPrefix(of: page.path),
            "isSynthetic": model.isSynthetic,
            "hasNavigation": !model.navigation.isEmpty,
            "navigation": model.navigation.map { link in
                ["title": link.title, "href": href(link.target), "isCurrent": link.target == page.path] as [String: Any]
            },
            "hasBreadcrumbs": !page.breadcrumbs.isEmpty,
            "breadcrumbs": page.breadcrumbs.map { ["title": $0.title, "href": href($0.target)] },
            "intro": page.intro,
            "hasTableOfContents": page.sections.count > 1,
            "sections": sections,
            "provenance": [
                "input": model.provenance.input,
                "inputSHA256": model.provenance.inputSHA256,
                "seed": String(model.provenance.seed),
                "version": model.provenance.version,
                "generatedAt": model.provenance.generatedAt,
            ],
        ]
    }

    /// Where the CSV copy of a table lives, site-relative.
    static func csvPath(page: Page, tableID: String) -> String {
        "tables/\(page.fileStem)-\(tableID).csv"
    }

    private func href(_ target: String) -> String {
        SitePath.relative(target, from: page.path)
    }

    private func sectionContext(_ section: Section, id: String, blockIDs: [String?]) -> [String: Any] {
        let blocks = zip(section.blocks, blockIDs).map { block, blockID -> [String: Any] in
            var context: [String: Any] = ["paragraph": false, "table": false, "figure": false, "definitionList": false, "preformatted": false]
            switch block {
            case .paragraph(let text):
                context["paragraph"] = ["text": text]
            case .table(let table):
                context["table"] = tableContext(table, id: blockID ?? "")
            case .figure(let figure):
                context["figure"] = figureContext(figure, id: blockID ?? "")
            case .definitions(let items):
                context["definitionList"] = ["items": items.map { ["term": $0.term, "description": $0.description] }]
            case .preformatted(let text):
                context["preformatted"] = ["text": text]
            }
            return context
        }
        return ["id": id, "heading": section.heading, "blocks": blocks]
    }

    private func tableContext(_ model: Table, id: String) -> [String: Any] {
        let table = model.inOneNotationPerColumn()
        let numericColumns = table.columns.indices.map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { $0[column]?.isNumeric ?? false }
        }
        return [
            "id": id,
            "caption": table.caption,
            "columns": zip(table.columns, numericColumns).map { ["title": $0, "isNumeric": $1] as [String: Any] },
            "rows": table.rows.map { row in
                ["header": cellContext(row.header), "cells": row.cells.map(cellContext), "rowID": row.id ?? false] as [String: Any]
            },
            "csvHref": href(Self.csvPath(page: page, tableID: id)),
            "folded": table.foldedSummary.map { ["summary": $0] } ?? false,
        ]
    }

    private func cellContext(_ cell: Table.Cell) -> [String: Any] {
        let classes = ([cell.isNumeric ? "num" : nil, cell.cssClass].compactMap { $0 }).joined(separator: " ")
        return [
            "text": cell.text,
            "classes": classes.isEmpty ? false : classes,
            "hasSortKey": cell.sortKey != nil,
            "sortKey": cell.sortKey.map { "\($0)" } ?? "",
            "href": cell.link.map(href) ?? false,
        ]
    }

    private func figureContext(_ figure: FigureRef, id: String) -> [String: Any] {
        let size = figure.size ?? figureSizes[figure.basePath] ?? (width: 0, height: 0)
        return [
            "id": id,
            "caption": figure.caption,
            "alt": figure.altText,
            "width": String(size.width),
            "height": String(size.height),
            "png": href(figure.basePath + ".png"),
            "svg": href(figure.basePath + ".svg"),
            "pdf": href(figure.basePath + ".pdf"),
            "pointData": pointData.contains(figure.basePath) ? href(figure.basePath + ".data.js") as Any : false,
            "numbers": numbers.contains(figure.basePath) ? href(figure.basePath + "." + FigureSet.dataFileExtension) as Any : false,
            "operators": href(FigureSet.operatorDataPath),
            "figureKey": figure.basePath,
            "panels": figure.panels.map { ["id": $0.id, "key": $0.key, "rowID": $0.rowID] },
        ]
    }
}
