// tongbao preview: live reload, the error overlay and the warnings at the
// foot. Injected into pages served by `tongbao serve` only, never into a
// build.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var build = me.getAttribute("data-build");
  var page = me.getAttribute("data-page");
  var overlay = null; // the problems that stop the build, at the top
  var notice = null; // the warnings, at the foot

  // folded and fold remember, for the tab, the problems of a panel its
  // button folded: the reload at every save, and every build that finds
  // them again, would bring the whole list back over the text being
  // written (a month being gathered has its scores still to come at each
  // save). A problem not among them unfolds it; one dealt with does not.
  // They are compared without their file:line:col, which an edit above
  // them moves.
  function said(item) {
    return item.replace(/^.*?:\d+(:\d+)?: /, "");
  }

  function folded(id, items) {
    var had;
    try {
      had = JSON.parse(sessionStorage.getItem("tongbao-folded:" + id));
    } catch (e) {}
    if (!Array.isArray(had)) return false;
    if (!items.every(function (item) { return had.indexOf(said(item)) >= 0; })) return false;
    fold(id, items, true); // a problem dealt with and made again is new
    return true;
  }

  function fold(id, items, on) {
    try {
      if (on) sessionStorage.setItem("tongbao-folded:" + id, JSON.stringify(items.map(said)));
      else sessionStorage.removeItem("tongbao-folded:" + id);
    } catch (e) {}
  }

  // panel is a box fixed over the page: a heading, one line per item and
  // a button that folds it to its heading until the list changes. Items
  // are written with textContent: they quote the user's input, which must
  // never become markup. The heading is a text or a list of texts and
  // links ({href: …}), the links' text their address.
  function panel(id, role, css, heading, items) {
    var box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", role);
    box.style.cssText = "position:fixed;left:0;right:0;overflow:auto;" + css +
      ";font-family:ui-monospace,Menlo,Consolas,monospace;text-align:left;white-space:pre-wrap";
    var close = document.createElement("button");
    close.type = "button";
    close.style.cssText = "float:right;font-size:14px;line-height:1.4;border:1px solid;border-radius:3px;background:none;color:inherit;cursor:pointer;margin-left:8px";
    var head = document.createElement("strong");
    [].concat(heading).forEach(function (part) {
      if (typeof part === "string") {
        head.appendChild(document.createTextNode(part));
        return;
      }
      var a = document.createElement("a");
      a.href = part.href;
      a.textContent = part.href;
      a.style.color = "inherit";
      head.appendChild(a);
    });
    var list = document.createElement("ul");
    list.style.cssText = "margin:6px 0 0;padding-left:1.5em";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item;
      list.appendChild(li);
    });
    box.appendChild(close);
    box.appendChild(head);
    box.appendChild(list);
    function show(open) {
      list.style.display = open ? "" : "none";
      close.textContent = open ? "收起" : "展开";
      close.title = open ? "收起列表（出现新的问题时自动展开，都处理后消失）" : "展开列表";
    }
    close.onclick = function () {
      var open = list.style.display === "none";
      fold(id, items, !open);
      show(open);
    };
    show(!folded(id, items));
    (document.body || document.documentElement).appendChild(box);
    return box;
  }

  // held are the months the pages shown leave out, still being gathered:
  // the problems are theirs, and the rest of the site is up to date.
  // drafts are the addresses where their circulars are shown as drafts:
  // those are there to be read, only the lists and histories lack them.
  // these names them as the office's periods: 这个季度 of a quarterly one.
  function showErrors(errors, held, drafts, these) {
    hideErrors();
    var heading;
    if (held && held.length) {
      these = these || (held.length > 1 ? "这几个月" : "这个月");
      heading = "尚未齐全的 " + held.join("、") + " 有 " + errors.length + " 个问题；";
      if (drafts && drafts.length) {
        heading = [heading + these + "的通报以草稿显示（不会发布）："];
        drafts.forEach(function (d, i) {
          if (i) heading.push("、");
          heading.push({ href: d });
        });
        heading.push("；通报列表、考核排名等页面暂不含" + these + "的数据，其余页面是最新的：");
      } else {
        heading += "预览暂不含" + these + "的数据和通报，其余页面是最新的：";
      }
    } else {
      heading = "构建失败，共 " + errors.length + " 个问题（当前显示的是上一次成功构建的页面）：";
    }
    overlay = panel("__tongbao-overlay", "alert",
      "top:0;max-height:70vh;z-index:2147483647;background:#fff4f4;color:#7a0000;border-bottom:3px solid #c00;" +
      "box-shadow:0 2px 12px rgba(0,0,0,.25);padding:12px 20px;font-size:14px;line-height:1.6",
      heading, errors);
  }

  // noErrors is a build without problems: those folded are dealt with,
  // and one of them made again is new.
  function noErrors() {
    hideErrors();
    fold("__tongbao-overlay", [], false);
  }

  function hideErrors() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // Warnings (a picture without a text alternative, a link to a page that
  // is not there, a file nothing publishes) do not stop a build: they sit
  // at the foot of the page, quietly, until they are dealt with.
  function showWarnings(warnings) {
    hideWarnings();
    if (!warnings || !warnings.length) {
      fold("__tongbao-warnings", [], false);
      return;
    }
    notice = panel("__tongbao-warnings", "status",
      "bottom:0;max-height:35vh;z-index:2147483646;background:#fffbe6;color:#5c4400;border-top:3px solid #d4a000;" +
      "box-shadow:0 -2px 12px rgba(0,0,0,.2);padding:8px 20px;font-size:13px;line-height:1.6",
      warnings.length + " 个提醒（不妨碍生成，发布前宜处理）：", warnings);
  }

  function hideWarnings() {
    if (notice) notice.remove();
    notice = null;
  }

  // swapCSS replaces stylesheets whose fingerprinted name changed. The new
  // link is loaded before the old one goes, so the page does not flash.
  function swapCSS(map) {
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var to = map[new URL(link.getAttribute("href"), location.href).pathname];
      if (!to) return;
      var next = link.cloneNode();
      next.href = to;
      next.onload = next.onerror = function () { link.remove(); };
      link.after(next);
    });
  }

  var events = new EventSource(me.getAttribute("data-events"));
  // hello comes first on every connection, also after the server restarted:
  // a page from another build reloads.
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (d.id !== build) {
      location.reload();
      return;
    }
    if (d.errors && d.errors.length) showErrors(d.errors, d.held, d.drafts, d.these);
    else noErrors();
    showWarnings(d.warnings);
    // Marks the page as listening, for tests and for the curious.
    document.documentElement.setAttribute("data-tongbao-live", "connected");
  });
  events.addEventListener("build", function (e) {
    var d = JSON.parse(e.data);
    // A build without problems deals with those folded before the page
    // reloads for it: the reloaded page may first hear of the build after
    // it, one failing on the same slip made again, which was then found
    // among the folded and stayed folded.
    if (!(d.errors && d.errors.length)) fold("__tongbao-overlay", [], false);
    if (d.id !== build) {
      if (d.all || page === "" || d.changed.indexOf(page) >= 0) {
        location.reload();
        return;
      }
      // The site's 404.html stands in for a page not there (a circular of
      // a month still being gathered): the page reloads once a build has
      // made it, which the build's list names by its file, not by the
      // address the tab is open at.
      if (page === "404.html" && !/\/404\.html$/.test(location.pathname)) {
        fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
          if (r.ok) location.reload();
        }, function () {});
      }
      if (d.css) swapCSS(d.css);
      build = d.id;
    }
    // A build without the months still being gathered comes with their
    // problems.
    if (d.errors && d.errors.length) showErrors(d.errors, d.held, d.drafts, d.these);
    else noErrors();
    showWarnings(d.warnings);
  });
  events.addEventListener("errors", function (e) {
    showErrors(JSON.parse(e.data).errors);
  });
})();
