// Draws the charts of a pre-rendered page (and of embed pages) from the
// JSON specs the server wrote into it, as soon as ECharts has loaded: the
// first chart appears without waiting for the WebAssembly app, which then
// takes the charts over. The theme follows the page: theme-dark or
// theme-light on <html> (set by embed flags), else the reader's scheme.
(function () {
  "use strict";

  // The reader's preferences are stored under keys, with values, that the
  // page names where they apply (app/ui/prefs.go): this script repeats
  // none of them.
  function stored(key) {
    try {
      return key ? localStorage.getItem(key) : null;
    } catch (err) {
      return null;
    }
  }

  // The language the reader wants where the address names none: the
  // remembered choice of a language the page offers, else the one of the
  // browser's language (its primary subtag), else the language the page
  // names for other browsers, as in the app (ui.pageLang,
  // i18n.FromBrowser). The server renders such a page in the language of
  // Accept-Language; a static host and the offline cache cannot.
  function wantedLang() {
    var links = document.querySelectorAll(".lang-switch a[data-pref-key]");
    var offered = [document.documentElement.lang];
    for (var i = 0; i < links.length; i++) offered.push(links[i].dataset.prefValue);
    var choice = links.length ? stored(links[0].dataset.prefKey) : null;
    if (choice && offered.indexOf(choice) >= 0) return choice;
    var browser = (navigator.language || "").toLowerCase().split("-")[0];
    if (offered.indexOf(browser) >= 0) return browser;
    var nav = document.querySelector(".lang-switch[data-lang-foreign]");
    return nav ? nav.dataset.langForeign : document.documentElement.lang;
  }

  // renderedForAddress reports whether the page shows what its address
  // asks for: the wanted language, and every parameter of the address with
  // the value the page was rendered for (main's data-rendered, written by
  // the server). A static host serves the same page for any query, and the
  // offline cache may answer with another page. Embed pages have no
  // data-rendered: their parameters are display flags.
  function renderedForAddress() {
    var main = document.querySelector("main[data-rendered]");
    if (!main) return true;
    var asked = new URLSearchParams(location.search);
    var rendered = new URLSearchParams(main.dataset.rendered);
    var pageLang = document.documentElement.lang;
    if (!asked.has("lang") && pageLang !== wantedLang()) return false;
    var same = true;
    asked.forEach(function (value, name) {
      var matches = rendered.getAll(name).join("&") === asked.getAll(name).join("&");
      if (!matches && !(name === "lang" && value === pageLang)) same = false;
    });
    return same;
  }

  // A page rendered for another address is not drawn early: the app
  // starts at once instead of at the reader's first intent, and renders
  // the page the address asks for. gzPageStale tells go-app's app.js
  // (changed by app/server/appjs.go) if it runs later than this.
  function startAppNow() {
    window.gzPageStale = true;
    if (typeof window.gzStartSoon === "function") window.gzStartSoon();
  }

  // A link that names a preference (a language link) stores it when
  // followed, before the app runs as after.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-pref-key]");
    if (!link) return;
    try {
      localStorage.setItem(link.dataset.prefKey, link.dataset.prefValue);
    } catch (err) {
      // Storage may be off; the link still leads to the language.
    }
  });

  // An embed snippet's Copy button copies its code, before the app runs as
  // after (the app renders the same button, ui.chartTools.snippetBox). The
  // status beside it says so; where the clipboard is refused, the code is
  // selected for the reader to copy.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button[data-copy]");
    var box = button && document.getElementById(button.dataset.copy);
    if (!box) return;
    var status = button.parentNode.querySelector(".copy-status");
    function say(text) {
      if (!status) return;
      status.textContent = text;
      setTimeout(function () {
        if (status.textContent === text) status.textContent = "";
      }, 4000);
    }
    function selectIt() {
      box.select();
      say(document.execCommand("copy") ? button.dataset.copied : button.dataset.failed);
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      selectIt();
      return;
    }
    navigator.clipboard.writeText(box.value).then(function () {
      say(button.dataset.copied);
    }, selectIt);
  });

  // Panels the reader opens before the app runs, such as a chart's embed
  // panel (a plain <details>), by id: the app's first render replaces the
  // page, and reopens them (ui.takeOpenedBeforeApp). Toggle events do not
  // bubble, hence the capture.
  var openedEarly = {};
  window.gzOpenedEarly = openedEarly;
  document.addEventListener("toggle", function (e) {
    if (!window.gzAppRunning && e.target.id) openedEarly[e.target.id] = e.target.open;
  }, true);

  // A server that knows no domain (a static export, or one started
  // without -domain) writes the embed snippets' addresses as paths; a
  // reader pastes them into another site, so they become absolute, at the
  // address the page was loaded from. The app writes them the same way.
  function absoluteSnippets() {
    var boxes = document.querySelectorAll("textarea.snippet");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].value = boxes[i].value.replace(/(src=")\/(?!\/)/g, "$1" + location.origin + "/");
    }
  }

  // The charts the reader already sees before the app runs, by slug: the
  // stills in the page, and those drawn from them (draw). The app draws
  // them again without animating them in (ui.takePrepainted): bars growing
  // from nothing would replace a finished chart. It once animated a still
  // it replaced where the app had started before ECharts arrived, as
  // drawAll then leaves the charts to the app.
  var prepainted = {};
  window.gzPrepainted = prepainted;
  var stills = document.querySelectorAll(".chart-still");
  for (var s = 0; s < stills.length; s++) {
    var slug = stills[s].parentElement.dataset.slug;
    if (slug) prepainted[slug] = true;
  }

  // onPaper is set from "beforeprint" to "afterprint": the print media
  // query matches only once the page is laid out for paper, after the
  // first of them.
  var onPaper = false;
  var printing = matchMedia("print");
  var darkScheme = matchMedia("(prefers-color-scheme: dark)");

  // dark reports whether charts are drawn in ECharts' dark theme: on a
  // screen, as the page's flag or else the reader's scheme says; never on
  // paper, which is light (web/style.css and embed.css print light too).
  function dark() {
    if (onPaper || printing.matches) return false;
    var root = document.documentElement.classList;
    if (root.contains("theme-dark")) return true;
    if (root.contains("theme-light")) return false;
    return darkScheme.matches;
  }

  // followTheme redraws every chart on the page, this script's and the
  // app's (ui.chartInit), in the theme dark() gives now and at its box's
  // width now: when the page is printed, and back, and when the reader's
  // scheme changes while the page is open. On paper a box is narrower than
  // on a wide screen; a chart drawn for the screen was shrunk to fit, its
  // text to about 5 pt. ECharts keeps no name for the light theme: it is
  // an empty one. The chart is painted at once, as printing does not wait
  // for a frame.
  function followTheme() {
    if (!window.echarts) return;
    var theme = dark() ? "dark" : {};
    var boxes = document.querySelectorAll(".chart");
    for (var i = 0; i < boxes.length; i++) {
      var chart = echarts.getInstanceByDom(boxes[i]);
      if (!chart) continue;
      chart.setTheme(theme);
      chart.resize();
      chart.getZr().flush();
    }
  }
  printing.addEventListener("change", followTheme);
  darkScheme.addEventListener("change", followTheme);
  window.addEventListener("beforeprint", function () {
    onPaper = true;
    followTheme();
  });
  window.addEventListener("afterprint", function () {
    onPaper = false;
    followTheme();
  });

  function draw(block) {
    var spec = JSON.parse(block.textContent);
    var el = document.getElementById("chart-" + spec.slug);
    if (!el || echarts.getInstanceByDom(el)) return;
    var option = spec.option;
    option.aria.decal = option.aria.decal || {};
    option.aria.decal.show = stored(el.dataset.decalKey) === el.dataset.decalOn;
    // The chart drawn before the app stands in for the page's first paint:
    // its still (the SVG drawn at build time), which the live chart
    // replaces in the same box, in the same task. It never animates the
    // bars in, so it needs no rule for readers who ask for less motion.
    option.animation = false;
    // Its text in the page's fonts, as the still shows it.
    option.textStyle = option.textStyle || {};
    option.textStyle.fontFamily = option.textStyle.fontFamily || getComputedStyle(el).fontFamily;
    var still = el.querySelector(".chart-still");
    if (still) still.remove();
    var chart = echarts.init(el, dark() ? "dark" : null, { renderer: "canvas" });
    chart.setOption(option);
    prepainted[spec.slug] = true;
    window.addEventListener("resize", function () {
      if (!chart.isDisposed()) chart.resize();
    });
  }

  function drawAll() {
    if (!window.echarts || window.gzAppRunning) return;
    var blocks = document.querySelectorAll('script[type="application/json"][data-spec]');
    for (var i = 0; i < blocks.length; i++) draw(blocks[i]);
  }

  // loadECharts loads ECharts, once, from the address the page names
  // (app/server: meta gz-echarts). It resolves when the script has loaded
  // or failed to (offline and not cached, say), and at once on a page that
  // names none, so it never rejects: callers check window.echarts. The app
  // asks for it too (ui.whenECharts), should it mount a chart first.
  var echartsLoad = null;
  function loadECharts() {
    if (echartsLoad) return echartsLoad;
    echartsLoad = new Promise(function (resolve) {
      var meta = document.querySelector('meta[name="gz-echarts"]');
      if (window.echarts || !meta) {
        resolve();
        return;
      }
      var script = document.createElement("script");
      script.src = meta.content;
      script.addEventListener("load", resolve, { once: true });
      script.addEventListener("error", resolve, { once: true });
      document.head.appendChild(script);
    });
    return echartsLoad;
  }
  window.gzLoadECharts = loadECharts;

  // This script loads asynchronously, so that it runs as soon as it and
  // the page's markup are there, without waiting for the page's other
  // scripts.
  function whenReady() {
    if (document.readyState === "loading") {
      document.addEventListener("readystatechange", whenReady, { once: true });
      return;
    }
    absoluteSnippets();
    if (!renderedForAddress()) {
      startAppNow();
      return;
    }
    drawOnIntent();
  }

  // A page shows its charts' stills, and loads ECharts (most of what it
  // would weigh, and a long task) only when the reader shows intent: the
  // pointer comes over it, a tap, a key or focus. Without a still, at
  // once. Once drawn, the chart shows the tooltip of what the pointer is
  // over, as if ECharts had been there all along.
  function drawOnIntent() {
    var intents = ["pointerover", "pointermove", "pointerdown", "keydown", "focusin"];
    function load() {
      intents.forEach(function (name) { document.removeEventListener(name, load, true); });
      loadECharts().then(function () {
        if (!window.echarts) {
          sayStillsStay();
          return;
        }
        drawAll();
        tipAt(pointer);
      });
    }
    if (!document.querySelector(".chart-still")) {
      load();
      return;
    }
    intents.forEach(function (name) {
      document.addEventListener(name, load, true);
    });
  }

  // sayStillsStay tells the reader, under the page's first chart, that
  // ECharts could not load: the stills stay. The words are the chart's,
  // in the page's language (data-msg-still-only, ui.chartView).
  function sayStillsStay() {
    var el = document.querySelector(".chart[data-msg-still-only]");
    if (!el) return;
    var note = document.createElement("p");
    note.className = "chart-notice";
    note.setAttribute("role", "status");
    el.insertAdjacentElement("afterend", note);
    note.textContent = el.dataset.msgStillOnly;
  }

  // pointer is where the reader's pointer last was on the page, so that a
  // chart drawn under it shows its tooltip at once: the one chart.js draws
  // from the still, and the app's, which replaces it with a new element
  // (ui.chartView asks through gzTipAtPointer).
  var pointer = null;
  ["pointerover", "pointermove", "pointerdown"].forEach(function (name) {
    document.addEventListener(name, function (e) { pointer = e; }, { capture: true, passive: true });
  });
  // A mouse that leaves the page has no chart under it; a finger lifted
  // from a tap leaves too, but the reader asked for what it tapped.
  document.documentElement.addEventListener("pointerleave", function (e) {
    if (e.pointerType === "mouse") pointer = null;
  });
  window.gzTipAtPointer = function () {
    if (window.echarts) tipAt(pointer);
  };

  // tipAt shows the tooltip of the chart under a pointer event, if any,
  // by moving the mouse there again for ECharts: what it draws is what the
  // reader would have seen had the chart been there. (ECharts' showTip
  // action at a point hides its tooltip again 100 ms later: it also moves
  // the axis pointer, which finds no axis and asks for hideTip.)
  function tipAt(e) {
    var under = e && document.elementFromPoint(e.clientX, e.clientY);
    var el = under && under.closest(".chart");
    if (!el || !echarts.getInstanceByDom(el)) return;
    under.dispatchEvent(new MouseEvent("mousemove", { clientX: e.clientX, clientY: e.clientY, bubbles: true }));
  }
  whenReady();

  // Once the page has loaded, the service worker is asked to cache the
  // charts' embed pages and downloads for offline use (app-worker.js
  // keeps them out of its install, which would otherwise wait for them).
  window.addEventListener("load", function () {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.active) reg.active.postMessage("warm");
    });
  });

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
