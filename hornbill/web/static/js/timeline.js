// hornbill timeline: events on a time axis, one lane per quad class, zoom with the wheel, pan by dragging.
// Labels are set with textContent only: nothing from the data is ever parsed as HTML.
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  var COLOURS = { "verbal cooperation": "#74b87e", "material cooperation": "#1f7a3a",
                  "verbal conflict": "#e6a03c", "material conflict": "#c0392b" };
  var host = document.getElementById("timeline");
  var source = document.getElementById("timeline-data");
  if (!host || !source) { return; }
  var points = JSON.parse(source.textContent || "[]");
  var W = 1000, H = 330, LEFT = 140, RIGHT = 20, TOP = 15, AXIS = 30;
  var laneH = (H - TOP - AXIS) / QUADS.length;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVGNS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function startOf(date) {
    var p = date.split("-");
    return Date.UTC(+p[0], p.length > 1 ? +p[1] - 1 : 0, p.length > 2 ? +p[2] : 1);
  }
  function endOf(date) {
    var p = date.split("-");
    if (p.length === 3) { return startOf(date) + 864e5; }
    if (p.length === 2) { return Date.UTC(+p[0], +p[1], 1); }
    return Date.UTC(+p[0] + 1, 0, 1);
  }
  points.forEach(function (d) { d.t = (startOf(d.date) + endOf(d.date)) / 2; d.span = endOf(d.date) - startOf(d.date); });
  var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Timeline of events" }, host);
  if (!points.length) {
    var empty = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg);
    empty.textContent = "No dated events match.";
    return;
  }
  var lo = Math.min.apply(null, points.map(function (d) { return d.t; }));
  var hi = Math.max.apply(null, points.map(function (d) { return d.t; }));
  var pad = Math.max((hi - lo) * 0.05, 30 * 864e5);
  var full = [lo - pad, hi + pad];
  var view = full.slice();
  QUADS.forEach(function (q, i) {
    var g = el("g", { "class": "lane" }, svg);
    el("rect", { x: LEFT, y: TOP + i * laneH, width: W - LEFT - RIGHT, height: laneH,
                 fill: i % 2 ? "#fbfbfc" : "#f4f6f8" }, g);
    var t = el("text", { x: LEFT - 8, y: TOP + (i + 0.5) * laneH + 4, "text-anchor": "end" }, g);
    t.textContent = q;
  });
  var clip = el("clipPath", { id: "tl-clip" }, el("defs", {}, svg));
  el("rect", { x: LEFT, y: 0, width: W - LEFT - RIGHT, height: H }, clip);
  var axis = el("g", { "class": "axis" }, svg);
  var layer = el("g", { "clip-path": "url(#tl-clip)" }, svg);
  var dots = points.map(function (d, i) {
    var lane = Math.max(QUADS.indexOf(d.quad), 0);
    var jitter = ((i * 37) % 7 - 3) / 8;
    var a = el("a", { href: "/events/" + encodeURIComponent(d.id), "class": "tl-event", "data-id": d.id }, layer);
    var c = el("circle", { r: 4 + 3 * Math.sqrt(d.n || 1), fill: COLOURS[d.quad] || "#888",
                           "fill-opacity": 0.75, stroke: "#fff", cy: TOP + (lane + 0.5 + jitter) * laneH }, a);
    var title = el("title", {}, c);
    title.textContent = d.date + " · " + d.label + " · " + d.n + " source" + (d.n === 1 ? "" : "s");
    return { d: d, c: c };
  });
  function x(t) { return LEFT + (t - view[0]) / (view[1] - view[0]) * (W - LEFT - RIGHT); }
  function ticks() {
    var span = view[1] - view[0], day = 864e5, out = [], step;
    var y0 = new Date(view[0]).getUTCFullYear(), y1 = new Date(view[1]).getUTCFullYear();
    if (span > 3 * 365 * day) {
      step = Math.max(1, Math.ceil((y1 - y0) / 10));
      for (var y = y0; y <= y1 + 1; y += step) { out.push([Date.UTC(y, 0, 1), String(y)]); }
    } else {
      step = span > 365 * day ? 3 : 1;
      for (var yy = y0; yy <= y1; yy++) {
        for (var m = 0; m < 12; m += step) {
          out.push([Date.UTC(yy, m, 1), yy + "-" + (m < 9 ? "0" : "") + (m + 1)]);
        }
      }
    }
    return out.filter(function (tk) { return tk[0] >= view[0] && tk[0] <= view[1]; });
  }
  function draw() {
    while (axis.firstChild) { axis.removeChild(axis.firstChild); }
    ticks().forEach(function (tk) {
      var px = x(tk[0]);
      el("line", { x1: px, x2: px, y1: TOP, y2: H - AXIS, stroke: "#dde1e6" }, axis);
      var t = el("text", { x: px, y: H - AXIS + 16, "text-anchor": "middle" }, axis);
      t.textContent = tk[1];
    });
    dots.forEach(function (o) { o.c.setAttribute("cx", x(o.d.t)); });
  }
  function toTime(clientX) {
    var box = svg.getBoundingClientRect();
    var px = (clientX - box.left) / box.width * W;
    return view[0] + (px - LEFT) / (W - LEFT - RIGHT) * (view[1] - view[0]);
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var at = toTime(ev.clientX), k = ev.deltaY < 0 ? 0.8 : 1.25;
    var span = Math.max((view[1] - view[0]) * k, 7 * 864e5);
    var f = (at - view[0]) / (view[1] - view[0]);
    view = [at - f * span, at + (1 - f) * span];
    draw();
  }, { passive: false });
  var dragging = null;
  svg.addEventListener("mousedown", function (ev) { dragging = { x: ev.clientX, view: view.slice() }; });
  window.addEventListener("mouseup", function () { dragging = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!dragging) { return; }
    var box = svg.getBoundingClientRect();
    var dt = (ev.clientX - dragging.x) / box.width * W / (W - LEFT - RIGHT) * (dragging.view[1] - dragging.view[0]);
    view = [dragging.view[0] - dt, dragging.view[1] - dt];
    draw();
  });
  var reset = document.getElementById("tl-reset");
  if (reset) { reset.addEventListener("click", function () { view = full.slice(); draw(); }); }
  draw();
}());
