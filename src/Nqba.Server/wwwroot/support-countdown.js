// Live SLA countdowns on the support pages: every element with data-due (ISO 8601) shows the time left.
(function () {
  function format(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var text = (d ? d + "d " : "") + (d || h ? h + "h " : "") + m + "m " + (r < 10 ? "0" : "") + r + "s";
    return text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var left = Date.parse(el.getAttribute("data-due")) - now;
      el.textContent = left >= 0 ? format(left) : (el.getAttribute("data-overdue") || "overdue") + " " + format(left);
      el.classList.toggle("overdue", left < 0);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
