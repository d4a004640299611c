// ficlens web explorer: a little progressive enhancement. Every page works without it.
"use strict";

(function () {
  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // Tooltips on lines of dialogue: hover with a mouse, tap or focus on a phone or keyboard.
  function setupTips() {
    var tip = document.getElementById("tip");
    var story = document.getElementById("story");
    if (!tip || !story) return;
    var current = null;

    function show(el) {
      current = el;
      tip.textContent = "";
      var dot = document.createElement("span");
      dot.className = "tip-dot";
      var parts = (el.getAttribute("data-tip") || "").split(" \u00b7 ");
      var name = document.createElement("span");
      name.className = "tip-name";
      name.textContent = parts.shift() || "";
      tip.className = "tip " + (Array.prototype.find.call(el.classList, function (c) { return c.indexOf("sp-") === 0; }) || "");
      tip.appendChild(dot);
      tip.appendChild(name);
      if (parts.length) tip.appendChild(document.createTextNode(" \u00b7 " + parts.join(" \u00b7 ")));
      tip.hidden = false;
      var r = el.getClientRects()[0] || el.getBoundingClientRect();
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var x = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
      var y = r.top - h - 8;
      if (y < 8) y = r.bottom + 8;
      tip.style.left = x + "px";
      tip.style.top = y + "px";
    }
    function hide() { current = null; tip.hidden = true; }

    // A mouse shows the tip on hover; a tap toggles it; the keyboard shows it on focus.
    var pointing = false;
    story.addEventListener("pointerover", function (e) {
      var q = e.pointerType === "mouse" && e.target.closest(".q");
      if (q) show(q);
    });
    story.addEventListener("pointerout", function (e) {
      var q = e.pointerType === "mouse" && e.target.closest(".q");
      if (q && !q.contains(e.relatedTarget)) hide();
    });
    story.addEventListener("pointerdown", function () { pointing = true; });
    story.addEventListener("focusin", function (e) {
      if (!pointing && e.target.classList.contains("q")) show(e.target);
    });
    story.addEventListener("focusout", function () { if (!pointing) hide(); });
    story.addEventListener("click", function (e) {
      pointing = false;
      var q = e.target.closest(".q");
      if (!q) { hide(); return; }
      if (e.pointerType === "mouse" || current !== q || tip.hidden) show(q); else hide();
    });
    window.addEventListener("scroll", function () { if (!tip.hidden) hide(); }, { passive: true });
  }

  // Legend: click a speaker to show only their lines; click again to show everyone.
  function setupLegend() {
    var story = document.getElementById("story");
    if (!story) return;
    var buttons = document.querySelectorAll(".legend .speaker");
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var css = b.getAttribute("data-speaker");
        var on = story.getAttribute("data-focus") !== css;
        if (on) story.setAttribute("data-focus", css); else story.removeAttribute("data-focus");
        buttons.forEach(function (o) {
          o.setAttribute("aria-pressed", on && o.getAttribute("data-speaker") === css ? "true" : "false");
        });
      });
    });
  }

  // Evidence links: the browser scrolls to the anchor; this lights up the passage's paragraphs.
  function setupEvidence() {
    var links = document.querySelectorAll("a.ev");
    if (!links.length) return;
    var paras = Array.prototype.slice.call(document.querySelectorAll(".story [data-s]"));
    function light(start, end) {
      paras.forEach(function (p) {
        var s = +p.getAttribute("data-s"), e = +p.getAttribute("data-e");
        p.classList.toggle("flash", s < end && start < e);
      });
    }
    links.forEach(function (a) {
      a.addEventListener("click", function () {
        links.forEach(function (o) { o.classList.toggle("on", o === a); });
        light(+a.getAttribute("data-s"), +a.getAttribute("data-e"));
      });
    });
    var target = location.hash && document.querySelector('a.ev[href="' + location.hash.replace(/"/g, "") + '"]');
    if (target) light(+target.getAttribute("data-s"), +target.getAttribute("data-e"));
  }

  // Facets start folded on a phone.
  function setupFacets() {
    if (!window.matchMedia("(max-width: 760px)").matches) return;
    document.querySelectorAll("details[data-collapse]").forEach(function (d) { d.open = false; });
  }

  // The analyse form: say at once when a file is over the server's limit (the server checks too).
  function setupUpload() {
    var form = document.querySelector("form.analyze");
    if (!form) return;
    var max = +form.getAttribute("data-max-bytes");
    var file = form.querySelector('input[type="file"]');
    var text = form.querySelector("textarea");
    var box = document.getElementById("upload-error");
    function check() {
      var size = 0;
      if (file && file.files && file.files[0]) size = file.files[0].size;
      else if (text) size = new Blob([text.value]).size;
      if (max && size > max) {
        box.textContent = "That story is larger than the " + form.getAttribute("data-limit") +
          " limit of this server (start it with a larger --max-upload-mb).";
        box.hidden = false;
        return false;
      }
      box.hidden = true;
      return true;
    }
    if (file) file.addEventListener("change", check);
    form.addEventListener("submit", function (e) {
      if (!check()) { e.preventDefault(); return; }
      var button = form.querySelector('button[type="submit"]');
      if (button) { button.disabled = true; button.textContent = "Analysing\u2026"; }
    });
    window.addEventListener("pageshow", function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) { button.disabled = false; button.textContent = "Analyse"; }
    });
  }

  ready(function () {
    setupTips();
    setupLegend();
    setupEvidence();
    setupFacets();
    setupUpload();
  });
})();
