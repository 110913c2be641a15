// A widget page's own script (`<id>.html`), inlined in its head by the
// build (`web::pages::widget_script`) and hashed into the
// Content-Security-Policy. It runs before the first paint and needs no
// WebAssembly, so everything here works in a frame where the WebAssembly
// cannot load (a host without CORS headers, an old browser):
// - the link's options: colours (`theme`), `compact`, `tabs`, and the
//   currency (`cur`, `fx`), as attributes on <html> that the CSS and the
//   app read;
// - where it is framed by WordPress (its address ends in `#?secret=…`),
//   WordPress's embed protocol: the height, and links opened in the top
//   window, which its sandbox allows no other way;
// - the widget's height, posted to the host page whenever it changes or
//   the host sends any message;
// - the tabs of the tabbed layout;
// - the language switch in the credit line, which keeps the settings;
// - `data-app`: "waiting" until the page's module script starts the
//   WebAssembly, "failed" where it cannot (the CSS then shows a line
//   saying the card shows its starting values).
// The build fills in HEIGHT_MESSAGE, the height message's type.
(function () {
  var d = document, h = d.documentElement, q = new URLSearchParams(location.search);
  var on = function (key) { return /^(1|true|yes)$/.test(q.get(key) || ""); };
  var theme = q.get("theme");
  if (theme === "light" || theme === "dark") h.setAttribute("data-theme", theme);
  if (on("tabs")) h.classList.add("tabs");
  if (on("compact") || on("tabs")) h.classList.add("compact");
  if ((q.get("cur") || "").toLowerCase() === "cny") {
    h.setAttribute("data-cur", "cny");
    if (q.get("fx")) h.setAttribute("data-fx", q.get("fx"));
  }
  var found = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash);
  var secret = found && found[1];
  if (secret) h.setAttribute("data-host", "wordpress");
  // A sandbox without allow-same-origin: no clipboard, storage or downloads.
  if (self.origin === "null") h.setAttribute("data-sandboxed", "");
  var modern = "noModule" in d.createElement("script") && typeof WebAssembly === "object";
  h.setAttribute("data-app", modern ? "waiting" : "failed");

  var parent = window.parent !== window ? window.parent : null;
  var last = 0;
  function report(always) {
    var root = d.querySelector("main.embed-root");
    if (!parent || !root) return;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    var widget = (d.querySelector(".calc[id]") || {}).id;
    parent.postMessage({ type: "HEIGHT_MESSAGE", widget: widget, height: height }, "*");
    parent.postMessage(JSON.stringify({ context: "iframe.resize", height: height, widget: widget }), "*");
    if (secret) parent.postMessage({ message: "height", value: height, secret: secret }, "*");
  }

  // The link to the full calculator carries the state the widget shows
  // (the app keeps the address in step), without the embed's own options.
  function stateLink(a) {
    var state = new URLSearchParams(location.search);
    ["tabs", "compact", "theme"].forEach(function (key) { state.delete(key); });
    var query = state.toString();
    return a.href.split("?")[0].split("#")[0] + (query ? "?" + query : "");
  }

  function choose(tab, focus) {
    var card = tab.closest(".calc");
    if (!card) return;
    card.setAttribute("data-tab", tab.getAttribute("data-tab"));
    card.querySelectorAll(".calc-tabs [data-tab]").forEach(function (t) {
      t.setAttribute("aria-selected", t === tab ? "true" : "false");
      t.tabIndex = t === tab ? 0 : -1;
    });
    if (focus) tab.focus();
    report(false);
  }

  d.addEventListener("click", function (event) {
    var target = event.target;
    var tab = target.closest && target.closest(".calc-tabs [data-tab]");
    if (tab) return choose(tab, false);
    var a = target.closest && target.closest("a[href]");
    if (!a) return;
    // The other language's widget, in this frame or window, with all of
    // this page's settings and its address's fragment (WordPress's secret).
    if (a.classList.contains("lang-switch")) {
      a.href = a.href.split(/[?#]/)[0] + location.search + location.hash;
      return;
    }
    if (a.hasAttribute("data-state")) a.href = stateLink(a);
    // WordPress opens a link to this site in the top window when asked;
    // its sandbox lets a frame open nothing itself.
    if (secret && parent) {
      event.preventDefault();
      parent.postMessage({ message: "link", value: a.href, secret: secret }, "*");
    }
  });
  // Arrow keys, Home and End move between tabs, as in any tab list.
  d.addEventListener("keydown", function (event) {
    var tab = event.target.closest && event.target.closest(".calc-tabs [data-tab]");
    if (!tab) return;
    var tabs = Array.prototype.filter.call(tab.parentNode.querySelectorAll("[data-tab]"), function (t) { return !t.hidden; });
    var at = tabs.indexOf(tab), next = null;
    if (event.key === "ArrowRight") next = tabs[(at + 1) % tabs.length];
    else if (event.key === "ArrowLeft") next = tabs[(at + tabs.length - 1) % tabs.length];
    else if (event.key === "Home") next = tabs[0];
    else if (event.key === "End") next = tabs[tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    choose(next, true);
  });

  // In the tabbed layout the buttons are a tab list, and the parts they
  // show its panels; the first tab, the chart, is chosen.
  d.addEventListener("DOMContentLoaded", function () {
    if (h.classList.contains("tabs")) {
      d.querySelectorAll(".calc-tabs").forEach(function (list) {
        list.setAttribute("role", "tablist");
        list.setAttribute("aria-label", list.getAttribute("data-label"));
      });
      d.querySelectorAll(".calc-tabs [data-tab]").forEach(function (tab, i) {
        var panel = d.getElementById(tab.getAttribute("data-panel"));
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-controls", tab.getAttribute("data-panel"));
        tab.setAttribute("aria-selected", i === 0 ? "true" : "false");
        tab.tabIndex = i === 0 ? 0 : -1;
        // The chart and the tornado keep their own roles (a figure, an image).
        if (panel && panel.tagName !== "FIGURE" && !panel.hasAttribute("role")) {
          panel.setAttribute("role", "tabpanel");
          panel.setAttribute("aria-labelledby", tab.id);
        }
      });
    }
    var root = d.querySelector("main.embed-root");
    if (!parent || !root) return;
    // A browser may hold back rendering work in a frame that is off screen
    // (no resize observations, no animation frames) while it still runs
    // its tasks: so the height is also measured in tasks of its own, and
    // whenever the host sends anything (embed.js asks as each frame loads
    // and after the host's layout changes; WordPress says "ready").
    if (window.ResizeObserver) new ResizeObserver(function () { report(false); }).observe(root);
    addEventListener("message", function (event) { if (event.source === parent) report(true); });
    addEventListener("resize", function () { report(false); });
    addEventListener("load", function () { report(false); setTimeout(report, 500, false); });
    report(false);
  });
})();
