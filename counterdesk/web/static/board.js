// The browser board: follows /board/events (server-sent events) and redraws the calls, the
// staff, the recent calls and the waiting counts; keeps the clock; rotates the procedures;
// chimes a new call. The server words every line, so nothing here is translated. The page's
// only script: the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";
  var body = document.body;
  var address = body.getAttribute("data-events");
  var zone = body.getAttribute("data-zone") || undefined;
  var HIGHLIGHT_MS = 8000; // as the Qt board
  var ROTATE_MS = 12000;
  var WEEKDAYS_ZH = "日一二三四五六";
  var CHIME_NOTES = [[659.25, 0.45], [523.25, 0.75]]; // the Qt board's chime (devices/sound.py)
  var lastCall = null; // the newest call's event id shown; null until the first picture
  var timers = {};
  var audio = null;

  function field(root, name) {
    return root.querySelector('[data-field="' + name + '"]');
  }

  function setText(root, name, text) {
    var element = field(root, name);
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  // -- the live picture ---------------------------------------------------------------------

  function highlight(counter) {
    var row = document.querySelector('.row[data-counter="' + counter + '"]');
    if (!row) {
      return;
    }
    row.classList.add("called");
    window.clearTimeout(timers[counter]);
    timers[counter] = window.setTimeout(function () {
      row.classList.remove("called");
    }, HIGHLIGHT_MS);
  }

  function show(picture) {
    picture.counters.forEach(function (line) {
      var row = document.querySelector('.row[data-counter="' + line.counter + '"]');
      if (row) {
        setText(row, "calling", line.calling || "—");
        var booked = Boolean(line.appointment && line.calling);
        field(row, "mark").hidden = !booked;
        row.classList.toggle("booked", booked);
        setText(row, "staff", line.staff);
        setText(row, "deputy", line.deputy);
        row.classList.toggle("closed", !line.open && !line.calling);
      }
    });
    var items = field(document, "recent").children;
    for (var i = 0; i < items.length; i++) {
      var call = picture.recent[i];
      items[i].textContent = call ? call.number + "  →  " + call.counter : "";
    }
    Object.keys(picture.waiting).forEach(function (code) {
      var tile = document.querySelector('.tile[data-service="' + code + '"]');
      if (tile) {
        setText(tile, "waiting", String(picture.waiting[code]));
      }
    });
    field(document, "offline").hidden = picture.online;
    if (!picture.counters.length) {
      return; // nothing read yet (the database unreachable): today's calls are not new
    }
    var fresh = picture.recent.filter(function (c) {
      return lastCall !== null && c.id > lastCall;
    });
    fresh.reverse().forEach(function (c) {
      highlight(c.counter);
    });
    if (fresh.length) {
      chime();
    }
    lastCall = picture.recent.reduce(function (newest, c) {
      return Math.max(newest, c.id);
    }, lastCall || 0);
  }

  // -- the stream, reconnected with back-off --------------------------------------------------

  var delay = 1000;

  function connect() {
    var source = new EventSource(address);
    source.onmessage = function (message) {
      delay = 1000;
      show(JSON.parse(message.data));
    };
    source.onerror = function () {
      // The browser retries a dropped stream itself; a refused one (429, 503) it gives up:
      // then wait, longer each time, up to a minute.
      field(document, "offline").hidden = false;
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, 60000);
      }
    };
  }

  // -- the clock and the procedures -------------------------------------------------------------

  function parts(format, date) {
    var found = {};
    format.formatToParts(date).forEach(function (part) {
      found[part.type] = part.value;
    });
    return found;
  }

  var numeric = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, year: "numeric", month: "numeric", day: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short",
  });
  var english = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, weekday: "long", day: "2-digit", month: "long", year: "numeric",
  });
  var WEEK = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  function tick() {
    var now = new Date();
    var p = parts(numeric, now);
    var e = parts(english, now);
    setText(document, "time", p.hour + ":" + p.minute);
    setText(document, "date-zh", p.year + "年" + parseInt(p.month, 10) + "月" + parseInt(p.day, 10) + "日 星期" +
      WEEKDAYS_ZH[WEEK.indexOf(p.weekday)]);
    setText(document, "date-en", e.weekday + " " + e.day + " " + e.month + " " + e.year);
  }

  var rotation = 0;

  function rotate() {
    var panels = document.querySelectorAll(".procedure");
    rotation = (rotation + 1) % panels.length;
    for (var i = 0; i < panels.length; i++) {
      panels[i].hidden = i !== rotation;
    }
  }

  // -- the chime ----------------------------------------------------------------------------

  function soundButton() {
    return field(document, "sound");
  }

  function unlock() {
    if (!audio) {
      return;
    }
    audio.resume().then(function () {
      soundButton().hidden = audio.state === "running";
    });
  }

  function chime() {
    if (!audio || audio.state !== "running") {
      return;
    }
    var start = audio.currentTime + 0.02;
    CHIME_NOTES.forEach(function (note) {
      var length = note[1];
      [[1, 1], [2, 0.3]].forEach(function (harmonic) {  // a touch of the octave: bell-like
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.frequency.value = note[0] * harmonic[0];
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.linearRampToValueAtTime(0.25 * harmonic[1], start + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + length);
      });
      start += length;
    });
  }

  var Context = window.AudioContext || window.webkitAudioContext;
  if (Context) {
    audio = new Context();
    soundButton().hidden = audio.state === "running";
    ["click", "touchend", "keydown"].forEach(function (kind) {
      document.addEventListener(kind, unlock);
    });
  }

  tick();
  window.setInterval(tick, 1000);
  window.setInterval(rotate, ROTATE_MS);
  if (address && window.EventSource) {
    connect();
  }
})();
