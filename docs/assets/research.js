// Research tools, offline too: "Show corrections" (remembered across pages) and a Cite button per
// paragraph. The citations are made at build time (#edition-cite); this only shows and copies.
(function () {
  var d = document, root = d.documentElement, KEY = "edition.showCorrections", panel, opener;
  function show(on) {
    root.classList.toggle("show-corrections", on);
    d.querySelectorAll(".corrections-switch").forEach(function (b) { b.setAttribute("aria-checked", on); });
  }
  try { show(localStorage.getItem(KEY) === "1"); } catch (e) { show(false); }
  d.querySelectorAll(".corrections-toggle").forEach(function (box) {
    box.hidden = false;
    box.firstChild.onclick = function () {
      var on = !root.classList.contains("show-corrections");
      try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) {}
      show(on);
    };
  });

  var data = d.getElementById("edition-cite");
  if (!data) return;
  data = JSON.parse(data.textContent);
  // Copy as plain text and as HTML (so italics survive in a word processor).
  function copy(row, status) {
    var t = d.createElement("template"), say = function (s) { status.textContent = s + row[0]; };
    t.innerHTML = row[1];
    try {
      navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([t.content.textContent], { type: "text/plain" }),
        "text/html": new Blob([row[1]], { type: "text/html" })
      })]).then(function () { say("Copied: "); }, function () { say("Not copied, select the text: "); });
    } catch (e) { say("Not copied, select the text: "); }
  }
  function close() {
    if (panel) { panel.remove(); panel = null; opener.setAttribute("aria-expanded", "false"); }
  }
  function open(button, id, c) {
    var again = panel && opener === button, rows = [
      ["Chicago, note", c[2]], ["Chicago, bibliography", data.refs[0]], ["APA 7, in text", c[3]],
      ["APA 7, reference list", data.refs[1]], ["Link to " + id, '<a href="' + c[1] + '">' + c[1] + "</a>"]];
    close();
    if (again) return;
    opener = button;
    button.setAttribute("aria-expanded", "true");
    panel = d.createElement("div");
    panel.className = "cite-panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "Cite " + c[0]);
    panel.innerHTML = "<dl>" + rows.map(function (row, i) {
      return "<dt>" + row[0] + "</dt><dd>" + row[1] + ' <button type="button" data-row="' + i +
        '" aria-label="Copy ' + row[0] + '">Copy</button></dd>';
    }).join("") + '</dl><p role="status"></p>';
    panel.onclick = function (event) {
      var i = event.target.getAttribute("data-row");
      if (i) copy(rows[i], panel.lastChild);
    };
    button.parentNode.after(panel);
  }
  d.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel) { close(); opener.focus(); }
  });
  d.querySelectorAll("p[id] > a.headerlink").forEach(function (link) {
    var id = link.parentNode.id, c = data.p[id], b = d.createElement("button");
    if (!c) return;
    b.type = "button";
    b.className = "cite-button";
    b.textContent = "Cite";
    b.setAttribute("aria-label", "Cite " + c[0]);
    b.setAttribute("aria-expanded", "false");
    b.onclick = function () { open(b, id, c); };
    link.after(b);
  });
})();
