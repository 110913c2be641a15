/*
 * Sizes embedded calculators to their content.
 *
 * Include once on a page that embeds calculators in iframes:
 *   <script src="https://SITE/embed.js" defer></script>
 *
 * Each embedded calculator posts {type: "china-ai:height", widget, height}
 * to its parent whenever its height changes; this script sets the height of
 * the iframe that sent it. It reads no other message, sends nothing, stores
 * nothing and makes no request.
 */
(function () {
  "use strict";
  if (window.chinaAiEmbed) return;
  window.chinaAiEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "china-ai:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
      }
    }
  });
})();
