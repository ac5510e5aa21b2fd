// Reading aids that work offline: one switch for all editor's notes (remembered), and print.
(function () {
  var KEY = "edition.hideNotes", root = document.documentElement;
  function hidden() { try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; } }
  function apply(state) { root.classList.toggle("edition-hide-notes", state); }
  apply(hidden());
  document.addEventListener("DOMContentLoaded", function () {
    var notes = document.querySelectorAll(".admonition.editor, details.editor");
    var article = document.querySelector(".md-content__inner");
    if (notes.length && article) {
      var bar = document.createElement("p"), button = document.createElement("button");
      bar.className = "edition-toggle";
      button.type = "button";
      function label() {
        var state = hidden();
        button.textContent = state ? "Show editor’s notes" : "Hide editor’s notes";
        button.setAttribute("aria-pressed", String(state));
      }
      button.addEventListener("click", function () {
        try { localStorage.setItem(KEY, hidden() ? "0" : "1"); } catch (e) {}
        apply(hidden()); label();
      });
      label();
      bar.appendChild(button);
      article.insertBefore(bar, article.querySelector("h1") ? article.querySelector("h1").nextSibling : article.firstChild);
    }
    var print = document.querySelector(".print-button");
    if (print) print.addEventListener("click", function () { window.print(); });
    var canonical = document.querySelector("link[rel=canonical]"), address = document.querySelector(".edition-address");
    if (address) address.textContent = canonical ? canonical.href : location.href;
  });
})();
