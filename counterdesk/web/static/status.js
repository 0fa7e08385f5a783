// Keeps a ticket's status page current by polling its JSON status every data-refresh seconds.
// This file is the page's only script: the Content-Security-Policy forbids inline scripts.
// The server words every state (headline, detail, title), so nothing here is translated;
// when the ticket stops being live (finished, cancelled, expired) the page is reloaded to
// get the final page, with the rating form where there is one, and polling ends.
// A finished ticket's page following a case (data-cases: its stages when the page was made)
// polls too, less often, and is reloaded when a case moves, unless the citizen is typing in
// the rating form: that is sent first, and its answer is the new page.
(function () {
  "use strict";
  var body = document.body;
  var api = body.getAttribute("data-api");
  if (!api || !window.fetch) {
    return;
  }
  var seconds = Math.max(1, parseInt(body.getAttribute("data-refresh"), 10) || 5);
  var cases = body.getAttribute("data-cases");
  var typing = false;
  document.addEventListener("input", function () {
    typing = true;
  });

  function field(name) {
    return document.querySelector('[data-field="' + name + '"]');
  }

  // Only what changed is rewritten: a screen reader announces every rewrite of the status
  // (an aria-live region), even with the same words, which would repeat it at each poll.
  function setText(name, text) {
    var element = field(name);
    if (element && element.textContent !== (text || "")) {
      element.textContent = text || "";
    }
  }

  function setWords(name, words) {
    setText(name + "-zh", words && words.zh);
    setText(name + "-en", words && words.en);
  }

  function setHidden(name, hidden) {
    var element = field(name);
    if (element && element.hidden !== hidden) {
      element.hidden = hidden;
    }
  }

  function showCases(data) {
    if ((data.cases_seen || "") !== cases && !typing) {
      window.location.reload();
      return false;
    }
    setText("updated", data.updated);
    setHidden("offline", true);
    return true;
  }

  function show(data) {
    if (cases !== null) {
      return showCases(data);
    }
    // Not live any more, or a web number checked in (its code goes) or lapsed: the new page.
    if (!data.live || (data.check_in_by || "") !== (body.getAttribute("data-check-in-by") || "")) {
      window.location.reload();
      return false;
    }
    body.setAttribute("data-status", data.status);
    var panel = field("status");
    if (panel && panel.className !== "status state-" + data.status) {
      panel.className = "status state-" + data.status;
    }
    setWords("headline", data.headline);
    setWords("detail", data.detail);
    setHidden("detail", !data.detail);
    setHidden("watch", data.status !== "waiting"); // called: too late to be told
    setText("updated", data.updated);
    setHidden("offline", true);
    document.title = data.title;
    return true;
  }

  function schedule(delay) {
    window.setTimeout(poll, delay * 1000);
  }

  function poll() {
    fetch(api, { cache: "no-store", credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 404) {
          window.location.reload();
          return null;
        }
        if (response.status === 429) {
          schedule(Math.max(seconds, parseInt(response.headers.get("Retry-After"), 10) || 0));
          return null;
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json().then(function (data) {
          if (show(data)) {
            schedule(seconds);
          }
        });
      })
      .catch(function () {
        setHidden("offline", false);
        schedule(seconds);
      });
  }

  schedule(seconds);
})();
