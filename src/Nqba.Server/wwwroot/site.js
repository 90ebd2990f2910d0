// Progressive enhancement only: every page works without this file.
(function () {
  document.documentElement.classList.add("js");

  // The booking page shows times in the visitor's own zone: when the address names none, add the browser's.
  var booker = document.querySelector("[data-detect-zone]");
  if (booker) {
    var url = new URL(window.location.href);
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!url.searchParams.get("tz") && zone) {
      url.searchParams.set("tz", zone);
      window.location.replace(url.toString());
      return;
    }
  }

  // Selects marked data-autosubmit (time zone, filters) apply on change; their submit button stays for no-script use.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); }
    });
  });
})();
