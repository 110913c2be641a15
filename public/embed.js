/*
 * Embedded calculators for a host page: sizing, and a small API.
 *
 * Include once on a page that embeds calculators in iframes:
 *   <script src="https://SITE/embed.js" defer></script>
 *
 * Sizing. Each embedded calculator posts {type: "china-ai:height", widget,
 * height} to its parent whenever its height changes; this script sets the
 * height of the iframe that sent it. A browser may hold back rendering work
 * in a frame that is off screen, so the script also asks each frame as it
 * loads, and after the page's own layout changes (a widget measures itself
 * on any message it receives).
 *
 * API (version 1). chinaAi.widget(iframe) returns an object with:
 *   set({rate: 50, scale: "log"})  → Promise of the state, or rejected with
 *                                    an Error whose .reasons says why
 *                                    (also cur: "usd" or "cny", and fx:
 *                                    yuan per US dollar)
 *   reset()                        → Promise of the state
 *   get()                          → Promise of the state
 *   on("change", fn)               → calls fn(state) after each change
 *                                    (also "height"); returns a function
 *                                    that stops listening
 * A state is {widget, inputs: {key: number}, scale, cur, fx (yuan only),
 * outputs: [{id, label, text}], description, link}. The wire format is documented in the README.
 * The script stores nothing and makes no request.
 */
(function () {
  "use strict";
  if (window.chinaAi) return;
  var PREFIX = "china-ai:";
  var pending = {};
  var listeners = [];
  var next = 0;
  // Frames whose calculator has answered: it is listening. A widget's page
  // shows its card before its code starts, so a command sent earlier finds
  // no one; until a frame has answered, its commands are sent again every
  // 300 ms (each command is safe to repeat).
  var alive = [];

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function send(frame, message) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, "*");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    var kind = data.type.slice(PREFIX.length);
    if (kind !== "height" && alive.indexOf(frame) < 0) alive.push(frame);
    if (kind === "height") {
      var height = Number(data.height);
      if (isFinite(height) && height >= 50 && height <= 20000) frame.style.height = Math.ceil(height) + "px";
    }
    var waiting = typeof data.id === "string" && pending[data.id];
    if (waiting && waiting.frame === frame && (kind === "state" || kind === "error")) {
      delete pending[data.id];
      if (kind === "state") waiting.resolve(data);
      else {
        var error = new Error(String(data.errors && data.errors.join(" ")));
        error.reasons = data.errors;
        waiting.reject(error);
      }
    }
    for (var i = 0; i < listeners.length; i++) {
      if (listeners[i].frame === frame && listeners[i].kind === kind) listeners[i].fn(data);
    }
  });

  function ask(frame) {
    if (frame.hasAttribute("data-china-ai-widget")) send(frame, { type: PREFIX + "get", version: 1 });
  }
  document.addEventListener("load", function (event) {
    if (event.target && event.target.tagName === "IFRAME") ask(event.target);
  }, true);
  var timer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var frames = document.getElementsByTagName("iframe");
      for (var i = 0; i < frames.length; i++) ask(frames[i]);
    }, 100);
  });

  function command(frame, type, extra) {
    return new Promise(function (resolve, reject) {
      var id = "c" + ++next;
      var message = { type: PREFIX + type, version: 1, id: id };
      if (extra) message.inputs = extra;
      pending[id] = { frame: frame, resolve: resolve, reject: reject };
      var retry = setInterval(function () {
        if (!pending[id] || alive.indexOf(frame) >= 0) clearInterval(retry);
        else send(frame, message);
      }, 300);
      setTimeout(function () {
        clearInterval(retry);
        if (pending[id]) {
          delete pending[id];
          reject(new Error("The widget did not answer."));
        }
      }, 10000);
      send(frame, message);
    });
  }

  window.chinaAi = {
    version: 1,
    widget: function (frame) {
      return {
        get: function () { return command(frame, "get"); },
        reset: function () { return command(frame, "reset"); },
        set: function (inputs) {
          var query = new URLSearchParams();
          Object.keys(inputs || {}).forEach(function (key) { query.append(key, String(inputs[key])); });
          return command(frame, "set", query.toString());
        },
        on: function (kind, fn) {
          var entry = { frame: frame, kind: kind, fn: fn };
          listeners.push(entry);
          return function () {
            var at = listeners.indexOf(entry);
            if (at >= 0) listeners.splice(at, 1);
          };
        },
      };
    },
  };
})();
