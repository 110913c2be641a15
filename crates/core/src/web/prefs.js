// The story page's colour and currency switches, inlined in its head by the
// build (`web::prefs::prefs_script`) and hashed into the
// Content-Security-Policy. They work before, and without, the WebAssembly.
// Before the first paint: the remembered choices, or the link's `cur` and
// `fx` (which win), as `data-theme`, `data-cur` and `data-fx` on <html>,
// which the CSS and the app read. Once the page is parsed: the matching
// buttons checked and the rate filled in. On every change: the attributes
// set and the choice remembered where the browser allows. A rate is taken
// only as a plain number in range; otherwise the field is marked invalid.
// The language switch takes the page's query and fragment (the
// calculators' settings, the place in the story) to the other language.
// The build fills in THEME_KEY, CURRENCY_KEY, RATE_KEY (storage keys) and
// RATE_LO, RATE_HI (the accepted rates).
(function () {
  var d = document.documentElement, s = null, t = null, c = null, f = null, q = new URLSearchParams(location.search);
  try {
    s = localStorage;
    t = s.getItem("THEME_KEY");
    c = s.getItem("CURRENCY_KEY");
    f = s.getItem("RATE_KEY");
  } catch (e) {}
  if (q.get("cur")) c = q.get("cur").toLowerCase();
  if (q.get("fx")) f = q.get("fx");
  function ok(x) { return /^\d{1,2}(\.\d+)?$/.test(x || "") && +x >= RATE_LO && +x <= RATE_HI; }
  // Remembers a choice; the link's own cur and fx then leave the address,
  // so the remembered choice is what a reload shows.
  function keep(k, v) {
    try { s && s.setItem(k, v); } catch (e) {}
    try {
      var u = new URL(location.href);
      if (u.searchParams.has("cur") || u.searchParams.has("fx")) {
        u.searchParams.delete("cur");
        u.searchParams.delete("fx");
        history.replaceState(history.state, "", u.href);
      }
    } catch (e) {}
  }
  if (t !== "light" && t !== "dark") t = "auto";
  if (t !== "auto") d.setAttribute("data-theme", t);
  if (c !== "cny") c = "usd"; else d.setAttribute("data-cur", c);
  if (ok(f)) d.setAttribute("data-fx", f); else f = null;
  document.addEventListener("change", function (e) {
    var r = e.target;
    if (r.name === "theme") {
      if (r.value === "auto") d.removeAttribute("data-theme"); else d.setAttribute("data-theme", r.value);
      keep("THEME_KEY", r.value);
    } else if (r.name === "cur") {
      if (r.value === "cny") d.setAttribute("data-cur", "cny"); else d.removeAttribute("data-cur");
      keep("CURRENCY_KEY", r.value);
    } else if (r.id === "fx") {
      var v = r.value.trim() || r.getAttribute("data-default");
      var m = document.getElementById("fx-error");
      if (ok(v)) {
        r.removeAttribute("aria-invalid");
        if (m) m.textContent = "";
        d.setAttribute("data-fx", v);
        keep("RATE_KEY", v);
      } else {
        r.setAttribute("aria-invalid", "true");
        if (m) m.textContent = r.getAttribute("data-error");
      }
    }
  }, true);
  // The other language's page, with this page's settings and place.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.lang-switch");
    if (a) a.href = a.href.split(/[?#]/)[0] + location.search + location.hash;
  }, true);
  document.addEventListener("DOMContentLoaded", function () {
    var r = document.getElementById("theme-" + t);
    if (r) r.checked = true;
    r = document.getElementById("cur-" + c);
    if (r) r.checked = true;
    r = document.getElementById("fx");
    if (r && f) r.value = f;
  });
})();
