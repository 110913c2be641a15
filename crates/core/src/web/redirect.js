// embed.html's only script: the address embeds had before each widget had
// a page of its own (`embed.html?w=<id>&…`) now leads to that page, with
// every other setting and the fragment (WordPress's `#?secret=…`) kept.
// An unknown or missing `w` stays here, on the list of widgets, named as
// text. The build writes the widgets' ids in place of IDS.
(function () {
  var q = new URLSearchParams(location.search), w = q.get("w") || "";
  if (IDS.indexOf(w) >= 0) {
    q.delete("w");
    var rest = q.toString();
    location.replace(w + ".html" + (rest ? "?" + rest : "") + location.hash);
  } else if (w) {
    document.addEventListener("DOMContentLoaded", function () {
      var line = document.querySelector("[data-testid=unknown]");
      if (line) line.textContent = "There is no calculator called “" + w + "”. These are the ones you can embed:";
    });
  }
})();
