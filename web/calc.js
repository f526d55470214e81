/* 医保转移指南: the calculators' main-thread script (plain ES2017, no build step, no framework).
 *
 * It binds every form[data-calculator] of the page, starts the Python runtime in a Web Worker
 * when the reader shows intent — focus on or input into a calculator's field, or submitting a
 * form — and never on page load or scrolling, so a reader who does not use a calculator
 * downloads none of it. With the browser's data saver on (navigator.connection.saveData) only
 * submitting a form starts the download. It shows the loading steps and megabytes in Chinese,
 * and renders what Python returns. No rule, label or message is computed here: the
 * rows, notes and error messages all come from calculators/web.py.
 *
 * sitegen/runtime/runtime_assets.py prepends `self.__ybCalcConfig = {...}` (file names and sizes of the
 * runtime and wheels) when it copies this file into the site, next to the runtime.
 */
(function () {
  "use strict";

  var config = self.__ybCalcConfig;
  var script = document.currentScript;
  if (!config || !script || self.__ybCalcMetrics) return; // not configured, or already running
  var BASE = new URL(".", script.src).href; // …/assets/calc/<version>/
  var OFFLINE = location.protocol === "file:";
  var STALL_MS = 45000; // no progress for this long counts as a failure
  // The memory snapshot (3.8 MB more) saves about 0.4 s of Python's start-up: it pays only
  // where those megabytes take less, on a link of about 80 Mbit/s or more (measured: on
  // "30 Mbit/s, 20 ms" wifi it made the first answer 0.8 s later, on "100 Mbit/s, 10 ms" 0.13 s
  // sooner). The link's speed is read from how fast the body of the page or of calc.js
  // arrived (Navigation/Resource Timing), in bytes per millisecond.
  var FAST_RATE = 10000;

  var STEPS = {
    download: { n: 1, text: "下载运行环境" },
    start: { n: 2, text: "启动 Python" },
    packages: { n: 3, text: "加载计算器" }
  };

  var state = "idle"; // idle | loading | ready | failed
  var worker = null;
  var blobURL = null;
  var stallTimer = null;
  var pending = {}; // id -> form
  var waiting = []; // forms submitted before the runtime was ready
  var nextId = 1;
  var boxes = [];
  var activeForm = null; // the calculator the reader last used
  // snapshot: whether the memory snapshot was fetched; rate: the speed (bytes/ms) the page's
  // own bytes arrived at, which decided it (null when an earlier page's choice was kept).
  var metrics = { requested: null, ready: null, timings: null, runs: [], snapshot: null, rate: null };
  self.__ybCalcMetrics = metrics; // read by the browser tests and the benchmark

  /* ---------- status: progress, failure, retry ---------- */

  function statusEls() {
    return boxes.map(function (form) { return form.querySelector("[data-status]"); }).filter(Boolean);
  }

  /* Every calculator shows the shared runtime's status, but only the one the reader is using
   * is announced by screen readers (the others are aria-live="off"). The announced text changes
   * once per step; the byte count sits next to it, outside the live region. */
  function eachStatus(fn) {
    statusEls().forEach(function (el) {
      var live = el.querySelector("[data-status-text]");
      if (live) live.setAttribute("aria-live", el.closest("form") === activeForm ? "polite" : "off");
      fn(el, live, el.querySelector("progress"), el.querySelector("[data-status-bytes]"), el.querySelector("[data-retry]"));
    });
  }

  function showProgress(step, loaded, total) {
    var info = STEPS[step];
    var words = "正在准备计算器：第 " + info.n + " 步（共 3 步），" + info.text + "…";
    var bytes = step === "download" && total
      ? "已下载 " + megabytes(Math.min(loaded, total)) + " MB，共 " + megabytes(total) + " MB"
      : "";
    var fraction = step === "download" && total ? Math.min(loaded / total, 1) : 1;
    eachStatus(function (el, text, bar, count, retry) {
      el.hidden = false;
      el.classList.remove("yb-status-failed");
      if (retry) retry.hidden = true;
      if (text && text.textContent !== words) text.textContent = words;
      if (count) count.textContent = bytes;
      if (bar) {
        bar.hidden = false;
        bar.value = Math.round(((info.n - 1) + fraction) / 3 * 100);
      }
    });
  }

  /* One decimal, in the same megabytes (10^6 bytes) as the size stated next to the forms. */
  function megabytes(n) {
    return (n / 1e6).toFixed(1);
  }

  function showReady() {
    eachStatus(function (el) {
      el.hidden = true;
    });
  }

  function showFailure(message, detail) {
    eachStatus(function (el, text, bar, count, retry) {
      el.hidden = false;
      el.classList.add("yb-status-failed");
      if (bar) bar.hidden = true;
      if (count) count.textContent = "";
      if (text) text.textContent = "计算器未能加载：" + message + "可以点击“重试”再试一次；如果仍然失败，请刷新页面，或换用新版的 Chrome、Edge、Firefox、Safari 浏览器。";
      if (retry) retry.hidden = false;
    });
    if (detail) console.warn("calculators:", detail);
  }

  /* ---------- loading the runtime ---------- */

  function armStall() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(function () {
      failLoading("下载或启动超时。", "no progress for " + STALL_MS + " ms");
    }, STALL_MS);
  }

  function failLoading(message, detail) {
    if (state !== "loading") return;
    state = "failed";
    clearTimeout(stallTimer);
    if (worker) worker.terminate();
    worker = null;
    if (blobURL) URL.revokeObjectURL(blobURL);
    blobURL = null;
    pending = {};
    showFailure(message, detail);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = function () { resolve(); };
      s.onerror = function () { s.remove(); reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  /* The files of the download, less the snapshot when it is not fetched. */
  function sizes(table, leave) {
    var out = {};
    Object.keys(table || {}).forEach(function (name) {
      if (name !== leave) out[name] = table[name];
    });
    return out;
  }

  /* Whether to fetch the snapshot: over HTTP, not with the data saver on, and only when the body
   * of the page or of calc.js came over the network (not from the cache) at FAST_RATE or more.
   * A body this small arrives in one go, so its speed is the link's, not the round trip's (a
   * page that arrives quickly over a slow link must not fetch it). The first page's choice is
   * kept (localStorage, per asset version): a later page then finds in the HTTP cache exactly
   * what the first one downloaded, and costs no runtime bytes. */
  function snapshotPays() {
    if (OFFLINE || !config.snapshot || saveData()) return false;
    var key = "yb-calc-snapshot:" + BASE;
    var kept = null;
    try { kept = localStorage.getItem(key); } catch (err) { /* storage blocked */ }
    if (kept === "1" || kept === "0") return kept === "1";
    var entries = performance.getEntriesByType
      ? performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource").filter(function (e) {
        return e.name === script.src;
      }))
      : [];
    // From the body's first byte to its last (timers are coarsened to 0.1 ms: a body that took
    // less counts as 0.1 ms). Under DevTools' throttling (the tests, `make bench`) that time
    // also carries the emulated latency, so every throttled profile reads as slow.
    var rates = entries.filter(function (e) {
      return e.transferSize > 0 && e.encodedBodySize > 2048 && e.responseEnd >= e.responseStart && e.responseStart > 0;
    })
      .map(function (e) { return e.encodedBodySize / Math.max(e.responseEnd - e.responseStart, 0.1); });
    if (!rates.length) return false;
    var rate = Math.round(Math.max.apply(null, rates));
    metrics.rate = rate;
    var pays = rate >= FAST_RATE;
    try { localStorage.setItem(key, pays ? "1" : "0"); } catch (err) { /* storage blocked */ }
    return pays;
  }

  function initMessage(embedded, snapshot) {
    var snapshotName = config.snapshot ? config.snapshot.slice(config.snapshot.lastIndexOf("/") + 1) : null;
    var leave = snapshot ? null : snapshotName;
    return {
      type: "init",
      indexURL: new URL(config.runtime, BASE).href,
      wheels: config.wheels.map(function (w) { return new URL(config.wheelDir + w, BASE).href; }),
      snapshot: snapshot ? new URL(config.snapshot, BASE).href : null,
      sizes: sizes(config.sizes, leave),
      wire: sizes(config.wire, leave),
      embedded: embedded
    };
  }

  /* Over HTTP, everything comes from the site itself. The blob first starts the downloads of
   * the binaries Python starts from, then loads pyodide.asm.js, pyodide.js and worker.js while
   * those arrive; the worker takes the started downloads over (worker.js, takeEarly) and fetches
   * the wheels once they are here (worker.js, fetchLater). */
  function httpWorker() {
    var runtime = new URL(config.runtime, BASE).href;
    var early = {};
    ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].forEach(function (name) {
      early[name] = runtime + name;
    });
    var snapshot = snapshotPays();
    metrics.snapshot = snapshot;
    if (snapshot) {
      var snapshotURL = new URL(config.snapshot, BASE).href;
      early[snapshotURL.slice(snapshotURL.lastIndexOf("/") + 1)] = snapshotURL;
    }
    var source =
      "(function (urls) {\n" +
      "  var early = self.__ybEarly = {};\n" +
      "  Object.keys(urls).forEach(function (name) {\n" +
      "    early[name] = fetch(urls[name]);\n" +
      "    early[name].catch(function () {}); // reported when the worker uses it\n" +
      "  });\n" +
      "})(" + JSON.stringify(early) + ");\n" +
      "importScripts(" + [runtime + "pyodide.asm.js", runtime + "pyodide.js", new URL("worker.js", BASE).href]
        .map(function (u) { return JSON.stringify(u); }).join(", ") + ");\n";
    return { source: Promise.resolve(source), init: Promise.resolve(initMessage(null, snapshot)) };
  }

  /* From file:// nothing can be fetched: the embed scripts hold every file as text or base64.
   * The blob carries pyodide.asm.js (so loadPyodide skips its dynamic import), pyodide.js and
   * the worker body; the binaries follow in the init message. The worker is started as soon as
   * the text is there, so it parses pyodide.asm.js while the binaries are still being read. */
  function offlineWorker() {
    var TEXT = ["pyodide.asm.js", "pyodide.js"];
    var workerBody = loadScript(new URL("worker.js", BASE).href);
    var isText = function (name) {
      return TEXT.some(function (t) { return name === "embed/" + t + ".js"; });
    };
    // Scripts run in insertion order: the text first, then the binaries.
    var order = config.embed.filter(isText).concat(config.embed.filter(function (n) { return !isText(n); }));
    var loads = order.map(function (name) { return loadScript(new URL(name, BASE).href); });
    var textLoads = [workerBody].concat(loads.slice(0, order.filter(isText).length));
    var source = Promise.all(textLoads).then(function () {
      var data = self.__ybEmbed || {};
      if (!data[TEXT[0]] || !data[TEXT[1]] || !self.__ybWorkerMain) throw new Error("offline embed incomplete");
      var text = data[TEXT[0]] + "\n;\n" + data[TEXT[1]] + "\n;\n(" + self.__ybWorkerMain.toString() + ")(self);\n";
      TEXT.forEach(function (t) { delete data[t]; });
      return text;
    });
    var init = Promise.all([source].concat(loads)).then(function () {
      var data = self.__ybEmbed || {};
      self.__ybEmbed = {}; // the worker keeps its own copy
      return initMessage(data, false);
    });
    return { source: source, init: init };
  }

  function startLoading() {
    if (state === "loading" || state === "ready") return;
    state = "loading";
    metrics.requested = performance.now();
    showProgress("download", 0, 0);
    armStall();
    var plan = OFFLINE ? offlineWorker() : httpWorker();
    var started = plan.source.then(function (source) {
      if (state !== "loading") return;
      blobURL = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      worker = new (window.__ybNativeWorker || window.Worker)(blobURL);
      worker.onmessage = onMessage;
      worker.onerror = function (event) {
        event.preventDefault();
        failLoading("运行环境出错。", event.message);
      };
    });
    Promise.all([started, plan.init]).then(function (results) {
      if (state !== "loading" || !worker) return;
      metrics.worker = performance.now();
      worker.postMessage(results[1]);
    }).catch(function (err) {
      failLoading(OFFLINE ? "离线包中的运行文件缺失或损坏。" : "无法创建后台计算线程。", String(err));
    });
  }

  /* Focus and input start the first load only, and not with the data saver on; after a
   * failure, the 重试 button (or submitting the form) starts the next attempt. */
  function saveData() {
    var connection = navigator.connection;
    return Boolean(connection && connection.saveData);
  }

  function autoStart() {
    if (state === "idle" && !saveData()) startLoading();
  }

  function onMessage(event) {
    var msg = event.data;
    if (msg.type === "progress") {
      if (state !== "loading") return;
      armStall();
      showProgress(msg.step, msg.loaded, msg.total);
    } else if (msg.type === "ready") {
      state = "ready";
      clearTimeout(stallTimer);
      metrics.ready = performance.now();
      metrics.timings = msg.timings;
      showReady();
      waiting.splice(0).forEach(submit);
    } else if (msg.type === "failed") {
      failLoading(msg.message, msg.detail);
    } else if (msg.type === "result") {
      var job = pending[msg.id];
      delete pending[msg.id];
      if (!job) return;
      render(job.form, msg.payload);
      var now = performance.now();
      metrics.runs.push({ calculator: job.form.dataset.calculator, ms: now - job.t, pythonMs: msg.ms, at: now });
      // For the tests and the benchmark: what was sent and what Python answered.
      job.form.dispatchEvent(new CustomEvent("yb:result", { bubbles: true, detail: { fields: job.fields, payload: msg.payload } }));
    }
  }

  /* ---------- forms ---------- */

  function fieldsOf(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === "checkbox") {
        if (el.checked) out[el.name] = "on";
      } else if (el.type === "radio") {
        if (el.checked) out[el.name] = el.value;
      } else if (el.value.trim() !== "") {
        out[el.name] = el.value.trim();
      }
    });
    return out;
  }

  function submit(form) {
    activeForm = form;
    if (state !== "ready") {
      if (waiting.indexOf(form) < 0) waiting.push(form);
      startLoading();
      return;
    }
    var id = nextId++;
    var fields = fieldsOf(form);
    if (form.hasAttribute("data-fragment") && self.history && history.replaceState) {
      // The inputs go after "#": browsers never send that part to a server. Today as the
      // device gave it stays out: whoever opens the link later computes with their own today.
      var shared = {};
      Object.keys(fields).forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (!(field && field.dataset && field.dataset.ybToday === fields[name])) shared[name] = fields[name];
      });
      history.replaceState(null, "", "#" + new URLSearchParams(shared).toString());
    }
    pending[id] = { form: form, fields: fields, t: performance.now() };
    form.setAttribute("aria-busy", "true");
    worker.postMessage({ type: "run", id: id, name: form.dataset.calculator, fields: fields });
  }

  function clearErrors(form) {
    var box = form.querySelector("[data-error]");
    box.hidden = true;
    box.textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var msg = document.getElementById(el.id + "-error");
      if (msg) {
        msg.hidden = true;
        msg.textContent = "";
      }
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function valueNode(row) {
    if (row.type === "date" || row.type === "estimate") {
      var t = el("time", null, row.text || row.value);
      t.setAttribute("datetime", row.value);
      if (row.type === "date") return t;
      // An estimate never reads as a bare date: its own style, and the range it may move within.
      var wrap = el("span", "yb-estimate");
      t.setAttribute("data-estimate", "");
      wrap.appendChild(t);
      if (row.detail) wrap.appendChild(el("small", "yb-estimate-range", row.detail));
      return wrap;
    }
    return el(row.type === "status" ? "strong" : "span", "yb-value-" + row.type, row.text || row.value);
  }

  /* The weeks of a working-day count, as calculators/web.py lays them out (count_calendar). */
  function countCalendar(picture) {
    var box = el("div", "yb-count");
    picture.segments.forEach(function (segment, index) {
      var table = el("table", "yb-count-table");
      table.appendChild(el("caption", null, index === 0 ? picture.caption : "（续）"));
      var head = el("tr");
      picture.weekdays.forEach(function (name) {
        var th = el("th", null, name);
        th.setAttribute("scope", "col");
        head.appendChild(th);
      });
      table.appendChild(el("thead")).appendChild(head);
      var body = table.appendChild(el("tbody"));
      segment.weeks.forEach(function (week) {
        var tr = body.appendChild(el("tr"));
        week.forEach(function (cell) {
          var td = tr.appendChild(el("td"));
          if (!cell) return;
          td.className = "yb-day yb-day-" + cell.kind + (cell.estimated ? " yb-day-estimated" : "") +
            (cell.deadline ? " yb-day-deadline" : "");
          td.setAttribute("data-date", cell.date);
          var shown = td.appendChild(el("span", "yb-day-face"));
          shown.setAttribute("aria-hidden", "true");
          shown.appendChild(el("span", "yb-day-num", (cell.month || "") + cell.day));
          if (cell.out) shown.appendChild(el("span", "yb-day-count", "出" + cell.out));
          if (cell["in"]) shown.appendChild(el("span", "yb-day-count", "入" + cell["in"]));
          td.appendChild(el("span", "yb-sr", cell.label));
        });
      });
      box.appendChild(table);
    });
    var legend = box.appendChild(el("ul", "yb-count-legend"));
    picture.legend.forEach(function (item) {
      var li = legend.appendChild(el("li"));
      var swatch = li.appendChild(el("span", "yb-swatch yb-day-" + item.kind));
      swatch.setAttribute("aria-hidden", "true");
      li.appendChild(document.createTextNode(item.label));
    });
    return box;
  }

  /* The planner's numbered checklist: ol[data-steps] > li[data-step], dates as <time>. */
  function stepsList(steps) {
    var box = el("div", "yb-plan-steps");
    box.appendChild(el("h3", null, "按顺序要办的事"));
    var list = box.appendChild(el("ol", "yb-steps"));
    list.setAttribute("data-steps", "");
    steps.forEach(function (step) {
      var li = list.appendChild(el("li"));
      li.setAttribute("data-step", step.code);
      li.appendChild(el("span", "yb-step-title", step.title));
      if (step.due) {
        var due = li.appendChild(el("span", "yb-step-due", "日期："));
        var t = due.appendChild(el("time", null, step.due_text));
        t.setAttribute("datetime", step.due);
      }
      if (step.basis) {
        // What the step rests on, its grade in words (calculators/registry/plan.py step_basis).
        li.appendChild(el("span", "yb-step-basis" + (step.grade ? " yb-grade-" + step.grade : ""), step.basis));
      } else if (step.cites && step.cites.length) {
        li.appendChild(el("span", "yb-step-cites", "依据：" + step.cites.join("；")));
      }
    });
    return box;
  }

  /* The months of the plan, in order, with what happens in each. */
  function timeline(months) {
    var box = el("div", "yb-timeline-box");
    box.appendChild(el("h3", null, "按月份看"));
    var list = box.appendChild(el("ol", "yb-timeline"));
    months.forEach(function (month) {
      var li = list.appendChild(el("li", month.gap ? "yb-month yb-month-gap" : "yb-month"));
      li.setAttribute("data-month", month.month);
      li.appendChild(el("span", "yb-month-label", month.label));
      if (month.marks.length) li.appendChild(el("span", "yb-month-marks", month.marks.join("；")));
    });
    return box;
  }

  /* The full list, folded on screen under a button (print always shows it, calc.css). */
  function sourcesList(sources) {
    var box = el("div", "yb-plan-sources yb-folded");
    box.appendChild(el("h3", null, "依据和来源"));
    var list = el("ol");
    list.id = "yb-plan-sources-" + nextId++;
    var toggle = box.appendChild(el("button", "yb-sources-toggle", "展开全部 " + sources.length + " 条来源"));
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", list.id);
    toggle.addEventListener("click", function () {
      var open = box.classList.toggle("yb-folded") === false;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? "收起来源" : "展开全部 " + sources.length + " 条来源";
    });
    box.appendChild(list);
    sources.forEach(function (source) {
      var li = list.appendChild(el("li"));
      li.setAttribute("data-source", source.id);
      li.appendChild(el("strong", null, source.title));
      li.appendChild(document.createTextNode("：" + (source.document_text || source.document) + (source.article ? " " + source.article : "") + "（"));
      li.appendChild(el("span", "yb-grade yb-grade-" + source.grade, source.grade_text));
      li.appendChild(document.createTextNode("）"));
      var a = li.appendChild(el("a", null, source.url));
      a.href = source.url;
      a.rel = "noopener noreferrer nofollow";
    });
    return box;
  }

  /* A table Python laid out: {caption, columns, rows, footer}. */
  function dataTable(spec) {
    var box = el("div", "yb-table-box");
    // It scrolls sideways on a phone: a keyboard must reach it too (a named, focusable region).
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", spec.caption);
    var table = box.appendChild(el("table", "yb-data-table"));
    table.appendChild(el("caption", null, spec.caption));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    spec.columns.forEach(function (name) {
      var th = head.appendChild(el("th", null, name));
      th.setAttribute("scope", "col");
    });
    var body = table.appendChild(el("tbody"));
    spec.rows.forEach(function (cells) {
      var tr = body.appendChild(el("tr"));
      cells.forEach(function (text, i) {
        var cell = tr.appendChild(el(i === 0 ? "th" : "td", null, text));
        if (i === 0) cell.setAttribute("scope", "row");
      });
    });
    if (spec.footer) {
      var foot = table.appendChild(el("tfoot")).appendChild(el("tr"));
      spec.footer.forEach(function (text, i) {
        var cell = foot.appendChild(el(i === 0 ? "th" : "td", null, text));
        if (i === 0) cell.setAttribute("scope", "row");
      });
    }
    return box;
  }

  function render(form, payload) {
    form.removeAttribute("aria-busy");
    clearErrors(form);
    var result = form.querySelector("[data-result]");
    result.textContent = "";
    if (payload.error) {
      result.hidden = true;
      var box = form.querySelector("[data-error]");
      box.textContent = payload.error.message;
      box.hidden = false;
      var field = payload.error.field && form.elements.namedItem(payload.error.field);
      if (field && field.id) {
        field.setAttribute("aria-invalid", "true");
        var msg = document.getElementById(field.id + "-error");
        if (msg) {
          msg.textContent = payload.error.message;
          msg.hidden = false;
        }
      }
      return;
    }
    var list = el("dl", "yb-rows");
    payload.rows.forEach(function (row) {
      var item = el("div", "yb-row yb-row-" + row.type);
      item.appendChild(el("dt", null, row.label));
      var dd = el("dd");
      dd.appendChild(valueNode(row));
      item.appendChild(dd);
      list.appendChild(item);
    });
    result.appendChild(list);
    if (payload.calendar) result.appendChild(countCalendar(payload.calendar));
    if (payload.table) result.appendChild(dataTable(payload.table));
    if (payload.steps) result.appendChild(stepsList(payload.steps));
    if (payload.timeline && payload.timeline.length) result.appendChild(timeline(payload.timeline));
    if (payload.sources) result.appendChild(sourcesList(payload.sources));
    if (form.hasAttribute("data-fragment")) {
      // For a printed or saved plan: the day it was computed (the reader's own clock).
      var now = new Date();
      var stamp = result.appendChild(el("p", "yb-computed", "本规划生成于 "));
      var iso = localToday();
      var t = stamp.appendChild(el("time", null, now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日（星期" +
        "日一二三四五六".charAt(now.getDay()) + "）"));
      t.setAttribute("datetime", iso);
      stamp.appendChild(document.createTextNode("，网址："));
      var link = stamp.appendChild(el("a", "yb-url", location.href));
      link.href = location.href;
    }
    if (payload.problems && payload.problems.length) {
      var problems = el("ul", "yb-problems");
      payload.problems.forEach(function (p) {
        var item = el("li", null, p.message);
        item.setAttribute("data-code", p.code);
        problems.appendChild(item);
      });
      result.appendChild(problems);
    }
    if (payload.notes && payload.notes.length) {
      var notes = el("ul", "yb-notes");
      payload.notes.forEach(function (note) { notes.appendChild(el("li", null, note)); });
      result.appendChild(notes);
    }
    result.hidden = false;
  }

  /* The reader's own date as "YYYY-MM-DD" (the device's local day, not UTC's). */
  function localToday() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }

  /* Every 「今天」 field starts at the device's date (reset keeps it: it is the default value); the
   * reader may change it. Python still receives it as a field, never reads a clock itself. */
  function fillToday(form) {
    var field = form.elements.namedItem("today");
    if (!field || field.type !== "date" || field.value) return;
    var today = localToday();
    field.defaultValue = today;
    field.value = today;
    field.dataset.ybToday = today;
  }

  /* A shared link (#from=442000&to=110000&…) fills the form and computes it. */
  function restoreFromFragment(form) {
    if (!form.hasAttribute("data-fragment") || location.hash.length < 2) return false;
    var params = new URLSearchParams(location.hash.slice(1));
    var restored = false;
    params.forEach(function (value, name) {
      var field = form.elements.namedItem(name);
      if (!field || !field.name) return;
      if (field.type === "checkbox") field.checked = value === "on";
      else field.value = value;
      restored = true;
    });
    return restored;
  }

  function bind(form) {
    if (form.dataset.ybBound) return;
    form.dataset.ybBound = "1";
    boxes.push(form);
    fillToday(form);
    if (restoreFromFragment(form)) setTimeout(function () { submit(form); }, 0);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(form);
    });
    ["focusin", "input"].forEach(function (type) {
      form.addEventListener(type, function (event) {
        // A field (input, select, textarea), not a button or the form's text.
        if (!event.target.name || event.target.type === "submit") return;
        activeForm = form;
        autoStart();
      }, { passive: true });
    });
    form.addEventListener("click", function (event) {
      var retry = event.target.closest("[data-retry]");
      if (!retry) return;
      event.preventDefault();
      startLoading();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-calculator]"), bind);
    boxes = boxes.filter(function (form) { return document.contains(form); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Material for MkDocs' instant navigation swaps page content without reloading scripts.
  if (self.document$ && typeof self.document$.subscribe === "function") self.document$.subscribe(init);
})();
