(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var active = null;
  var pinned = false;

  function add(parent, cls, text) {
    var el = document.createElement("div");
    el.className = cls;
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function fill(q, mention) {
    var d = q.dataset;
    tip.textContent = "";
    add(tip, "speaker", d.speaker);
    if (d.to) add(tip, "row", "to " + d.to);
    var how = [];
    if (d.type) how.push(d.type);
    if (d.conf) how.push(d.conf + " confidence");
    if (how.length) add(tip, "row", how.join(" · "));
    if (d.cue) add(tip, "row", "cue: \u201c" + d.cue + "\u201d");
    if (mention && mention.dataset.who) {
      add(tip, "row", "\u201c" + mention.textContent + "\u201d \u2192 " + mention.dataset.who);
    }
    tip.style.setProperty("--c", getComputedStyle(q).getPropertyValue("--c"));
  }

  function place(q, x, y) {
    var rects = q.getClientRects();
    var box = rects[0] || q.getBoundingClientRect();
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) box = r;
    }
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, (x === undefined ? box.left : x) - w / 2), document.documentElement.clientWidth - w - 8);
    var top = box.top - h - 8 < 8 ? box.bottom + 8 : box.top - h - 8;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function show(q, mention, x, y) {
    if (active && active !== q) active.classList.remove("active");
    active = q;
    q.classList.add("active");
    fill(q, mention);
    place(q, x, y);
  }

  function hide() {
    if (active) active.classList.remove("active");
    active = null;
    pinned = false;
    tip.hidden = true;
  }

  document.addEventListener("mouseover", function (ev) {
    var q = ev.target.closest ? ev.target.closest(".q") : null;
    if (q) show(q, ev.target.closest(".m"), ev.clientX, ev.clientY);
    else if (active && !pinned && active !== document.activeElement) hide();
  });
  document.addEventListener("focusin", function (ev) {
    var q = ev.target.closest ? ev.target.closest(".q") : null;
    if (q) show(q, null);
  });
  document.addEventListener("focusout", function (ev) {
    if (ev.target === active && !pinned) hide();
  });
  document.addEventListener("click", function (ev) {
    var q = ev.target.closest ? ev.target.closest(".q") : null;
    if (!q) { hide(); return; }
    if (pinned && active === q) { hide(); return; }
    show(q, ev.target.closest(".m"), ev.clientX, ev.clientY);
    pinned = true;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") hide();
  });
  window.addEventListener("resize", function () { if (active) place(active); });

  var toggle = document.getElementById("show-mentions");
  if (toggle) {
    toggle.addEventListener("change", function () {
      document.body.classList.toggle("plain", !toggle.checked);
    });
  }
})();
