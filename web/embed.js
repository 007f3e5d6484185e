// Embed pages: reads the theme and plain flags before first paint (this
// script is in <head>), names any flag it does not understand, and tells
// the parent page its height whenever it changes. chart.js draws the chart.
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

  // showNotice names the flags that were not understood; the page goes on
  // with their defaults. textContent keeps any markup in them as text.
  function showNotice(main) {
    if (!bad.length) return;
    var p = document.createElement("p");
    p.textContent = main.dataset.msgFlags.replace("%s", bad.join(", ").slice(0, 200));
    main.querySelector(".embed-notice").appendChild(p);
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
    var id = main.dataset.embed;
    postHeight(id);
    new ResizeObserver(function () { postHeight(id); }).observe(document.body);
    // The parent's resize script asks again once it runs, in case it
    // missed the height (web/embed-resize.js).
    window.addEventListener("message", function (e) {
      if (e.source !== window.parent || !e.data || e.data.type !== "gz-targets:embed-height-request") return;
      lastHeight = 0;
      postHeight(id);
    });
  });
})();
