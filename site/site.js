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

/* Reach scatter figures, reviewed point by point, offline and without a library. A figure whose
   <figure> names a point-data script (data-point-data, written beside the PNG by the Figures stage)
   gets a tooltip for the point under the pointer or finger, checkboxes that dim the families left
   out, and, when a table row's link names one of its panels, that panel outlined with a way back. The PNG stays as it is: print and readers without JavaScript see the same figure. The data is a
   script, not JSON, because browsers block fetch() of files opened from disk; a panel lists its y values by
   operator index in one table for the whole site (data-operators, loaded first), which gives each
   operator's family and reach, the x of its point. */
(function () {
  "use strict";

  var registry = function () { return window.nasreachFigureData || {}; };

  /* Position 0…1 of `value` along an axis mapping, linear in log10 on a log axis. */
  function fraction(axis, value) {
    if (axis.log) {
      if (!(value > 0)) { return NaN; }
      return (Math.log(value) - Math.log(axis.lower)) / (Math.log(axis.upper) - Math.log(axis.lower));
    }
    return (value - axis.lower) / (axis.upper - axis.lower);
  }

  /* A point's position in PNG pixels. */
  function pixel(panel, point) {
    var p = panel.plot;
    return { x: p[0] + fraction(panel.x, point[1]) * p[2], y: p[1] + p[3] - fraction(panel.y, point[2]) * p[3] };
  }

  function formatted(value) {
    var magnitude = Math.abs(value);
    if (value === 0) { return "0"; }
    if (magnitude >= 1e4 || magnitude < 1e-3) { return value.toExponential(3); }
    return String(Number(value.toPrecision(4)));
  }

  function enhance(figure, data, operators) {
    var image = figure.querySelector("img");
    if (!image) { return; }
    /* The file holds each operator's y by its index; x is the operator's reach. */
    data.panels.forEach(function (panel) {
      panel.points = [];
      panel.values.forEach(function (y, index) {
        if (y !== null && operators[index]) { panel.points.push([index, operators[index].reach, y]); }
      });
    });
    var stage = document.createElement("div");
    stage.className = "plot-stage";
    image.parentNode.insertBefore(stage, image);
    stage.appendChild(image);
    var canvas = document.createElement("canvas");
    canvas.width = data.width;
    canvas.height = data.height;
    canvas.setAttribute("aria-hidden", "true");
    stage.appendChild(canvas);
    var tooltip = document.createElement("div");
    tooltip.className = "plot-tooltip";
    tooltip.setAttribute("role", "status");
    tooltip.hidden = true;
    stage.appendChild(tooltip);

    var colors = {};
    data.families.forEach(function (family) { colors[family.name] = family.color; });
    var shown = {};
    var present = data.families;
    present.forEach(function (family) { shown[family.name] = true; });
    var current = null;

    function allShown() { return present.every(function (family) { return shown[family.name]; }); }

    function draw() {
      var context = canvas.getContext("2d");
      context.clearRect(0, 0, canvas.width, canvas.height);
      var radius = data.width / 300;
      if (!allShown()) {
        data.panels.forEach(function (panel) {
          context.fillStyle = "rgba(255, 255, 255, 0.8)";
          context.fillRect(panel.plot[0], panel.plot[1], panel.plot[2], panel.plot[3]);
          panel.points.forEach(function (point) {
            var family = operators[point[0]].family;
            if (!shown[family]) { return; }
            var at = pixel(panel, point);
            context.fillStyle = colors[family] || "#000000";
            context.beginPath();
            context.arc(at.x, at.y, radius, 0, 2 * Math.PI);
            context.fill();
          });
        });
      }
      if (current) {
        var at = pixel(current.panel, current.point);
        context.lineWidth = radius / 1.5;
        context.strokeStyle = "#000000";
        context.beginPath();
        context.arc(at.x, at.y, radius * 2.2, 0, 2 * Math.PI);
        context.stroke();
      }
    }

    /* The shown point nearest the event, within a few CSS pixels, or null. */
    function nearest(event) {
      var box = image.getBoundingClientRect();
      var scale = data.width / image.clientWidth;
      var x = (event.clientX - box.left - image.clientLeft) * scale;
      var y = (event.clientY - box.top - image.clientTop) * scale;
      var reach = (event.pointerType === "touch" ? 16 : 8) * scale;
      var best = null;
      data.panels.forEach(function (panel) {
        var p = panel.plot;
        if (x < p[0] - reach || x > p[0] + p[2] + reach || y < p[1] - reach || y > p[1] + p[3] + reach) { return; }
        panel.points.forEach(function (point) {
          if (!shown[operators[point[0]].family]) { return; }
          var at = pixel(panel, point);
          var distance = Math.hypot(at.x - x, at.y - y);
          if (distance <= reach && (!best || distance < best.distance)) {
            best = { panel: panel, point: point, distance: distance, x: at.x / scale, y: at.y / scale };
          }
        });
      });
      return best;
    }

    function line(term, value) {
      var row = document.createElement("div");
      var name = document.createElement("strong");
      name.textContent = term + ": ";
      row.appendChild(name);
      row.appendChild(document.createTextNode(value));
      return row;
    }

    function show(hit) {
      current = hit;
      draw();
      if (!hit) { tooltip.hidden = true; return; }
      var op = operators[hit.point[0]];
      tooltip.textContent = "";
      tooltip.appendChild(line("operator", op.id));
      tooltip.appendChild(line("family", op.family));
      tooltip.appendChild(line("parameters", op.parameters));
      tooltip.appendChild(line("panel", hit.panel.title));
      tooltip.appendChild(line(hit.panel.x.label, formatted(hit.point[1])));
      tooltip.appendChild(line(hit.panel.y.label, formatted(hit.point[2])));
      tooltip.hidden = false;
      var left = image.offsetLeft + image.clientLeft + hit.x + 12;
      var room = stage.clientWidth - tooltip.offsetWidth - 4;
      tooltip.style.left = Math.max(0, Math.min(left, room)) + "px";
      tooltip.style.top = (image.offsetTop + image.clientTop + hit.y + 12) + "px";
    }

    image.addEventListener("pointermove", function (event) { show(nearest(event)); });
    image.addEventListener("pointerdown", function (event) { show(nearest(event)); });
    image.addEventListener("pointerleave", function (event) { if (event.pointerType !== "touch") { show(null); } });

    if (present.length > 1) {
      var toggles = document.createElement("fieldset");
      toggles.className = "family-toggles";
      var legend = document.createElement("legend");
      legend.textContent = "Families shown";
      toggles.appendChild(legend);
      present.forEach(function (family) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.addEventListener("change", function () {
          shown[family.name] = box.checked;
          show(null);
        });
        var swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.backgroundColor = family.color;
        label.appendChild(box);
        label.appendChild(swatch);
        label.appendChild(document.createTextNode(family.name));
        toggles.appendChild(label);
      });
      stage.parentNode.insertBefore(toggles, stage.nextSibling);
    }
    figure.setAttribute("data-points", String(data.panels.reduce(function (sum, panel) { return sum + panel.points.length; }, 0)));

    /* A box over the panel with `key`, inside the image's 1px border as the canvas is; null if none. */
    function panelBox(key, className) {
      var panel = data.panels.filter(function (candidate) { return candidate.key === key; })[0];
      if (!panel) { return null; }
      var box = document.createElement("div");
      box.className = className;
      box.style.left = "calc(1px + (100% - 2px) * " + panel.plot[0] / data.width + ")";
      box.style.top = "calc(1px + (100% - 2px) * " + panel.plot[1] / data.height + ")";
      box.style.width = "calc((100% - 2px) * " + panel.plot[2] / data.width + ")";
      box.style.height = "calc((100% - 2px) * " + panel.plot[3] / data.height + ")";
      stage.appendChild(box);
      return box;
    }

    /* The panels of the tests on this page (their rows link to the .panel-anchor elements inside the
       figure) are marked, so a figure shared by several pages shows where each page's tests are. */
    var marked = 0;
    figure.querySelectorAll(".panel-anchor").forEach(function (anchor) {
      if (panelBox(anchor.getAttribute("data-panel"), "panel-mark")) { marked += 1; }
    });
    if (marked > 0) {
      var note = document.createElement("span");
      note.className = "panel-mark-note";
      note.textContent = " Dashed outlines: the panels of the tests on this page. ";
      var caption = figure.querySelector("figcaption");
      if (caption) { caption.insertBefore(note, caption.querySelector(".formats")); }
      figure.setAttribute("data-marked-panels", String(marked));
    }

    /* A table row links to one of the figure's panels: outline it, with a link back to the row. */
    var highlight = null;
    figure.nasreachShowPanel = function (anchor) {
      if (highlight) { highlight.parentNode.removeChild(highlight); highlight = null; }
      var key = anchor.getAttribute("data-panel");
      highlight = panelBox(key, "panel-highlight");
      if (!highlight) { return; }
      var back = document.createElement("a");
      back.href = "#" + anchor.getAttribute("data-row");
      back.className = "panel-back";
      back.textContent = "\u21A9 back to the test";
      highlight.appendChild(back);
      figure.setAttribute("data-highlighted-panel", key);
    };
    showTargetedPanel();
  }

  /* The panel the address names, once its figure is enhanced (on load and on every followed link). */
  function showTargetedPanel() {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target || !target.classList.contains("panel-anchor")) { return; }
    var figure = target.closest("figure");
    if (figure && figure.nasreachShowPanel) { figure.nasreachShowPanel(target); }
  }
  window.addEventListener("hashchange", showTargetedPanel);

  function load(source, done, failed) {
    var script = document.createElement("script");
    script.src = source;
    script.addEventListener("load", done);
    script.addEventListener("error", failed);
    document.head.appendChild(script);
  }

  var figures = document.querySelectorAll("figure[data-point-data]");
  if (!figures.length) { return; }
  function missing() { figures.forEach(function (figure) { figure.setAttribute("data-points", "missing"); }); }
  load(figures[0].getAttribute("data-operators"), function () {
    var operators = window.nasreachOperators;
    if (!operators) { missing(); return; }
    figures.forEach(function (figure) {
      load(figure.getAttribute("data-point-data"), function () {
        var data = registry()[figure.getAttribute("data-figure")];
        if (data) { enhance(figure, data, operators); } else { figure.setAttribute("data-points", "missing"); }
      }, function () { figure.setAttribute("data-points", "missing"); });
    });
  }, missing);
})();
