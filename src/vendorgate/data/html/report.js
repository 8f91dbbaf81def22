// vendorgate HTML report: sorts and filters the vendor table. Inlined into the page and allowed
// by hash in its CSP; without it the table reads the same, unsorted and unfiltered.
(function () {
  "use strict";
  var table = document.getElementById("vendor-table");
  var tools = document.getElementById("vendor-tools");
  var filter = document.getElementById("vendor-filter");
  var count = document.getElementById("vendor-count");
  if (!table || !tools || !filter || !count) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, index) { row.setAttribute("data-order", String(index)); });
  function refresh() {
    var query = filter.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = query === "" || row.textContent.toLowerCase().indexOf(query) !== -1;
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " vendors shown";
  }
  function key(row, column) {
    var cell = row.cells[column];
    var sort = cell.getAttribute("data-sort");
    return sort !== null ? sort : cell.textContent.trim().toLowerCase();
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
      var numeric = th.getAttribute("data-type") === "number";
      rows.sort(function (a, b) {
        var x = key(a, column);
        var y = key(b, column);
        var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : (x > y ? 1 : 0));
        if (c !== 0) { return ascending ? c : -c; }
        // Equal keys keep the original order, whichever the direction.
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  filter.addEventListener("input", refresh);
  tools.hidden = false;
  refresh();
})();
