/*
 * tongbao — the reader's display choices: the 适老模式 (large text and high
 * contrast; DOMAIN.md §2, the 2021 适老化 rules) and the portal's 字体【大 中 小】.
 *
 * base.html loads this file as a blocking script in <head>, so a reader's
 * choices are applied to <html> before the first paint: no flash of the
 * small page on every navigation. They are kept in localStorage, and the
 * two combine: 适老模式 and 大 give the largest text.
 *
 * The controls are real <button>s (keyboard operable by nature). They carry
 * the hidden attribute, so without JavaScript the page simply has none and
 * reads as usual; the class "js" set here shows them from the first paint
 * (site.css). The 适老模式 button says what a press does (适老模式 /
 * 退出适老模式; site.css shows the label that fits html.senior), and a
 * press is said in the status beside it ([data-senior-status]); the font
 * sizes are a group of three with aria-pressed on the one in force.
 */
(function () {
  "use strict";

  var SENIOR = "tongbao-senior";
  var FONT = "tongbao-font";
  var SIZES = ["large", "small"]; // and "", 中, the default
  var root = document.documentElement;

  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled: a choice lasts for this page only
    }
  }

  function save(key, value) {
    try {
      if (value) {
        window.localStorage.setItem(key, value);
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (e) {
      /* storage disabled or full: nothing to keep */
    }
  }

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) {
      fn(list[i]);
    }
  }

  function applySenior(on) {
    root.classList.toggle("senior", on);
  }

  // applyFont sets the font size on <html> ("large", "small", or "" for
  // the default) and the state of every font-size button.
  function applyFont(size) {
    if (SIZES.indexOf(size) < 0) {
      size = "";
    }
    for (var i = 0; i < SIZES.length; i++) {
      root.classList.toggle("font-" + SIZES[i], SIZES[i] === size);
    }
    each("[data-font-size]", function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-font-size") === size ? "true" : "false");
    });
  }

  function currentFont() {
    for (var i = 0; i < SIZES.length; i++) {
      if (root.classList.contains("font-" + SIZES[i])) {
        return SIZES[i];
      }
    }
    return "";
  }

  root.classList.add("js");
  applySenior(load(SENIOR) === "on");
  applyFont(load(FONT));

  function wire() {
    each("[data-senior-toggle]", function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var on = !root.classList.contains("senior");
        applySenior(on);
        save(SENIOR, on ? "on" : "");
        each("[data-senior-status]", function (s) {
          s.textContent = on ? "已开启适老模式：字体放大，对比增强" : "已退出适老模式";
        });
      });
    });
    each("[data-font-size]", function (b) {
      b.addEventListener("click", function () {
        var size = b.getAttribute("data-font-size");
        applyFont(size);
        save(FONT, size);
      });
    });
    applyFont(currentFont());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }

  // A choice made in another tab of the site applies here too.
  window.addEventListener("storage", function (e) {
    if (e.key === SENIOR) {
      applySenior(e.newValue === "on");
    } else if (e.key === FONT) {
      applyFont(e.newValue);
    }
  });
})();
