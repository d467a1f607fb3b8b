// Progressive enhancement only: every page works without this file.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  field.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});

// A move that closes an application: the chosen option's question, asked here; answered, the form
// says so (`confirmed`), and the server does not ask again on a page of its own.
function closingQuestion(select) {
  var option = select && select.options[select.selectedIndex];
  return option ? option.getAttribute("data-confirm") : null;
}

document.addEventListener("submit", function (event) {
  var form = event.target;
  // The question is the form's, or the button's that sent it.
  var message = form.getAttribute("data-confirm") || (event.submitter && event.submitter.getAttribute("data-confirm"));
  if (message && !window.confirm(message)) { event.preventDefault(); return; }
  var question = closingQuestion(form.querySelector("select[name=stage]"));
  if (!question) return;
  if (!window.confirm(question)) { event.preventDefault(); return; }
  var confirmed = form.querySelector("input[name=confirmed]") || document.createElement("input");
  confirmed.type = "hidden";
  confirmed.name = "confirmed";
  confirmed.value = "yes";
  form.appendChild(confirmed);
});

document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

// The board: drag a card onto another column to move it there. Only the columns its own move form
// offers take it; the drop sends that form (and its CSRF token) and reloads the board, which shows
// the result. The form stays the way to move a card without a mouse or without this file.
(function () {
  var dragged = null;

  function column(event) {
    return event.target.closest ? event.target.closest(".column[data-stage]") : null;
  }

  function stageSelect(card) {
    return card ? card.querySelector(".move-form select[name=stage]") : null;
  }

  function takes(target) {
    var select = stageSelect(dragged);
    if (!select || !target) return false;
    var stage = target.getAttribute("data-stage");
    return Array.prototype.some.call(select.options, function (option) { return option.value === stage; });
  }

  function unmark() {
    document.querySelectorAll(".column.drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  }

  // A reload after a drop comes back where the graduate was: the page's and the board's own
  // scroll are kept for it (a browser restores the page's, not a scrolled box's).
  function keepPlace() {
    var board = document.querySelector(".board");
    try {
      sessionStorage.setItem("onward.board", JSON.stringify({ x: board ? board.scrollLeft : 0, y: window.scrollY, path: location.pathname }));
    } catch (e) { /* no storage: the board starts at its beginning */ }
  }

  function restorePlace() {
    var kept = null;
    try { kept = JSON.parse(sessionStorage.getItem("onward.board")); sessionStorage.removeItem("onward.board"); } catch (e) { kept = null; }
    var board = document.querySelector(".board");
    if (!kept || !board || kept.path !== location.pathname) return;
    board.scrollLeft = kept.x;
    window.scrollTo(0, kept.y);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".board-card").forEach(function (card) {
      if (stageSelect(card)) card.setAttribute("draggable", "true");
    });
    restorePlace();
  });

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest ? event.target.closest(".board-card[draggable=true]") : null;
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.querySelector(".card-title").textContent);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    unmark();
  });

  document.addEventListener("dragover", function (event) {
    var target = column(event);
    unmark();
    if (!takes(target)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    target.classList.add("drop-target");
  });

  function refused(message) {
    var main = document.getElementById("main");
    var flash = document.createElement("div");
    flash.className = "flash flash-error";
    flash.setAttribute("role", "alert");
    flash.textContent = message;
    main.insertBefore(flash, main.firstChild);
  }

  document.addEventListener("drop", function (event) {
    var target = column(event);
    if (!takes(target)) return;
    event.preventDefault();
    var form = dragged.querySelector(".move-form");
    var select = stageSelect(dragged);
    select.value = target.getAttribute("data-stage");
    var question = closingQuestion(select);
    if (question && !window.confirm(question)) { select.value = ""; return; }
    var body = new URLSearchParams(new FormData(form));
    if (question) body.set("confirmed", "yes");
    // A move that works answers with a redirect: reload the board, which shows the card where it
    // is now. A refused move changed nothing: its page's message is shown on the board, and the
    // move is not sent again.
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.ok) { keepPlace(); window.location.reload(); return; }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          // The form's error if the page has one, else the error page's message.
          var message = page.querySelector(".error-summary li") || page.querySelector("main .lead");
          refused(message ? message.textContent : "The move was refused. Reload the board and try again.");
        });
      }, function () { refused("The move could not be sent. Check your connection and try again."); });
  });
})();
