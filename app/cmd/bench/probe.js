// Injected into every page before its own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument), the same way on the explorer and
// on the plain page. ECharts' UMD bundle assigns window.echarts = {} and then
// fills in its exports, init among them; the site's own bundle assigns the
// finished exports at once. Setters catch init as it is defined and wrap
// it, so that every chart instance reports, in performance.now() time (from
// navigation start), each frame it renders and each time it finishes (after
// its animation), and the charts created are counted. The bench reads the
// probe through first(), otherMetrics() and switchMetrics().
(() => {
  const probe = { inits: 0, renders: [], finishes: [], firstSize: "" };
  window.__benchProbe = probe;

  // A page that carries its chart as a still (the SVG drawn at build
  // time, inline) shows it in its first contentful paint, finished: that
  // paint is its first chart's time, once the page has loaded without the
  // reader's intent (an embed page loads ECharts only then).
  new MutationObserver((records, observer) => {
    const still = document.querySelector(".chart-still");
    if (!still) return;
    probe.still = still.parentElement.clientWidth + "×" + still.parentElement.clientHeight + " still";
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntriesByName("first-contentful-paint")) probe.paint = e.startTime;
  }).observe({ type: "paint", buffered: true });
  const stillFirst = () => probe.paint === undefined || document.readyState !== "complete" ? null : {
    rendered: probe.paint, finished: probe.paint, size: probe.still,
    charts: probe.inits, lang: document.documentElement.lang,
  };

  // first is the first chart's times once it has finished, or null.
  probe.first = () => probe.still ? stillFirst() : !probe.renders.length || !probe.finishes.length ? null : {
    rendered: probe.renders[0], finished: probe.finishes[0], size: probe.firstSize,
    charts: probe.inits, lang: document.documentElement.lang,
  };

  // otherMetrics is, once the app has started and its first chart has
  // finished, the metrics the reader can switch to; null before.
  probe.otherMetrics = () => {
    const select = document.querySelector("#control-metric");
    if (document.getElementById("app-wasm-loader") || !probe.finishes.length || !select) return null;
    return Array.from(select.options).map((o) => o.value).filter((v) => v && v !== select.value);
  };

  // switchMetric changes the metric as a reader does and resolves with the
  // ms from the change to the chart's next rendered frame, once the chart
  // has also finished, so that the next switch starts from a still chart;
  // -1 if nothing was drawn within 5 s.
  probe.switchMetric = (metric) => new Promise((resolve) => {
    const select = document.querySelector("#control-metric");
    const t0 = performance.now();
    select.value = metric;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    const check = () => {
      const drawn = probe.renders.find((t) => t > t0);
      const done = probe.finishes.find((t) => t > t0);
      if (drawn !== undefined && done !== undefined) resolve(drawn - t0);
      else if (performance.now() - t0 > 5000) resolve(drawn === undefined ? -1 : drawn - t0);
      else setTimeout(check, 25);
    };
    check();
  });

  // switchMetrics makes n switches, one after the other, cycling through
  // the metrics, and returns the delays of those that drew within 5 s and
  // how many did not.
  probe.switchMetrics = async (metrics, n) => {
    const out = { delays: [], missed: 0 };
    for (let i = 0; i < n; i++) {
      const delay = await probe.switchMetric(metrics[i % metrics.length]);
      if (delay < 0) out.missed++;
      else out.delays.push(delay);
    }
    return out;
  };

  // Events of a chart whose element has left the page are not counted:
  // nobody sees that chart any more.
  const watch = (chart) => {
    probe.inits++;
    chart.on("rendered", () => {
      const el = chart.getDom();
      if (!el.isConnected) return;
      if (probe.renders.length === 0) probe.firstSize = el.clientWidth + "×" + el.clientHeight;
      probe.renders.push(performance.now());
    });
    chart.on("finished", () => {
      if (chart.getDom().isConnected) probe.finishes.push(performance.now());
    });
  };

  const wrap = (init) => function (...args) {
    const chart = init.apply(this, args);
    watch(chart);
    return chart;
  };

  // hook returns the library with init wrapped. A bundle that hands over a
  // finished module namespace (esbuild's, whose exports cannot be
  // redefined) is given an object that inherits every export but init.
  const hook = (lib) => {
    if (!lib || typeof lib !== "object") return lib;
    if (Object.getOwnPropertyDescriptor(lib, "init")?.configurable === false) {
      return Object.create(lib, { init: { value: wrap(lib.init), enumerable: true } });
    }
    let init = typeof lib.init === "function" ? wrap(lib.init) : undefined;
    Object.defineProperty(lib, "init", {
      configurable: true,
      enumerable: true,
      get: () => init,
      set: (f) => { init = typeof f === "function" ? wrap(f) : f; },
    });
    return lib;
  };

  let echarts;
  Object.defineProperty(window, "echarts", {
    configurable: true,
    enumerable: true,
    get: () => echarts,
    set: (lib) => { echarts = hook(lib); },
  });
})();
