/* 医保转移指南: the calculators' main-thread script (plain ES2017, no build step, no framework).
 *
 * It binds every form[data-calculator] of the page, starts the Python runtime in a Web Worker
 * on the reader's first interaction with a calculator (focus, input, click) or when a
 * calculator is scrolled into view — never on plain page load — shows the loading steps in
 * Chinese, and renders what Python returns. No rule, label or message is computed here: the
 * rows, notes and error messages all come from calculators/web.py.
 *
 * sitegen/runtime_assets.py prepends `self.__ybCalcConfig = {...}` (file names and sizes of the
 * runtime and wheels) when it copies this file into the site, next to the runtime.
 */
(function () {
  "use strict";

  var config = self.__ybCalcConfig;
  var script = document.currentScript;
  if (!config || !script) return;
  var BASE = new URL(".", script.src).href; // …/assets/calc/<version>/
  var OFFLINE = location.protocol === "file:";
  var STALL_MS = 45000; // no progress for this long counts as a failure

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
  var scrolled = false;
  var metrics = { requested: null, ready: null, timings: null, runs: [] };
  self.__ybCalcMetrics = metrics; // read by the browser tests and the benchmark

  /* ---------- status: progress, failure, retry ---------- */

  function statusEls() {
    return boxes.map(function (form) { return form.querySelector("[data-status]"); }).filter(Boolean);
  }

  function showProgress(step, loaded, total) {
    var info = STEPS[step];
    statusEls().forEach(function (el) {
      el.hidden = false;
      el.classList.remove("yb-status-failed");
      var text = el.querySelector("[data-status-text]");
      var bar = el.querySelector("progress");
      var retry = el.querySelector("[data-retry]");
      if (retry) retry.hidden = true;
      var words = "正在准备计算器：第 " + info.n + " 步（共 3 步），" + info.text;
      if (step === "download" && total) {
        words += "，" + (loaded / 1048576).toFixed(1) + " / " + (total / 1048576).toFixed(1) + " MB";
      }
      if (text) text.textContent = words + "…";
      if (bar) {
        bar.hidden = false;
        var fraction = step === "download" && total ? Math.min(loaded / total, 1) : 1;
        bar.max = 100;
        bar.value = Math.round(((info.n - 1) + fraction) / 3 * 100);
      }
    });
  }

  function showReady() {
    statusEls().forEach(function (el) {
      el.hidden = true;
    });
  }

  function showFailure(message, detail) {
    statusEls().forEach(function (el) {
      el.hidden = false;
      el.classList.add("yb-status-failed");
      var text = el.querySelector("[data-status-text]");
      var bar = el.querySelector("progress");
      var retry = el.querySelector("[data-retry]");
      if (bar) bar.hidden = true;
      if (text) text.textContent = "计算器未能加载：" + message + " 可以点击“重试”再试一次；如果仍然失败，请刷新页面或换用新版 Chrome、Edge、Firefox 或 Safari 浏览器。";
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

  function sizes() {
    var out = {};
    Object.keys(config.sizes).forEach(function (name) {
      if (name !== "pyodide.asm.js" && name !== "pyodide.js") out[name] = config.sizes[name];
    });
    return out;
  }

  /* Over HTTP: the blob only pulls pyodide.js and worker.js from the site itself. */
  function httpWorker() {
    var runtime = new URL(config.runtime, BASE).href;
    var source = "importScripts(" + JSON.stringify(runtime + "pyodide.js") + ", " +
      JSON.stringify(new URL("worker.js", BASE).href) + ");\n";
    return Promise.resolve({
      source: source,
      init: {
        type: "init",
        indexURL: runtime,
        wheels: config.wheels.map(function (w) { return new URL(config.wheelDir + w, BASE).href; }),
        sizes: sizes(),
        embedded: null
      }
    });
  }

  /* From file:// nothing can be fetched: the embed scripts hold every file as text or base64.
   * The blob carries pyodide.asm.js (so loadPyodide skips its dynamic import), pyodide.js and
   * the worker body; the binaries are handed over in the init message. */
  function offlineWorker() {
    var scripts = config.embed.map(function (name) { return new URL(name, BASE).href; });
    scripts.push(new URL("worker.js", BASE).href);
    return Promise.all(scripts.map(loadScript)).then(function () {
      var data = self.__ybEmbed || {};
      var text = ["pyodide.asm.js", "pyodide.js"].map(function (n) { return data[n]; });
      if (!text[0] || !text[1] || !self.__ybWorkerMain) throw new Error("offline embed incomplete");
      var embedded = {};
      Object.keys(data).forEach(function (name) {
        if (name !== "pyodide.asm.js" && name !== "pyodide.js") embedded[name] = data[name];
      });
      self.__ybEmbed = {}; // the worker keeps its own copy
      var runtime = new URL(config.runtime, BASE).href;
      return {
        source: text[0] + "\n;\n" + text[1] + "\n;\n(" + self.__ybWorkerMain.toString() + ")(self);\n",
        init: {
          type: "init",
          indexURL: runtime,
          wheels: config.wheels.map(function (w) { return new URL(config.wheelDir + w, BASE).href; }),
          sizes: sizes(),
          embedded: embedded
        }
      };
    });
  }

  function startLoading() {
    if (state === "loading" || state === "ready") return;
    state = "loading";
    metrics.requested = performance.now();
    showProgress("download", 0, 0);
    armStall();
    (OFFLINE ? offlineWorker() : httpWorker()).then(function (plan) {
      if (state !== "loading") return;
      blobURL = URL.createObjectURL(new Blob([plan.source], { type: "text/javascript" }));
      worker = new Worker(blobURL);
      worker.onmessage = onMessage;
      worker.onerror = function (event) {
        event.preventDefault();
        failLoading("运行环境出错。", event.message);
      };
      worker.postMessage(plan.init);
    }).catch(function (err) {
      failLoading(OFFLINE ? "离线包中的运行文件缺失或损坏。" : "无法创建后台计算线程。", String(err));
    });
  }

  /* Interaction and scrolling start the first load only; after a failure, the 重试 button
   * (or submitting the form) starts the next attempt. */
  function autoStart() {
    if (state === "idle") startLoading();
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
      metrics.runs.push({ calculator: job.form.dataset.calculator, ms: performance.now() - job.t, pythonMs: msg.ms });
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
    if (state !== "ready") {
      if (waiting.indexOf(form) < 0) waiting.push(form);
      startLoading();
      return;
    }
    var id = nextId++;
    var fields = fieldsOf(form);
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
    if (row.type === "date") {
      var t = el("time", null, row.text || row.value);
      t.setAttribute("datetime", row.value);
      return t;
    }
    return el(row.type === "status" ? "strong" : "span", "yb-value-" + row.type, row.text || row.value);
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

  function bind(form) {
    if (form.dataset.ybBound) return;
    form.dataset.ybBound = "1";
    boxes.push(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(form);
    });
    ["focusin", "input", "click", "pointerdown", "keydown"].forEach(function (type) {
      form.addEventListener(type, autoStart, { passive: true });
    });
    form.addEventListener("click", function (event) {
      var retry = event.target.closest("[data-retry]");
      if (!retry) return;
      event.preventDefault();
      startLoading();
    });
    if (self.IntersectionObserver) {
      var observer = new IntersectionObserver(function (entries) {
        // Being visible when the page opens does not count; scrolling it into view does.
        if (!scrolled) return;
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          autoStart();
        }
      }, { rootMargin: "0px 0px 100px 0px" });
      observer.observe(form);
      form.__ybObserver = observer;
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-calculator]"), bind);
    boxes = boxes.filter(function (form) { return document.contains(form); });
  }

  window.addEventListener("scroll", function onScroll() {
    if (scrolled) return;
    scrolled = true;
    // Re-observe so a calculator that is already on screen is reported again after the scroll.
    boxes.forEach(function (form) {
      if (form.__ybObserver) {
        form.__ybObserver.unobserve(form);
        form.__ybObserver.observe(form);
      }
    });
  }, { passive: true });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Material for MkDocs' instant navigation swaps page content without reloading scripts.
  if (self.document$ && typeof self.document$.subscribe === "function") self.document$.subscribe(init);
})();
