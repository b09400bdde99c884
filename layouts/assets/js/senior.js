/*
 * tongbao — 适老模式: large text and high contrast (DOMAIN.md §2, the 2021
 * 适老化 rules).
 *
 * base.html loads this file as a blocking script in <head>, so a reader's
 * choice is applied to <html> before the first paint: no flash of the small
 * page on every navigation. The choice is kept in localStorage.
 *
 * The toggle is a real <button aria-pressed> in the header (keyboard
 * operable by nature). It carries the hidden attribute, so without
 * JavaScript the page simply has no toggle and reads as usual; the class
 * "js" set here shows it from the first paint (site.css).
 */
(function () {
  "use strict";

  var KEY = "tongbao-senior";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "on";
    } catch (e) {
      return false; // storage disabled: the mode lasts for this page only
    }
  }

  function store(on) {
    try {
      if (on) {
        window.localStorage.setItem(KEY, "on");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) {
      /* storage disabled or full: nothing to keep */
    }
  }

  function toggles() {
    return document.querySelectorAll("[data-senior-toggle]");
  }

  // apply sets the mode on <html> and the state of every toggle.
  function apply(on) {
    root.classList.toggle("senior", on);
    var buttons = toggles();
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  root.classList.add("js");
  apply(stored());

  function wire() {
    var buttons = toggles();
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !root.classList.contains("senior");
        apply(on);
        store(on);
      });
    }
    apply(root.classList.contains("senior"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }

  // The choice made in another tab of the site applies here too.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY) {
      apply(e.newValue === "on");
    }
  });
})();
