// factlint serve: checks the article on this computer (POST /check to the server that sent
// this page) a moment after each change, and shows the view the HTML report shows.
(function () {
  "use strict";
  var text = document.getElementById("fl-article");
  var open = document.getElementById("fl-open");
  var status = document.getElementById("fl-status");
  var result = document.getElementById("fl-result");
  var timer = null;
  var sent = 0;
  var name = "article.md";

  function check() {
    var mine = ++sent;
    status.textContent = "Checking…";
    fetch("/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: name, text: text.value })
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (body) { throw new Error(response.status + ": " + body); });
      }
      return response.json();
    }).then(function (data) {
      if (mine !== sent) return;
      // Built and escaped by the server from the article; the page's policy runs no script in it.
      result.innerHTML = data.html;
      status.textContent = data.status;
      window.factlint.refresh();
      document.body.setAttribute("data-checked", String(mine));
    }).catch(function (error) {
      if (mine === sent) status.textContent = "Could not check: " + error.message;
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  text.addEventListener("input", later);
  open.addEventListener("change", function () {
    var file = open.files && open.files[0];
    if (!file) return;
    name = file.name;
    file.text().then(function (content) { text.value = content; check(); });
  });
  if (text.value) check();
})();
