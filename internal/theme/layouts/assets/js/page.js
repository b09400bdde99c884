/*
 * tongbao — the page's tools and small repairs of its layout, run once the
 * page is parsed (a deferred script; senior.js wires the font sizes).
 *
 * - 打印本页 prints the page; 打印附表 prints a circular's appendix alone
 *   (html.print-appendix, until the print dialog closes; site.css).
 * - 复制链接 copies the page's address: the asynchronous clipboard where
 *   the page may use it, else a selected text field and the copy command;
 *   the result is announced in a status line.
 * - A table wider than its box gets data-scroll, which shows a scroll hint
 *   (site.css), one that fits data-fits (a matrix's head then sticks to the
 *   window, site.css); a ranking by score (.score-last) whose score can
 *   stick to the box's right edge and leave the rank and the name in view
 *   gets data-stick-end (site.css), a graded one's (.graded) score with
 *   its level after it (--level-width), or where they do not both fit the
 *   score alone (data-stick-score); one without links or buttons that Tab stops at also
 *   becomes focusable, so that the keyboard can scroll it. The head of a
 *   matrix that scrolls sideways follows the page down over its rows
 *   (site.css); where it starts and how far it goes are measured here.
 * - The 发文机关标志 and the 发文字号 of a circular stay on one line:
 *   site.css sizes the 标志 for names of up to 13 characters; what is
 *   longer than the column (a longer name; the 文号 in the largest text on
 *   a phone) is scaled down here (--fit) — down to the least size site.css
 *   allows it (--fit-least, in the document's text size: none in the
 *   normal display, where GB/T 9704's one line wins; in the 适老模式 on a
 *   screen the title's size for the 标志, the text's for the 文号, as the
 *   reader's legibility wins there). Past that it keeps that size and
 *   wraps (data-wrap), the 标志 between the parts of the name; one whose
 *   size is below that least is brought up to it.
 * - The title's first line, the issuer's name, is not broken either: when
 *   it is longer than the column the whole title is scaled down, so that
 *   all its lines keep one size — as long as the title stays at least its
 *   least size (--fit-least: the text's, 三号, in the normal display; its
 *   own 二号 in the 适老模式); past that its characters are closed up a
 *   little if that is enough (data-squeeze), else the title keeps its size
 *   and the name wraps (data-wrap) between its parts (邵阳市双清区 /
 *   人民政府办公室: site.css .org-name). The signature on a phone likewise:
 *   closed up a little, or wrapped between its parts.
 * - A date such as 2023年1-2月 is never broken across lines: it is wrapped
 *   in a span that does not wrap (site.css .nowrap).
 * - A link to something inside the folded appendix, or to or into a
 *   folded section (details.fold), opens it; a phone folds the sections
 *   marked data-fold="phone"; paper shows what the folds hold.
 * - A matrix's link to a page a link before it already leads to is left
 *   out of the order of Tab (still a link).
 * - What the keyboard focuses in a table that scrolls sideways is shown
 *   whole, its focus ring too: the browser scrolls no further for a link
 *   partly out of the box, and brings one from the left only to the box's
 *   edge, where a matrix's first column, which stays in view (site.css),
 *   covered it — Shift+Tab through a year's months hid 2022年5月 and 6月
 *   under 乡镇（街道） on a phone. Nor is it left under a matrix's head,
 *   which sticks to the top while the rows scroll.
 *
 * Without JavaScript the page reads the same; the tools are not shown.
 */
(function () {
  "use strict";

  var root = document.documentElement;

  function each(selector, fn, within) {
    var list = (within || document).querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) {
      fn(list[i]);
    }
  }

  // Printing ---------------------------------------------------------------

  each("[data-print]", function (b) {
    b.addEventListener("click", function () {
      window.print();
    });
  });

  each("[data-print-appendix]", function (b) {
    b.addEventListener("click", function () {
      root.classList.add("print-appendix");
      window.addEventListener("afterprint", function done() {
        window.removeEventListener("afterprint", done);
        root.classList.remove("print-appendix");
      });
      window.print();
    });
  });

  // Copying the address ----------------------------------------------------

  var status = document.querySelector(".page-tools-status");
  var quiet;

  function say(text) {
    if (!status) {
      return;
    }
    status.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(function () {
      status.textContent = "";
    }, 8000);
  }

  // copyByCommand copies text with the older copy command, from a text
  // field that is selected for the moment and then removed.
  function copyByCommand(text, focusBack) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "copy-field";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(field);
    focusBack.focus();
    return ok;
  }

  each("[data-copy-link]", function (b) {
    b.addEventListener("click", function () {
      var url = location.href.split("#")[0];
      var copied = function () {
        say("已复制本页链接");
      };
      var byCommand = function () {
        if (copyByCommand(url, b)) {
          copied();
        } else {
          say("未能自动复制，请手动复制本页地址：" + url);
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(copied, byCommand);
      } else {
        byCommand();
      }
    });
  });

  // Layout -----------------------------------------------------------------

  // What Tab stops at: a link taken out of the order (below) is not.
  var TABBABLE = "a[href]:not([tabindex='-1']), button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

  // A ranking by score that scrolls keeps its score in view, stuck to
  // the right edge of the box (data-stick-end, site.css), where that
  // leaves the start of each row — its rank and the unit's name — in
  // view beside it: on a phone of 320 px with 大 text 并列第一 and
  // 县发展改革委 fill the box, and a score stuck over them would hide the
  // name. The counts between them scroll under the score.
  function stickEnd(w) {
    var table = w.querySelector(":scope > table.score-last");
    // The first unit's row (a group's name heads the rows of a group).
    var name = table && table.querySelector("tbody th[scope=row]");
    if (!name) return;
    var row = name.parentElement;
    var start = name.getBoundingClientRect().right - table.getBoundingClientRect().left;
    var end = row.cells[row.cells.length - 1].getBoundingClientRect().width;
    if (table.classList.contains("graded")) {
      // A graded ranking's last column is the level (等次), after the
      // score: both stick, the score to the level's left (--level-width),
      // where there is room for both; else the score alone
      // (data-stick-score), which the reader scans, the level beside it
      // once the table is scrolled to its end.
      var score = row.cells[row.cells.length - 2].getBoundingClientRect().width;
      if (start + score + end <= w.clientWidth) {
        w.style.setProperty("--level-width", end + "px");
        w.setAttribute("data-stick-end", "");
      } else {
        w.toggleAttribute("data-stick-score", start + score <= w.clientWidth);
      }
      return;
    }
    w.toggleAttribute("data-stick-end", start + end <= w.clientWidth);
  }

  function markWideTables() {
    each(".table-wrap", function (w) {
      // Measured as laid out unmarked: a marked table's headings are
      // wider (site.css), and would keep it marked once the screen or
      // the text size no longer needs it.
      w.removeAttribute("data-scroll");
      w.removeAttribute("data-fits");
      w.style.removeProperty("--box-width");
      w.style.removeProperty("--level-width");
      var wide = w.scrollWidth > w.clientWidth + 1;
      w.toggleAttribute("data-scroll", wide);
      w.toggleAttribute("data-fits", !wide);
      w.removeAttribute("data-stick-end");
      w.removeAttribute("data-stick-score");
      if (wide) stickEnd(w);
      if (wide) {
        // The box's inside, less its padding (a box whose caption is a
        // link is padded for the link's focus ring, site.css): the sticky
        // caption is held within it, and as wide as clientWidth its end
        // and the ring went under the box's edge.
        var cs = getComputedStyle(w);
        var inside = w.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        w.style.setProperty("--box-width", inside + "px");
      }
      if (wide && !w.hasAttribute("tabindex") && !w.querySelector(TABBABLE)) {
        var caption = w.querySelector("caption");
        w.tabIndex = 0;
        w.setAttribute("role", "region");
        w.setAttribute("aria-label", caption ? caption.textContent : "表格");
      }
    });
  }

  // A link of a matrix to a page that a link before it on the page
  // already leads to is left out of the order of Tab: it stays a link, for
  // the mouse, the finger and a screen reader's list of links and reading,
  // but the keyboard reaches each page once. A unit's twenty years of
  // matrices repeated its indicators' links in every year and the months'
  // of its composite ranks, 950 stops of Tab; the page's 本页目录 leads to
  // each year's table.
  function onceInTabOrder() {
    var seen = {};
    each("main a[href]", function (a) {
      var href = a.getAttribute("href");
      if (seen[href] && a.closest(".matrix") && !a.hasAttribute("tabindex")) {
        a.tabIndex = -1;
      }
      seen[href] = true;
    });
  }

  // room is the scale that brings the text of element p to its width on
  // one line: below 1 when it is longer, above 1 when it has room to spare.
  function room(p) {
    var text = document.createRange();
    text.selectNodeContents(p);
    var need = text.getBoundingClientRect().width;
    return need > 0 ? Math.floor((p.clientWidth / need) * 1000) / 1000 : 1;
  }

  // least is the least scale of element e's size that site.css allows
  // page.js to bring it to (--fit-least, given in the size of the text of
  // the document doc); byDefault where the style sheet gives none (a
  // site's own copy of an older site.css).
  function least(e, doc, byDefault) {
    var given = getComputedStyle(e).getPropertyValue("--fit-least").trim();
    var share = given === "" ? byDefault : parseFloat(given) || 0;
    return (share * parseFloat(getComputedStyle(doc).fontSize)) / parseFloat(getComputedStyle(e).fontSize);
  }

  function fitLines() {
    each(".doc-issuer, .doc-number", function (p) {
      var doc = p.closest(".document");
      p.style.removeProperty("--fit");
      p.removeAttribute("data-wrap");
      if (!doc) {
        return;
      }
      var r = room(p);
      var l = least(p, doc, 0);
      var f = Math.min(1, r);
      if (f < l) {
        // Smaller than it may be: at its least size, on more lines where
        // one does not hold it.
        f = l;
        p.toggleAttribute("data-wrap", r < l);
      }
      if (f !== 1) {
        p.style.setProperty("--fit", f.toString());
      }
    });
    each(".doc-title", function (h) {
      var issuer = h.querySelector(".doc-title-issuer");
      var doc = h.closest(".document");
      h.style.removeProperty("--fit");
      h.removeAttribute("data-wrap");
      if (!issuer || !doc) {
        return;
      }
      unsqueeze(issuer);
      var f = Math.min(1, room(issuer));
      if (f >= least(h, doc, 1)) {
        if (f < 1) {
          h.style.setProperty("--fit", f.toString());
        }
      } else if (!squeeze(issuer, issuer)) {
        h.setAttribute("data-wrap", "");
      }
    });
    // The signature wraps on a phone (site.css), and keeps to its line
    // where closing up its characters is enough.
    each(".doc-sign-issuer", function (p) {
      var name = p.querySelector(".org-name");
      if (!name) {
        return;
      }
      unsqueeze(name);
      if (getComputedStyle(p).whiteSpace !== "nowrap") {
        squeeze(name, p);
      }
    });
  }

  // The most an office's name is closed up, in em, rather than wrapped.
  var SQUEEZE = 0.08;

  function unsqueeze(name) {
    name.removeAttribute("data-squeeze");
    name.style.removeProperty("--squeeze");
  }

  // squeeze keeps the office's name in element name (.org-name) on one
  // line of box, closing up its characters by at most SQUEEZE em each,
  // when that is enough (site.css: data-squeeze); it reports whether the
  // name is on one line. A name longer than that wraps between its parts.
  function squeeze(name, box) {
    name.setAttribute("data-squeeze", "");
    name.style.setProperty("--squeeze", "0px");
    var text = document.createRange();
    text.selectNodeContents(name);
    var need = text.getBoundingClientRect().width;
    var style = getComputedStyle(box);
    var room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (need <= room) {
      unsqueeze(name); // it fits as it is: nothing to close up
      return true;
    }
    // Chromium spaces every character, the last too.
    var n = name.textContent.length;
    var by = Math.ceil(((need - room) / n) * 100) / 100;
    if (n > 0 && by <= SQUEEZE * parseFloat(getComputedStyle(name).fontSize)) {
      name.style.setProperty("--squeeze", "-" + by + "px");
      return true;
    }
    unsqueeze(name);
    return false;
  }

  var scheduled = false;

  // followHeads gives the head of each matrix whose box scrolls it
  // sideways what it needs to follow the page down over the rows
  // (site.css, where the browser moves heads by the page's scrolling):
  // where the page's scrolling brings the head to the top of the window
  // (--head-from), and how far it may travel before it would cover the
  // last row (--head-travel). Measured again whenever the page is laid out
  // again (layout) or grows or shrinks above the table. The last row is
  // the last group's (a <tbody> a group), and the last shown: each group
  // ends with the row that heads it on paper, hidden on screen.
  function followHeads() {
    each(".table-wrap[data-scroll] > .matrix", function (t) {
      var body = t.tBodies[t.tBodies.length - 1];
      var rows = body ? [].filter.call(body.rows, function (r) { return !r.hidden; }) : [];
      if (!t.tHead || !rows.length) {
        return;
      }
      var head = t.tHead.getBoundingClientRect();
      var travel = Math.max(0, rows[rows.length - 1].getBoundingClientRect().top - head.bottom);
      var from = head.top + window.scrollY;
      t.style.setProperty("--head-from", from + "px");
      t.style.setProperty("--head-to", from + travel + "px");
      t.style.setProperty("--head-travel", travel + "px");
    });
  }

  function layout() {
    scheduled = false;
    fitLines();
    markWideTables();
    followHeads();
  }

  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(layout);
    }
  }

  // Dates: 2023年1-2月, 2023年4月3日, 2023年1月.
  var DATE = /\d{4}年\d{1,2}(?:[-－—～]\d{1,2})?月(?:\d{1,2}日)?/g;

  function keepDates(scope) {
    if (!scope) {
      return;
    }
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    var found = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      DATE.lastIndex = 0;
      if (DATE.test(n.data) && !n.parentNode.closest(".nowrap, time, .visually-hidden, script, style, textarea")) {
        found.push(n);
      }
    }
    for (var i = 0; i < found.length; i++) {
      wrapDates(found[i]);
    }
  }

  function wrapDates(node) {
    var text = node.data;
    var out = document.createDocumentFragment();
    var at = 0;
    DATE.lastIndex = 0;
    for (var m = DATE.exec(text); m; m = DATE.exec(text)) {
      out.appendChild(document.createTextNode(text.slice(at, m.index)));
      var span = document.createElement("span");
      span.className = "nowrap";
      span.textContent = m[0];
      out.appendChild(span);
      at = m.index + m[0].length;
    }
    out.appendChild(document.createTextNode(text.slice(at)));
    node.parentNode.replaceChild(out, node);
  }

  // Keyboard focus in a table that scrolls ------------------------------

  // RING is how far a focus ring reaches beyond its element (site.css:
  // 3 px, 4 in the 适老模式, and an offset of 2), and a little room.
  var RING = 8;

  // reveal scrolls the box of a wide table so that e, focused in it, is
  // in view whole, right of a first column that sticks and below a head
  // that sticks.
  function reveal(e) {
    var w = e.parentElement && e.parentElement.closest(".table-wrap");
    if (!w) {
      return;
    }
    below(e, w);
    if (w.scrollWidth <= w.clientWidth + 1) {
      return;
    }
    var left = w.getBoundingClientRect().left + w.clientLeft;
    var right = left + w.clientWidth;
    var cell = e.closest("th, td");
    var first = cell && cell.parentElement.cells[0];
    if (first && first !== cell && getComputedStyle(first).position === "sticky") {
      left = first.getBoundingClientRect().right;
    }
    var r = e.getBoundingClientRect();
    if (r.left - RING < left) {
      w.scrollLeft -= left - (r.left - RING);
    } else if (r.right + RING > right) {
      w.scrollLeft += Math.min(r.right + RING - right, r.left - RING - left);
    }
  }

  // below scrolls e, focused in a body row of a matrix in box w, out from
  // under the matrix's head where the head sticks (site.css) and covers it:
  // the browser scrolls a link into view at the top of the box, or of the
  // window, where the head is. The box scrolls when it can, else the page.
  function below(e, w) {
    var table = e.closest("tbody") && e.closest(".matrix");
    // The head's cells stick, not the row group, which keeps its place.
    var corner = table && table.tHead && table.tHead.rows[0].cells[0];
    if (!corner || getComputedStyle(corner).position !== "sticky") {
      return;
    }
    var over = corner.getBoundingClientRect().bottom - (e.getBoundingClientRect().top - RING);
    if (over <= 0) {
      return;
    }
    if (w.scrollHeight > w.clientHeight + 1 && w.scrollTop > 0) {
      w.scrollTop -= over;
    } else {
      window.scrollBy(0, -over);
    }
  }

  // Before the browser's own scrolling and after it: which comes first
  // differs between browsers.
  document.addEventListener("focusin", function (ev) {
    var e = ev.target;
    if (!(e instanceof Element)) {
      return;
    }
    reveal(e);
    window.requestAnimationFrame(function () {
      if (document.activeElement === e) {
        reveal(e);
      }
    });
  });

  // The appendix is folded, and so may be a section (details.fold): open
  // every fold the address points into, or that it points to (a group's
  // section on /rankings/, which the browser does not open by itself).
  // Opened, or the page just folded (atLoad: the browser had scrolled to
  // the target before a phone's folds above it), the target is scrolled
  // to again.
  function openTarget(atLoad) {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var opened = false;
    for (var d = target && target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) {
        d.open = true;
        opened = true;
      }
    }
    if (opened || (target && atLoad === true)) {
      target.scrollIntoView();
    }
  }

  // On a phone the sections of a long page that are marked so are folded
  // (data-fold="phone": a unit group's heat map on /rankings/), so that
  // the reader sees the list of them and opens the one sought; they are
  // served open, as a desktop and a page without JavaScript show them.
  function foldOnPhone() {
    if (window.matchMedia && window.matchMedia("(max-width: 40em)").matches) {
      each('details.fold[data-fold="phone"]', function (d) {
        d.open = false;
      });
    }
  }

  // Paper shows what a fold holds: site.css opens it for print where the
  // browser styles a fold's content (::details-content); elsewhere the
  // folds closed are opened for the print, and closed again after it.
  var foldedForPrint = [];
  window.addEventListener("beforeprint", function () {
    each("details.fold:not([open])", function (d) {
      d.open = true;
      foldedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < foldedForPrint.length; i++) {
      foldedForPrint[i].open = false;
    }
    foldedForPrint = [];
  });

  keepDates(document.querySelector("main"));
  onceInTabOrder();
  foldOnPhone();
  layout();
  openTarget(true);
  window.addEventListener("hashchange", openTarget);
  window.addEventListener("resize", schedule);
  // The 适老模式 and the font sizes change the classes of <html>; fonts
  // arriving late change widths too.
  new MutationObserver(schedule).observe(root, { attributes: true, attributeFilter: ["class"] });
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(schedule);
  }
  each("details", function (d) {
    d.addEventListener("toggle", schedule);
  });
  // What moves a table down the page (a picture arriving, a fold opened)
  // changes the page's height.
  if (window.ResizeObserver && document.querySelector(".matrix")) {
    new ResizeObserver(schedule).observe(document.body);
  }
})();
