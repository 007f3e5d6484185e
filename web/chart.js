// Draws the charts of a pre-rendered page (and of embed pages) from the
// JSON specs the server wrote into it, as soon as ECharts has loaded: the
// first chart appears without waiting for the WebAssembly app, which then
// takes the charts over. The theme follows the page: theme-dark or
// theme-light on <html> (set by embed flags), else the reader's scheme.
(function () {
  "use strict";

  var prepainted = {};
  window.gzPrepainted = prepainted;

  function dark() {
    var root = document.documentElement.classList;
    if (root.contains("theme-dark")) return true;
    if (root.contains("theme-light")) return false;
    return matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function prefersDecal() {
    try {
      return localStorage.getItem("gz-targets:decal") === "on";
    } catch (err) {
      return false;
    }
  }

  // matchesAddress reports whether every parameter of the address has the
  // value of the state the page was rendered for. A static host serves
  // the same page for any query; drawing its chart early would then show
  // another chart than the one asked for. Embed pages name no state: their
  // parameters are display flags.
  function matchesAddress(block) {
    if (block.dataset.query === undefined) return true;
    var rendered = new URLSearchParams(block.dataset.query);
    var asked = new URLSearchParams(location.search);
    var ok = true;
    asked.forEach(function (value, name) {
      if (rendered.get(name) !== value) ok = false;
    });
    return ok;
  }

  function draw(block) {
    if (!matchesAddress(block)) return;
    var spec = JSON.parse(block.textContent);
    var el = document.getElementById("chart-" + spec.slug);
    if (!el || echarts.getInstanceByDom(el)) return;
    var option = spec.option;
    option.backgroundColor = "transparent";
    option.aria.decal = { show: prefersDecal() };
    if (matchMedia("(prefers-reduced-motion: reduce)").matches) {
      option.animation = false;
    }
    var chart = echarts.init(el, dark() ? "dark" : null, { renderer: "canvas" });
    chart.setOption(option);
    prepainted[spec.slug] = true;
    window.addEventListener("resize", function () {
      if (!chart.isDisposed()) chart.resize();
    });
  }

  function drawAll() {
    if (!window.echarts) return;
    var blocks = document.querySelectorAll('script[type="application/json"][data-spec]');
    for (var i = 0; i < blocks.length; i++) draw(blocks[i]);
  }

  // ECharts and this script load asynchronously, so that the chart is
  // drawn as soon as both and the page's markup are there, without waiting
  // for the page's other scripts; whichever comes last draws.
  function whenReady() {
    if (document.readyState === "loading") {
      document.addEventListener("readystatechange", whenReady, { once: true });
      return;
    }
    if (window.echarts) {
      drawAll();
      return;
    }
    var lib = document.querySelector('script[src*="echarts"]');
    if (lib) lib.addEventListener("load", drawAll, { once: true });
  }
  whenReady();

  // Until the app runs, the controls work as the plain GET form they are:
  // a change submits it, and the server (or the offline cache) answers
  // with the page for the new state. The app, once it runs, sets
  // gzAppRunning and handles changes in place.
  document.addEventListener("change", function (e) {
    var form = e.target.form;
    if (!window.gzAppRunning && form && form.classList.contains("controls")) {
      form.requestSubmit();
    }
  });
})();
