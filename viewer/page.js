/* Provenance viewer: panels, deep links, legend toggles, copy buttons and the row filter.
   Everything the page shows is already in its HTML; this script only adds interaction.
   Addresses: "#<table>/<id>" is a row (an attribution: "#attributions/<statement>+<entity>"). */
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  var panelTitle = document.getElementById("panel-title");
  var panelBody = document.getElementById("panel-body");
  var article = document.getElementById("article");
  var version = document.body.getAttribute("data-version");
  var opener = null;

  document.documentElement.classList.add("js");
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (node) {
    node.hidden = false;
  });

  /* A row address "quotes/q-x" as {table, id}, or null for a section link such as "tables". */
  function parseKey(key) {
    var slash = key.indexOf("/");
    return slash > 0 ? { table: key.slice(0, slash), id: key.slice(slash + 1) } : null;
  }

  /* The mark (innermost first) under a node, if any. */
  function markAt(node) {
    return node && node.closest ? node.closest("[data-table][data-id], [data-role-of]") : null;
  }

  /* The row a mark shows; a role span opens the panel of the (first) person it belongs to. */
  function keyOf(mark) {
    if (mark.hasAttribute("data-role-of")) {
      return "entities/" + mark.getAttribute("data-role-of").split(" ")[0];
    }
    return mark.getAttribute("data-table") + "/" + mark.getAttribute("data-id");
  }

  /* Where a row is shown: its marks in the article, or (attributions) its table line. */
  function placesOf(key) {
    var parts = parseKey(key);
    if (!parts) { return []; }
    if (parts.table === "attributions") {
      var line = document.getElementById(key);
      return line ? [line] : [];
    }
    return Array.prototype.slice.call(article.querySelectorAll(
      '[data-table="' + CSS.escape(parts.table) + '"][data-id="' + CSS.escape(parts.id) + '"]'));
  }

  function highlight(key) {
    Array.prototype.forEach.call(document.querySelectorAll(".is-current"), function (node) {
      node.classList.remove("is-current");
    });
    placesOf(key).forEach(function (node) { node.classList.add("is-current"); });
  }

  /* A polite message for an address that names no row of this version. */
  function unknown(key) {
    var parts = parseKey(key);
    var known = document.querySelector('template[id^="panel:' + CSS.escape(parts.table) + '/"]');
    var message = document.createElement("p");
    message.className = "unknown";
    message.textContent = (known
      ? "Sorry, there is no row \u201c" + parts.id + "\u201d in the table " + parts.table
      : "Sorry, this dataset has no table called \u201c" + parts.table + "\u201d")
      + " in version " + version + ". Row ids are never reused or renumbered, so the link may "
      + "have a typing error or come from another version; the tables below list every row.";
    return message;
  }

  function openPanel(key, from) {
    var template = document.getElementById("panel:" + key);
    panelBody.textContent = "";
    panelTitle.textContent = template ? key : "Row not found";
    panelBody.appendChild(template ? template.content.cloneNode(true) : unknown(key));
    Array.prototype.forEach.call(panelBody.querySelectorAll(".js-only"), function (node) {
      node.hidden = false;
    });
    panel.hidden = false;
    document.body.classList.add("has-panel");
    highlight(key);
    opener = from || null;
    panel.focus({ preventScroll: true });
  }

  function closePanel() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    document.body.classList.remove("has-panel");
    if (opener && document.contains(opener)) { opener.focus(); }
  }

  /* The URL's fragment, decoded; a malformed escape is taken as written. */
  function decoded(fragment) {
    try { return decodeURIComponent(fragment); } catch (error) { return fragment; }
  }

  /* Scroll `node` to the middle of what stays visible: below the legend where it sticks
     to the top, above the panel where it is a bottom sheet (narrow screens). */
  function reveal(node) {
    var legend = document.getElementById("legend");
    var sticky = article.contains(node) && getComputedStyle(legend).position === "sticky";
    var top = (sticky ? legend.getBoundingClientRect().height : 0) + 16;
    var panelTop = panel.hidden ? window.innerHeight : panel.getBoundingClientRect().top;
    var bottom = panelTop > top ? panelTop : window.innerHeight;
    var box = node.getBoundingClientRect();
    window.scrollBy(0, box.top - (top + Math.max(0, (bottom - top - box.height) / 2)));
  }

  /* Follow the address in the URL: open the row's panel, highlight it, scroll to it. */
  function followHash() {
    var key = decoded(location.hash.slice(1));
    if (!parseKey(key)) { return; }
    var places = placesOf(key);
    openPanel(key, places[0]);
    if (places.length) { reveal(places[0]); }
  }

  function go(key) {
    history.pushState(null, "", "#" + key);
    followHash();
  }

  article.addEventListener("click", function (event) {
    var mark = markAt(event.target);
    if (!mark) { return; }
    var key = keyOf(mark);
    history.replaceState(null, "", "#" + key);
    openPanel(key, mark);
  });

  article.addEventListener("keydown", function (event) {
    var mark = markAt(event.target);
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      var key = keyOf(mark);
      history.replaceState(null, "", "#" + key);
      openPanel(key, mark);
    }
  });

  /* Links to rows (panel, tables view, timeline) go through followHash even when the
     address is already in the URL. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) { return; }
    var key = decoded(link.getAttribute("href").slice(1));
    if (parseKey(key)) {
      event.preventDefault();
      go(key);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closePanel(); }
  });
  document.getElementById("panel-close").addEventListener("click", closePanel);
  window.addEventListener("hashchange", followHash);

  /* Copy the citation; where the clipboard is not available, say how to copy by hand. */
  panel.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var status = button.parentNode.querySelector(".copy-status");
    var text = button.getAttribute("data-copy");
    function done(copied) {
      status.textContent = copied ? "Copied." : "Select the citation and copy it.";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); },
        function () { done(copyBySelection(text)); });
    } else {
      done(copyBySelection(text));
    }
  });

  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  /* Legend: CSS hides the marks of an unchecked kind; here they also leave the Tab order. */
  Array.prototype.forEach.call(document.querySelectorAll(".legend input[data-kind]"), function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-kind");
      var stops = article.querySelectorAll(".m-" + kind + "[tabindex]");
      Array.prototype.forEach.call(stops, function (mark) {
        mark.setAttribute("tabindex", box.checked ? "0" : "-1");
      });
    });
  });

  /* Tables view: keep the rows that contain the typed text; update the counts. */
  var filter = document.getElementById("filter");
  filter.addEventListener("input", function () {
    var query = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(document.querySelectorAll("section.table"), function (section) {
      var rows = section.querySelectorAll("tbody tr");
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        row.hidden = query !== "" && row.textContent.toLowerCase().indexOf(query) < 0;
        if (!row.hidden) { shown += 1; }
      });
      var count = section.querySelector(".count");
      var total = count.getAttribute("data-total");
      var noun = total === "1" ? " row" : " rows";
      count.textContent = query === "" ? total + noun : shown + " of " + total + noun;
    });
  });

  if (location.hash) {
    followHash();
    /* While the page loads, the browser keeps the address's target where the CSS puts it
       (below the legend as it is without a panel); once loaded, place it as reveal() does. */
    window.addEventListener("load", function () {
      var places = placesOf(decoded(location.hash.slice(1)));
      if (places.length) { reveal(places[0]); }
    });
  }
})();
