// factlint report: filters, the popup on hover/focus/click, and j/k (n/p) from finding to finding.
// Reads only the page's own elements; the article's text is never interpreted as HTML.
(function () {
  "use strict";
  var pop = document.getElementById("fl-pop");
  var pinned = null;
  var current = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll("li.finding")); }
  function visibleItems() { return items().filter(function (li) { return !li.classList.contains("hidden"); }); }
  function marksOf(id) { return document.querySelectorAll('mark.f[data-f~="' + id + '"]'); }
  function ids(mark) { return mark.getAttribute("data-f").split(" "); }
  function item(id) { return document.getElementById("d" + id); }

  function shown(id) { var li = item(id); return li && !li.classList.contains("hidden"); }

  function show(id, anchor) {
    var li = item(id);
    if (!li || !pop) return;
    while (pop.firstChild) pop.removeChild(pop.firstChild);
    Array.prototype.forEach.call(li.childNodes, function (node) { pop.appendChild(node.cloneNode(true)); });
    pop.className = "pop " + li.getAttribute("data-sev");
    pop.hidden = false;
    var box = anchor.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8)) + "px";
    pop.style.top = (window.scrollY + box.bottom + 6) + "px";
    anchor.setAttribute("aria-describedby", "fl-pop");
  }
  function hide() {
    if (pop) pop.hidden = true;
    pinned = null;
  }

  function firstShown(mark) {
    var list = ids(mark).filter(shown);
    return list.length ? list[0] : null;
  }

  function go(step) {
    var list = visibleItems();
    if (!list.length) return;
    current = (current + step + list.length) % list.length;
    var li = list[current];
    var id = li.getAttribute("data-f");
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    li.classList.add("current");
    var marks = marksOf(id);
    var target = marks.length ? marks[0] : li;
    Array.prototype.forEach.call(marks, function (m) { m.classList.add("current"); });
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    if (marks.length) { show(id, target); pinned = id; } else { hide(); }
  }

  function applyFilters() {
    var sev = {}, rules = {};
    document.querySelectorAll("[data-filter-sev]").forEach(function (box) { sev[box.getAttribute("data-filter-sev")] = box.checked; });
    document.querySelectorAll("[data-filter-rule]").forEach(function (box) { rules[box.getAttribute("data-filter-rule")] = box.checked; });
    items().forEach(function (li) {
      var on = sev[li.getAttribute("data-sev")] !== false && rules[li.getAttribute("data-rule")] !== false;
      li.classList.toggle("hidden", !on);
    });
    document.querySelectorAll("mark.f").forEach(function (mark) {
      var on = firstShown(mark) !== null;
      mark.classList.toggle("off", !on);
      if (mark.hasAttribute("data-first")) mark.setAttribute("tabindex", on ? "0" : "-1");
    });
    current = -1;
    hide();
  }

  function refresh() {
    var nav = document.querySelector(".controls");
    var box = document.querySelector(".controls .rules");
    if (nav && box) {
      var seen = {};
      var keep = {};
      box.querySelectorAll("[data-filter-rule]").forEach(function (old) { keep[old.getAttribute("data-filter-rule")] = old.checked; });
      box.querySelectorAll("label").forEach(function (l) { l.parentNode.removeChild(l); });
      items().forEach(function (li) {
        var rule = li.getAttribute("data-rule");
        seen[rule] = (seen[rule] || 0) + 1;
      });
      Object.keys(seen).sort().forEach(function (rule) {
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = "checkbox";
        input.checked = keep[rule] !== false;
        input.setAttribute("data-filter-rule", rule);
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + rule + " (" + seen[rule] + ")"));
        box.appendChild(label);
        box.appendChild(document.createTextNode(" "));
      });
      // Severities with no finding are not offered.
      document.querySelectorAll("[data-filter-sev]").forEach(function (input) {
        var sev = input.getAttribute("data-filter-sev");
        input.parentNode.hidden = !document.querySelector('li.finding[data-sev="' + sev + '"]');
      });
      nav.hidden = items().length === 0;
    }
    // The first mark of each finding is a stop for Tab; the rest are reached with j/k.
    var first = {};
    document.querySelectorAll("mark.f").forEach(function (mark) {
      mark.removeAttribute("data-first");
      ids(mark).forEach(function (id) {
        if (!first[id]) { first[id] = true; mark.setAttribute("data-first", ""); }
      });
      if (mark.hasAttribute("data-first")) mark.setAttribute("tabindex", "0");
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-label", mark.textContent + ": " + mark.getAttribute("title"));
    });
    applyFilters();
  }

  document.addEventListener("change", function (event) {
    var t = event.target;
    if (t.hasAttribute && (t.hasAttribute("data-filter-sev") || t.hasAttribute("data-filter-rule"))) applyFilters();
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark.f");
    if (!mark || pinned) return;
    var id = firstShown(mark);
    if (id) show(id, mark);
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest && event.target.closest("mark.f");
    if (mark && !pinned) hide();
  });
  document.addEventListener("focusin", function (event) {
    var mark = event.target.closest && event.target.closest("mark.f");
    if (!mark) return;
    var id = firstShown(mark);
    if (id) { show(id, mark); pinned = id; }
  });
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.f");
    if (mark) {
      var id = firstShown(mark);
      if (id) { show(id, mark); pinned = id; }
    } else if (!(event.target.closest && event.target.closest(".pop"))) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" || t.isContentEditable)) return;
    if (event.key === "j" || event.key === "n") { go(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { go(-1); event.preventDefault(); }
    else if (event.key === "Escape") { hide(); }
    else if ((event.key === "Enter" || event.key === " ") && t.matches && t.matches("mark.f")) {
      var id = firstShown(t);
      if (id) { show(id, t); pinned = id; event.preventDefault(); }
    }
  });

  window.factlint = { refresh: refresh, next: function () { go(1); }, previous: function () { go(-1); } };
  refresh();
})();
