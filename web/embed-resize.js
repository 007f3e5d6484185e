// Resizes the Guangzhou targets explorer's embeds to their content.
// Paste once per page, after the <iframe> snippets:
//   <script src="https://…/web/embed-resize.js" async></script>
// Each embed posts {type: "gz-targets:embed-height", id, height} to its
// parent; this sets the height of the frame that sent it.
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "gz-targets:embed-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.round(data.height)) + "px";
      }
    }
  });
})();
