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

  // This script loads asynchronously: an embed may have told its height
  // before it ran, and tells it again only when it changes. So every frame
  // is asked for it once more; a frame that is not one of ours ignores
  // the question.
  var frames = document.querySelectorAll("iframe");
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "gz-targets:embed-height-request" }, "*");
  }
})();
