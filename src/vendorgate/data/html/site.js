// vendorgate report site (report -o DIR/): filters and sorts the index's vendor table from the
// vendor list embedded as JSON, showing at most LIMIT rows, so that 10,000 vendors cost a few
// hundred DOM nodes. Each row links to the vendor's own page (loaded only when opened).
// Allowed by hash in the page's CSP; without it the page shows the worst vendors and links to
// the complete list (vendors.html).
(function () {
  "use strict";
  var LIMIT = 50;
  var data = document.getElementById("vendor-index");
  var table = document.getElementById("vendor-table");
  var tools = document.getElementById("vendor-tools");
  var filter = document.getElementById("vendor-filter");
  var count = document.getElementById("vendor-count");
  if (!data || !table || !tools || !filter || !count) { return; }
  var index = JSON.parse(data.textContent);
  var columns = index.columns;
  var rows = index.rows;
  var href = columns.length;        // rows[i][href]: the vendor page, then the vendor id
  var decisionLabel = index.decisions;
  var haystack = rows.map(function (row) {
    return row.slice(0, href).join(" ").toLowerCase() + " " + row[href + 1] + " " +
      (decisionLabel[row[3]] || "").toLowerCase();
  });
  var order = rows.map(function (_, i) { return i; });
  var body = table.tBodies[0];
  function cell(tag, text, numeric) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (numeric) { el.className = "num"; }
    return el;
  }
  function draw() {
    var query = filter.value.trim().toLowerCase();
    var fragment = document.createDocumentFragment();
    var found = 0;
    for (var k = 0; k < order.length; k += 1) {
      var i = order[k];
      if (query !== "" && haystack[i].indexOf(query) === -1) { continue; }
      found += 1;
      if (found > LIMIT) { continue; }
      var row = rows[i];
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      var a = document.createElement("a");
      a.href = row[href];
      a.textContent = row[0];
      th.appendChild(a);
      tr.appendChild(th);
      for (var c = 1; c < href; c += 1) {
        var text = c === 3 ? (decisionLabel[row[c]] || row[c]) : String(row[c]);
        tr.appendChild(cell("td", text, columns[c][1] === "number" && c !== 3));
      }
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    count.textContent = found + " of " + rows.length + " vendors match" +
      (found > LIMIT ? " (first " + LIMIT + " shown)" : "");
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = columns[column][1] === "number";
      order.sort(function (x, y) {
        var a = rows[x][column];
        var b = rows[y][column];
        if (columns[column][1] === "tier") {
          a = index.tiers[a] === undefined ? 9 : index.tiers[a];
          b = index.tiers[b] === undefined ? 9 : index.tiers[b];
          numeric = true;
        } else if (!numeric) { a = String(a).toLowerCase(); b = String(b).toLowerCase(); }
        var c = numeric ? Number(a) - Number(b) : (a < b ? -1 : (a > b ? 1 : 0));
        if (c !== 0) { return ascending ? c : -c; }
        return x - y;
      });
      draw();
    });
  });
  filter.addEventListener("input", draw);
  tools.hidden = false;
  draw();
})();
