// NQBA live chat widget: <script src="https://HOST/chat/widget.js" data-region="europe" data-lang="de"></script>
// Plain JavaScript; loads the SignalR client from the same host and talks to its visitor hub.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__nqbaChat) { return; }
  window.__nqbaChat = true;
  var base = new URL(script.src, document.baseURI).origin;
  var region = script.getAttribute("data-region") || "us-east";
  var lang = (script.getAttribute("data-lang") || (navigator.language || "en")).slice(0, 2);
  if (["en", "de", "ja"].indexOf(lang) < 0) { lang = "en"; }
  var text = {
    en: { open: "Chat with us", title: "Support chat", name: "Your name", email: "Your e-mail", start: "Start chat", send: "Send",
          human: "Talk to a person", transcript: "E-mail transcript", sent: "Transcript sent.", typing: "typing…", read: "read", placeholder: "Type a message…", close: "Close" },
    de: { open: "Chatten Sie mit uns", title: "Support-Chat", name: "Ihr Name", email: "Ihre E-Mail", start: "Chat starten", send: "Senden",
          human: "Mit einer Person sprechen", transcript: "Verlauf per E-Mail", sent: "Verlauf gesendet.", typing: "schreibt…", read: "gelesen", placeholder: "Nachricht eingeben…", close: "Schließen" },
    ja: { open: "チャットで問い合わせ", title: "サポートチャット", name: "お名前", email: "メールアドレス", start: "チャット開始", send: "送信",
          human: "担当者と話す", transcript: "記録をメールで送る", sent: "記録を送信しました。", typing: "入力中…", read: "既読", placeholder: "メッセージを入力…", close: "閉じる" }
  }[lang];

  function visitorToken() {
    var key = "nqba-chat-visitor";
    var token = localStorage.getItem(key);
    if (!token) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      token = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      localStorage.setItem(key, token);
    }
    return token;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (k === "style") { node.style.cssText = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var button = el("button", { type: "button", "data-nqba": "open", text: text.open,
    style: "position:fixed;right:20px;bottom:20px;z-index:2147483000;padding:10px 16px;border:0;border-radius:20px;background:#1d4ed8;color:#fff;font:14px sans-serif;cursor:pointer" });
  var log = el("div", { "data-nqba": "log", role: "log", "aria-live": "polite", style: "flex:1;overflow-y:auto;padding:8px;font:14px sans-serif" });
  var status = el("div", { "data-nqba": "status", style: "min-height:16px;padding:0 8px;color:#666;font:12px sans-serif" });
  var input = el("textarea", { "data-nqba": "input", rows: "2", maxlength: "2000", placeholder: text.placeholder, style: "flex:1;font:14px sans-serif" });
  var send = el("button", { type: "button", "data-nqba": "send", text: text.send });
  var human = el("button", { type: "button", "data-nqba": "human", text: text.human });
  var transcript = el("button", { type: "button", "data-nqba": "transcript", text: text.transcript });
  var nameInput = el("input", { "data-nqba": "name", placeholder: text.name, maxlength: "200", autocomplete: "name" });
  var emailInput = el("input", { "data-nqba": "email", type: "email", placeholder: text.email, maxlength: "320", autocomplete: "email" });
  var startButton = el("button", { type: "button", "data-nqba": "start", text: text.start });
  var form = el("div", { style: "display:flex;flex-direction:column;gap:6px;padding:8px" }, [nameInput, emailInput, startButton]);
  var composer = el("div", { style: "display:none;flex-direction:column;gap:4px;padding:8px;border-top:1px solid #ddd" }, [
    el("div", { style: "display:flex;gap:4px" }, [input, send]), el("div", { style: "display:flex;gap:4px" }, [human, transcript])]);
  var closeButton = el("button", { type: "button", "aria-label": text.close, text: "×", style: "border:0;background:none;color:#fff;font-size:18px;cursor:pointer" });
  var panel = el("section", { "data-nqba": "panel", "aria-label": text.title,
    style: "display:none;position:fixed;right:20px;bottom:70px;z-index:2147483000;width:340px;height:460px;flex-direction:column;background:#fff;border:1px solid #ccc;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2)" }, [
    el("header", { style: "display:flex;justify-content:space-between;align-items:center;padding:8px;background:#1d4ed8;color:#fff;font:bold 14px sans-serif;border-radius:8px 8px 0 0" }, [el("span", { text: text.title }), closeButton]),
    log, status, form, composer]);
  document.body.appendChild(button);
  document.body.appendChild(panel);

  var token = visitorToken();
  var connection = null;
  var seen = {};
  var readAt = null;
  var typingTimer = null;
  var typingSent = false;

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var mine = message.sender === "Visitor";
    var bubble = el("div", { "data-nqba": "message", "data-sender": message.sender, "data-sent-at": message.sentAt,
      style: "margin:4px 0;padding:6px 10px;border-radius:10px;white-space:pre-wrap;max-width:85%;" + (mine ? "margin-left:auto;background:#dbeafe" : "background:#f3f4f6") }, [
      el("div", { style: "font-size:11px;color:#555", text: message.senderName }), el("div", { "data-nqba": "body", text: message.body })]);
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    if (!mine && panel.style.display !== "none") { markRead(); }
  }

  function markRead() {
    if (connection) { connection.invoke("MarkRead").catch(function () { }); }
  }

  function showRead(at) {
    readAt = at;
    Array.prototype.forEach.call(log.querySelectorAll('[data-sender="Visitor"]'), function (node) {
      if (node.getAttribute("data-sent-at") <= at && !node.querySelector("[data-nqba=read]")) {
        node.appendChild(el("div", { "data-nqba": "read", style: "font-size:10px;color:#555;text-align:right", text: text.read }));
      }
    });
  }

  function fail(error) { status.textContent = (error && error.message ? error.message : String(error)).replace(/^.*HubException: /, ""); }

  function loadClient(done) {
    if (window.signalR) { done(); return; }
    var tag = document.createElement("script");
    tag.src = base + "/lib/signalr/signalr.min.js";
    tag.onload = done;
    tag.onerror = function () { fail("Chat is unavailable."); };
    document.head.appendChild(tag);
  }

  function start(profile) {
    loadClient(function () {
      connection = new window.signalR.HubConnectionBuilder()
        .withUrl(base + "/hubs/support/visitor?visitor=" + encodeURIComponent(token), { withCredentials: false })
        .withAutomaticReconnect()
        .build();
      connection.on("Message", show);
      connection.on("Typing", function (typing) { status.textContent = typing ? text.typing : ""; });
      connection.on("Read", showRead);
      connection.on("Status", function (conversation) { panel.setAttribute("data-status", conversation.status); });
      var begin = function () {
        return connection.invoke("Start", { name: profile.name, email: profile.email, region: region, language: lang }).then(function (view) {
          localStorage.setItem("nqba-chat-profile", JSON.stringify(profile));
          panel.setAttribute("data-status", view.conversation.status);
          form.style.display = "none";
          composer.style.display = "flex";
          status.textContent = "";
          view.messages.forEach(show);
        });
      };
      connection.onreconnected(function () { begin().catch(fail); });
      connection.start().then(begin).catch(fail);
    });
  }

  function sendMessage() {
    var body = input.value.trim();
    if (!body || !connection) { return; }
    input.value = "";
    typingSent = false;
    connection.invoke("Send", body).catch(fail);
  }

  button.addEventListener("click", function () {
    panel.style.display = panel.style.display === "none" ? "flex" : "none";
    if (panel.style.display !== "none") { markRead(); }
  });
  closeButton.addEventListener("click", function () { panel.style.display = "none"; });
  startButton.addEventListener("click", function () { start({ name: nameInput.value.trim(), email: emailInput.value.trim() }); });
  send.addEventListener("click", sendMessage);
  input.addEventListener("keydown", function (e) { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendMessage(); } });
  input.addEventListener("input", function () {
    if (!connection) { return; }
    if (!typingSent) { typingSent = true; connection.invoke("Typing", true).catch(function () { }); }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typingSent = false; connection.invoke("Typing", false).catch(function () { }); }, 2000);
  });
  human.addEventListener("click", function () { if (connection) { connection.invoke("RequestHuman").catch(fail); } });
  transcript.addEventListener("click", function () {
    if (connection) { connection.invoke("EmailTranscript").then(function () { status.textContent = text.sent; }).catch(fail); }
  });

  var saved = localStorage.getItem("nqba-chat-profile");
  if (saved) {
    try { var profile = JSON.parse(saved); nameInput.value = profile.name || ""; emailInput.value = profile.email || ""; start(profile); } catch (e) { localStorage.removeItem("nqba-chat-profile"); }
  }
})();
