// NQBA agent chat console: live list of conversations, accept, answer, typing/read state, article suggestions.
(function () {
  "use strict";
  var root = document.querySelector("[data-console=root]");
  if (!root || !window.signalR) { return; }
  var label = function (name) { return root.getAttribute("data-label-" + name) || name; };
  var list = root.querySelector("[data-console=list]");
  var messages = root.querySelector("[data-console=messages]");
  var input = root.querySelector("[data-console=input]");
  var send = root.querySelector("[data-console=send]");
  var close = root.querySelector("[data-console=close]");
  var state = root.querySelector("[data-console=state]");
  var suggestions = root.querySelector("[data-console=suggestions]");
  var conversations = {};
  var current = null;
  var typingSent = false;
  var typingTimer = null;
  var suggestTimer = null;

  var connection = new window.signalR.HubConnectionBuilder().withUrl("/hubs/support/agent").withAutomaticReconnect().build();

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function renderList() {
    list.textContent = "";
    var items = Object.keys(conversations).map(function (id) { return conversations[id]; })
      .filter(function (c) { return c.status === "Bot" || c.status === "Waiting" || c.status === "Active"; })
      .sort(function (a, b) { return (a.status === "Waiting" ? 0 : 1) - (b.status === "Waiting" ? 0 : 1) || (b.lastActivityAt > a.lastActivityAt ? 1 : -1); });
    if (items.length === 0) { list.appendChild(el("li", {}, label("empty"))); }
    items.forEach(function (c) {
      var item = el("li", { "data-conversation-id": c.id, "data-status": c.status, "class": c.id === current ? "current" : "" });
      var open = el("button", { type: "button", "data-console": "open" }, c.visitorName + " · " + c.regionCode + " · " + c.language);
      open.addEventListener("click", function () { select(c.id); });
      item.appendChild(open);
      item.appendChild(el("span", { "class": "status" }, " " + label("status-" + c.status.toLowerCase())));
      if (c.status === "Waiting" && c.firstResponseDueAt) {
        // The live-chat first-response clock (support-countdown.js ticks every element with data-due).
        var due = /([zZ]|[+-]\d\d:\d\d)$/.test(c.firstResponseDueAt) ? c.firstResponseDueAt : c.firstResponseDueAt + "Z";
        item.appendChild(el("span", { "class": "muted", "data-sla": "first-response" }, " " + label("first-response") + " "));
        item.appendChild(el("span", { "class": "countdown", "data-due": due, "data-overdue": label("overdue") }, ""));
      }
      if (c.status === "Waiting" || c.status === "Bot") {
        var accept = el("button", { type: "button", "data-console": "accept" }, label("accept"));
        accept.addEventListener("click", function () {
          connection.invoke("Accept", c.id).then(function (view) { upsert(view.conversation); select(c.id, view); }).catch(fail);
        });
        item.appendChild(accept);
      }
      list.appendChild(item);
    });
  }

  function upsert(conversation) { conversations[conversation.id] = conversation; renderList(); }

  function showMessage(m) {
    if (m.conversationId !== current || messages.querySelector('[data-message-id="' + m.id + '"]')) { return; }
    var row = el("li", { "data-message-id": m.id, "data-sender": m.sender });
    row.appendChild(el("strong", {}, m.senderName + ": "));
    row.appendChild(el("span", { "data-console": "body" }, m.body));
    messages.appendChild(row);
    messages.scrollTop = messages.scrollHeight;
  }

  function select(id, view) {
    current = id;
    messages.textContent = "";
    state.textContent = "";
    suggestions.textContent = "";
    renderList();
    var load = view ? Promise.resolve(view) : connection.invoke("Open", id);
    load.then(function (v) { v.messages.forEach(showMessage); connection.invoke("MarkRead", id).catch(function () { }); }).catch(fail);
  }

  function fail(error) { state.textContent = (error && error.message ? error.message : String(error)).replace(/^.*HubException: /, ""); }

  function sendMessage() {
    var body = input.value.trim();
    if (!body || !current) { return; }
    input.value = "";
    typingSent = false;
    connection.invoke("Send", current, body).catch(fail);
  }

  function suggest() {
    var c = conversations[current];
    var draft = input.value.trim();
    if (!c || draft.length < 3) { suggestions.textContent = ""; return; }
    connection.invoke("Suggest", draft, c.language).then(function (articles) {
      suggestions.textContent = "";
      articles.forEach(function (a) {
        var item = el("li", { "data-console": "suggestion" });
        item.appendChild(el("a", { href: "/support/kb/" + a.id, target: "_blank", rel: "noopener" }, a.title));
        item.appendChild(el("span", {}, " (" + a.visibility + ")"));
        suggestions.appendChild(item);
      });
    }).catch(function () { });
  }

  connection.on("Conversation", upsert);
  connection.on("Message", function (m) {
    showMessage(m);
    if (m.conversationId === current && m.sender === "Visitor") { connection.invoke("MarkRead", current).catch(function () { }); }
  });
  connection.on("Typing", function (id, typing) { if (id === current) { state.textContent = typing ? label("typing") : ""; } });
  connection.on("Read", function (id) { if (id === current) { state.textContent = label("read"); } });

  send.addEventListener("click", sendMessage);
  close.addEventListener("click", function () { if (current) { connection.invoke("Close", current).then(upsert).catch(fail); } });
  input.addEventListener("keydown", function (e) { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendMessage(); } });
  input.addEventListener("input", function () {
    if (current && !typingSent) { typingSent = true; connection.invoke("Typing", current, true).catch(function () { }); }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typingSent = false; if (current) { connection.invoke("Typing", current, false).catch(function () { }); } }, 2000);
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 300);
  });

  function loadList() {
    return connection.invoke("List").then(function (items) {
      conversations = {};
      items.forEach(function (c) { conversations[c.id] = c; });
      renderList();
      root.setAttribute("data-connected", "true");
    });
  }

  connection.onreconnected(function () { loadList().catch(fail); });
  connection.start().then(loadList).catch(fail);
  setInterval(function () { connection.invoke("Ping").catch(function () { }); }, 30000);
})();
