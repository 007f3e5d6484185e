// Embed pages: reads the theme and plain flags, draws the chart from the
// option in the page, and tells the parent page its height whenever it
// changes. Loaded in <head>, so that the theme applies before first paint.
(function () {
  "use strict";

  var FLAGS = { theme: ["light", "dark", "auto"], plain: ["0", "1"] };
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  var bad = [];

  params.forEach(function (value, name) {
    if (!FLAGS[name]) {
      bad.push(name);
    } else if (FLAGS[name].indexOf(value) < 0) {
      bad.push(name + "=" + value);
    }
  });
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") {
    root.classList.add("theme-" + theme);
  }
  if (params.get("plain") === "1") {
    root.classList.add("plain");
  }

  function dark() {
    if (theme === "dark") return true;
    if (theme === "light") return false;
    return matchMedia("(prefers-color-scheme: dark)").matches;
  }

  // showNotice names the flags that were not understood; the page goes on
  // with their defaults.
  function showNotice(main) {
    if (!bad.length) return;
    var p = document.createElement("p");
    p.textContent = main.dataset.msgFlags.replace("%s", bad.join(", "));
    main.querySelector(".embed-notice").appendChild(p);
  }

  function draw() {
    var el = document.getElementById("chart");
    var option = JSON.parse(document.getElementById("chart-option").textContent);
    option.backgroundColor = "transparent";
    if (matchMedia("(prefers-reduced-motion: reduce)").matches) {
      option.animation = false;
    }
    var chart = echarts.init(el, dark() ? "dark" : null, { renderer: "canvas" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  // postHeight sends the page height in our format and in Datawrapper's,
  // so that pages already listening for either resize the frame.
  var lastHeight = 0;
  function postHeight(id) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight || window.parent === window) return;
    lastHeight = height;
    window.parent.postMessage({ type: "gz-targets:embed-height", id: id, height: height }, "*");
    var dw = {};
    dw[id] = height;
    window.parent.postMessage({ "datawrapper-height": dw }, "*");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var main = document.querySelector("main[data-embed]");
    showNotice(main);
    if (window.echarts) {
      draw();
    }
    var id = main.dataset.embed;
    postHeight(id);
    new ResizeObserver(function () { postHeight(id); }).observe(document.body);
  });
})();
