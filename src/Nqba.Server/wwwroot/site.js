// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.add("js");

  // The booking page shows times in the visitor's own zone: when the address names none, add the browser's.
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var booker = document.querySelector("[data-detect-zone]");
  if (booker) {
    var url = new URL(window.location.href);
    if (!url.searchParams.get("tz") && zone) {
      url.searchParams.set("tz", zone);
      window.location.replace(url.toString());
      return;
    }
  }

  // Links into the booking pages carry the zone already, which saves the visitor the reload above.
  if (zone) {
    document.querySelectorAll("a[href^='/book/']").forEach(function (link) {
      var target = new URL(link.href);
      if (!target.searchParams.get("tz")) {
        target.searchParams.set("tz", zone);
        link.href = target.pathname + target.search + target.hash;
      }
    });
  }

  // Selects marked data-autosubmit (time zone, filters) apply on change; their submit button stays for no-script use.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); }
    });
  });

  // The pipeline board: drag a deal card onto another stage to move it. The drop sets the card's own move form and
  // submits it, so the server checks the gates and versions as for the form; Lost asks for its reason in that form.
  var board = document.querySelector("[data-board]");
  if (board) {
    var dragged = null;
    board.querySelectorAll(".deal-card").forEach(function (card) {
      card.addEventListener("dragstart", function (e) {
        dragged = card;
        card.classList.add("dragging");
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", card.getAttribute("data-deal"));
      });
      card.addEventListener("dragend", function () { card.classList.remove("dragging"); dragged = null; });
    });
    board.querySelectorAll("[data-stage]").forEach(function (column) {
      column.addEventListener("dragover", function (e) { if (dragged) { e.preventDefault(); column.classList.add("drop-target"); } });
      column.addEventListener("dragleave", function () { column.classList.remove("drop-target"); });
      column.addEventListener("drop", function (e) {
        e.preventDefault();
        column.classList.remove("drop-target");
        if (!dragged || column.contains(dragged)) { return; }
        var form = dragged.querySelector("form.deal-move");
        var stage = column.getAttribute("data-stage");
        form.querySelector("select[name=Stage]").value = stage;
        var reason = form.querySelector("input[name=Reason]");
        if (stage === "lost" && !reason.value) { reason.required = true; reason.focus(); return; }
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  }
})();
