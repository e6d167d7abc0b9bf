// hornbill actor graph: a small force-directed layout in SVG; edges point from the doer to the recipient
// (arrowheads), width by events, colour by cooperation/conflict.
// Labels are set with textContent only.
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var host = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  if (!host || !source) { return; }
  var data = JSON.parse(source.textContent || "{}");
  var W = 1000, H = 640;
  function el(name, attrs, parent) {
    var node = document.createElementNS(SVGNS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Actor graph" }, host);
  var defs = el("defs", {}, svg);
  [["arrow-cooperation", "#1f7a3a"], ["arrow-conflict", "#c0392b"]].forEach(function (m) {
    var marker = el("marker", { id: m[0], viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
                                markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: m[1] }, marker);
  });
  var nodes = (data.nodes || []).map(function (n, i) {
    var a = 2 * Math.PI * i / Math.max(data.nodes.length, 1);
    return { id: n.id, name: n.name, events: n.events, r: 5 + 2 * Math.sqrt(n.events), x: W / 2 + 250 * Math.cos(a), y: H / 2 + 220 * Math.sin(a), vx: 0, vy: 0 };
  });
  if (!nodes.length) {
    var empty = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg);
    empty.textContent = "No pair of actors in this period.";
    return;
  }
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var edges = (data.edges || []).filter(function (e) { return byId[e.source] && byId[e.target]; });
  var top = Math.max.apply(null, edges.map(function (e) { return e.weight; }).concat([1]));
  function step(alpha) {
    var i, j, a, b, dx, dy, d2, f;
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        a = nodes[i]; b = nodes[j]; dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy + 0.01;
        f = 900 / d2 * alpha;
        a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
      }
    }
    edges.forEach(function (e) {
      a = byId[e.source]; b = byId[e.target]; dx = b.x - a.x; dy = b.y - a.y;
      var d = Math.sqrt(dx * dx + dy * dy) + 0.01, k = (d - 90) / d * 0.06 * alpha;
      a.vx += dx * k; a.vy += dy * k; b.vx -= dx * k; b.vy -= dy * k;
    });
    nodes.forEach(function (n) {
      if (n.fixed) { n.vx = n.vy = 0; return; }
      n.vx += (W / 2 - n.x) * 0.02 * alpha; n.vy += (H / 2 - n.y) * 0.02 * alpha;
      n.x += n.vx; n.y += n.vy;
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }
  for (var it = 0; it < 400; it++) { step(1 - it / 450); }
  fit();
  // Scale the settled layout into the picture, leaving room on the right for labels.
  function fit() {
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    nodes.forEach(function (n) {
      n.x = 40 + (x1 > x0 ? (n.x - x0) / (x1 - x0) : 0.5) * (W - 220);
      n.y = 30 + (y1 > y0 ? (n.y - y0) / (y1 - y0) : 0.5) * (H - 60);
    });
  }
  var lines = edges.map(function (e) {
    var conflict = e.conflict > e.cooperation;
    var line = el("line", { stroke: conflict ? "#c0392b" : "#1f7a3a", "stroke-opacity": 0.55,
                            "stroke-width": 1 + 7 * e.weight / top,
                            "marker-end": "url(#arrow-" + (conflict ? "conflict" : "cooperation") + ")",
                            "class": "edge", "data-source": e.source, "data-target": e.target }, svg);
    var t = el("title", {}, line);
    t.textContent = byId[e.source].name + " → " + byId[e.target].name + ": " + e.cooperation +
      " cooperation, " + e.conflict + " conflict";
    return { e: e, line: line };
  });
  var marks = nodes.map(function (n) {
    var g = el("g", { "class": "node", "data-id": n.id }, svg);
    var c = el("circle", { r: n.r, fill: "#3b6ea8", stroke: "#fff", "stroke-width": 1.5 }, g);
    var label = el("text", { dx: 9 + 2 * Math.sqrt(n.events), dy: 4 }, g);
    label.textContent = n.name;
    var title = el("title", {}, c);
    title.textContent = n.name + ": " + n.events + " events";
    return { n: n, g: g, c: c };
  });
  function draw() {
    lines.forEach(function (o) {
      // From the rim of the doer's circle to the rim of the recipient's, shifted a little to the
      // right of the direction of travel, so that A -> B and B -> A are two visible arrows.
      var a = byId[o.e.source], b = byId[o.e.target];
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var ux = dx / d, uy = dy / d, sx = -uy * 3, sy = ux * 3;
      o.line.setAttribute("x1", a.x + ux * a.r + sx); o.line.setAttribute("y1", a.y + uy * a.r + sy);
      o.line.setAttribute("x2", b.x - ux * (b.r + 2) + sx); o.line.setAttribute("y2", b.y - uy * (b.r + 2) + sy);
    });
    marks.forEach(function (o) { o.g.setAttribute("transform", "translate(" + o.n.x + "," + o.n.y + ")"); });
  }
  var drag = null, moved = false;
  marks.forEach(function (o) {
    o.c.addEventListener("mousedown", function (ev) { drag = o.n; moved = false; ev.preventDefault(); });
    o.c.addEventListener("click", function () {
      if (!moved) { window.location.href = "/actors/" + encodeURIComponent(o.n.id); }
    });
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    var box = svg.getBoundingClientRect();
    drag.x = (ev.clientX - box.left) / box.width * W; drag.y = (ev.clientY - box.top) / box.height * H;
    drag.fixed = true; moved = true;
    draw();
  });
  window.addEventListener("mouseup", function () { drag = null; });
  draw();
}());
