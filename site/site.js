/* Sortable tables for nasreach reports: click a column header to sort by it. Numeric cells sort
   by their data-sort key; cells without one (missing values) always go last. No dependencies. */
(function () {
  "use strict";

  function cellKey(row, column) {
    var cell = row.children[column];
    if (!cell) { return { missing: true }; }
    if (cell.hasAttribute("data-sort")) { return { number: parseFloat(cell.getAttribute("data-sort")) }; }
    if (cell.classList.contains("num")) { return { missing: true }; }
    return { text: cell.textContent.trim() };
  }

  function compare(a, b) {
    if (a.missing || b.missing) { return (a.missing ? 1 : 0) - (b.missing ? 1 : 0); }
    if (a.number !== undefined && b.number !== undefined) { return a.number - b.number; }
    return String(a.text).localeCompare(String(b.text), undefined, { numeric: true });
  }

  function sortBy(table, header, column) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: cellKey(row, column), index: index };
    });
    rows.sort(function (x, y) {
      var order = compare(x.key, y.key);
      if (x.key.missing || y.key.missing) { return order || x.index - y.index; }
      return (ascending ? order : -order) || x.index - y.index;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, header, column); });
    });
  }

  document.querySelectorAll("table[data-sortable]").forEach(enhance);
})();
