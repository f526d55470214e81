/* 医保转移指南: the body of the calculators' Web Worker (plain ES2017, no build step).
 *
 * The page never loads this file as a worker directly: calc.js builds the worker from a blob.
 *   - Over HTTP the blob runs importScripts(<site>/…/runtime/pyodide.js, <site>/…/worker.js),
 *     so this file executes inside the worker and starts listening.
 *   - From file:// the page loads this file as a classic <script>; it then only exposes
 *     self.__ybWorkerMain, whose source text calc.js puts into the blob after the text of
 *     pyodide.asm.js and pyodide.js (taken from the offline embed scripts).
 *
 * Protocol (main thread -> worker):
 *   {type: "init", indexURL, wheels: [url...], sizes: {name: bytes}, embedded: {name: base64}|null}
 *   {type: "run", id, name, fields}
 * Worker -> main thread:
 *   {type: "progress", step: "download"|"start"|"packages", loaded, total}
 *   {type: "ready", timings}
 *   {type: "result", id, payload}          payload is what calculators.web.handle returned
 *   {type: "failed", message, detail}
 *
 * Every rule, label and message comes from Python (calculators/web.py); this file only moves
 * data. All files are fetched from the URLs the page hands over (the site's own host), or, in
 * the offline bundle, served from the embedded copies: no other host is ever contacted.
 */
(function (root) {
  "use strict";

  function workerMain(scope) {
    var realFetch = scope.fetch ? scope.fetch.bind(scope) : null;
    var embedded = null; // name -> Uint8Array (offline bundle)
    var prefetched = {}; // name -> Promise<ArrayBuffer> (wheels, fetched while Python boots)
    var sizes = {};
    var loaded = {};
    var step = "download";
    var failed = false;
    var handle = null;
    var queue = [];
    var t0 = Date.now();
    var timings = {};

    var RUNTIME_BINARIES = ["pyodide.asm.wasm", "python_stdlib.zip"];
    var TYPES = {
      wasm: "application/wasm",
      json: "application/json",
      js: "text/javascript",
      zip: "application/zip",
      whl: "application/zip"
    };

    function post(msg) {
      scope.postMessage(msg);
    }

    function fail(message, detail) {
      if (failed) return;
      failed = true;
      post({ type: "failed", message: message, detail: String(detail || "") });
    }

    function baseName(url) {
      var clean = String(url).split("#")[0].split("?")[0];
      return clean.slice(clean.lastIndexOf("/") + 1);
    }

    function contentType(name) {
      return TYPES[name.slice(name.lastIndexOf(".") + 1)] || "application/octet-stream";
    }

    function total() {
      var sum = 0;
      for (var k in sizes) sum += sizes[k];
      return sum;
    }

    function reportBytes(name, n) {
      loaded[name] = (loaded[name] || 0) + n;
      var got = 0;
      for (var k in loaded) got += loaded[k];
      if (step !== "download") return;
      post({ type: "progress", step: "download", loaded: got, total: total() });
      // The wasm is compiled while it streams in; once the runtime's own files are all here,
      // what remains is starting the interpreter (which keeps this thread busy until done).
      var runtimeDone = RUNTIME_BINARIES.every(function (n) {
        return loaded[n] >= (sizes[n] || 1);
      });
      if (runtimeDone) setStep("start");
    }

    /* Counts the bytes of a response as they arrive, without giving up streaming compilation. */
    function counted(name, response) {
      if (!response.body || !scope.ReadableStream) return response;
      var reader = response.body.getReader();
      var stream = new scope.ReadableStream({
        pull: function (controller) {
          return reader.read().then(function (r) {
            if (r.done) {
              controller.close();
              return;
            }
            reportBytes(name, r.value.byteLength);
            controller.enqueue(r.value);
          }, function (err) {
            fail("下载运行环境时网络中断。", name + ": " + err);
            controller.error(err);
          });
        }
      });
      return new Response(stream, { status: response.status, headers: response.headers });
    }

    function served(name, bytes) {
      reportBytes(name, bytes.byteLength);
      return new Response(bytes, { status: 200, headers: { "Content-Type": contentType(name) } });
    }

    /* Every fetch Pyodide makes (lock file, stdlib, wasm, wheels) passes through here. */
    scope.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      var name = baseName(url);
      if (embedded) {
        if (embedded[name]) return Promise.resolve(served(name, embedded[name]));
        var missing = new TypeError("离线包中没有文件 " + name);
        fail("离线包不完整，缺少运行文件。", missing.message);
        return Promise.reject(missing);
      }
      if (prefetched[name]) {
        return prefetched[name].then(function (buf) {
          return new Response(buf, { status: 200, headers: { "Content-Type": contentType(name) } });
        });
      }
      return realFetch(input, init).then(function (response) {
        if (!response.ok) {
          fail("无法下载运行环境文件（HTTP " + response.status + "）。", url);
          return response;
        }
        return counted(name, response);
      }, function (err) {
        fail("无法下载运行环境，请检查网络连接。", url + ": " + err);
        throw err;
      });
    };

    function prefetch(url) {
      var name = baseName(url);
      prefetched[name] = realFetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
        return response.arrayBuffer();
      }).then(function (buf) {
        reportBytes(name, buf.byteLength);
        return buf;
      });
      prefetched[name].catch(function (err) {
        fail("无法下载计算器程序包。", String(err));
      });
    }

    function decode(b64) {
      if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
      var bin = scope.atob(b64);
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    }

    function setStep(next) {
      timings[step] = Date.now() - t0;
      step = next;
      post({ type: "progress", step: next });
    }

    function boot(msg) {
      sizes = msg.sizes || {};
      if (msg.embedded) {
        embedded = {};
        for (var k in msg.embedded) embedded[k] = decode(msg.embedded[k]);
      } else {
        msg.wheels.forEach(prefetch);
      }
      post({ type: "progress", step: "download", loaded: 0, total: total() });
      var started = scope.loadPyodide({
        indexURL: msg.indexURL,
        stdout: function () {},
        stderr: function (line) { console.warn(line); }
      });
      return started.then(function (pyodide) {
        timings.runtime = Date.now() - t0;
        if (step === "download") setStep("start");
        setStep("packages");
        return pyodide.loadPackage(msg.wheels, {
          messageCallback: function () {},
          errorCallback: function (m) { console.warn(m); }
        }).then(function () {
          timings.loadPackage = Date.now() - t0;
          pyodide.runPython("import calculators.web");
          var module = pyodide.pyimport("calculators.web");
          handle = module.handle_json;
          timings.ready = Date.now() - t0;
          post({ type: "ready", timings: timings });
        });
      });
    }

    function run(msg) {
      var t = Date.now();
      var payload;
      try {
        payload = JSON.parse(handle(msg.name, JSON.stringify(msg.fields)));
      } catch (err) {
        payload = { error: { code: "internal", field: null, message: "计算时出现程序错误，请把输入的日期告诉我们。" }, detail: String(err) };
      }
      post({ type: "result", id: msg.id, payload: payload, ms: Date.now() - t });
    }

    scope.addEventListener("message", function (event) {
      var msg = event.data;
      if (msg.type === "init") {
        t0 = Date.now();
        boot(msg).then(function () {
          queue.splice(0).forEach(run);
        }, function (err) {
          fail("Python 运行环境启动失败。", err && err.stack ? err.stack : err);
        });
      } else if (msg.type === "run") {
        if (handle) run(msg);
        else queue.push(msg);
      }
    });
    scope.addEventListener("unhandledrejection", function (event) {
      fail("Python 运行环境启动失败。", event.reason);
    });
  }

  var inWorker = typeof root.WorkerGlobalScope !== "undefined" && root instanceof root.WorkerGlobalScope;
  if (inWorker) workerMain(root);
  else root.__ybWorkerMain = workerMain;
})(self);
