/* 医保转移指南: the body of the calculators' Web Worker (plain ES2017, no build step).
 *
 * The page never loads this file as a worker directly: calc.js builds the worker from a blob.
 *   - Over HTTP the blob first starts the downloads of the large files (self.__ybEarly: name ->
 *     Promise<Response>), then runs importScripts(<site>/…/runtime/pyodide.asm.js, pyodide.js,
 *     worker.js), so the runtime's JavaScript is parsed while the binaries are on their way and
 *     loadPyodide skips its own import of pyodide.asm.js; this file then starts listening.
 *   - From file:// the page loads this file as a classic <script>; it then only exposes
 *     self.__ybWorkerMain, whose source text calc.js puts into the blob after the text of
 *     pyodide.asm.js and pyodide.js (taken from the offline embed scripts).
 *
 * Start-up: Python boots from the trimmed standard library; the wheels are written to
 * /lib/wheels/ and imported from there as zip files (zipimport: nothing to unpack; Pyodide's
 * loadPackage would need modules the trimmed library leaves out). When the page hands over a
 * memory snapshot (calc.js does on a fast link only; sitegen/runtime/runtime_assets.py,
 * web/make_snapshot.mjs) Python is restored from it instead, with the calculators already
 * imported and the wheels already on sys.path: only their files are written again, as they
 * arrive. If the snapshot cannot be used, Python boots normally.
 *
 * Protocol (main thread -> worker):
 *   {type: "init", indexURL, wheels: [url...], snapshot: url|null, sizes: {name: bytes},
 *    wire: {name: compressed bytes}, embedded: {name: base64}|null}
 *   {type: "run", id, name, fields}
 * Worker -> main thread:
 *   {type: "progress", step: "download"|"start"|"packages", loaded, total}
 *   {type: "ready", timings}         timings.transfer: {file name: bytes received, as sent}
 *   {type: "result", id, payload, ms}      payload is what calculators.web.handle returned
 *   {type: "failed", message, detail}
 *
 * Every rule, label and message comes from Python (calculators/web.py); this file only moves
 * data. All files come from the URLs the page hands over (the site's own host) or, in the
 * offline bundle, from the embedded copies: no other host is ever contacted.
 */
(function (root) {
  "use strict";

  function workerMain(scope) {
    var realFetch = scope.fetch ? scope.fetch.bind(scope) : null;
    var early = scope.__ybEarly || {}; // name -> Promise<Response>, started by the blob (HTTP)
    var embedded = null; // name -> base64 text (offline bundle)
    var sources = {}; // name -> Promise<Uint8Array>, the file's content (inflated if gzip)
    var sizes = {}; // name -> bytes once decoded (what the worker's fetch counts)
    var wire = {}; // name -> bytes as sent compressed (what the reader is told)
    var loaded = {};
    var awaited = []; // files whose arrival ends the download step
    var step = "download";
    var failed = false;
    var attempt = "snapshot"; // or "plain": which start-up is under way
    var handle = null;
    var queue = [];
    var WHEELS = "/lib/wheels/"; // as in web/make_snapshot.mjs: the snapshot's sys.path holds these
    var later = []; // wheel URLs: fetched once the runtime's own files are here (see fetchLater)
    var t0 = Date.now();
    var timings = {};

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

    function respond(name, bytes) {
      return new Response(bytes, { status: 200, headers: { "Content-Type": contentType(name) } });
    }

    function sum(table) {
      var n = 0;
      for (var k in table) n += table[k];
      return n;
    }

    /* The bytes received so far, counted as sent: each file's decoded bytes scaled by its
     * compressed size (the server sends the brotli copy; fetch hands over decoded bytes). */
    function sumWire(table) {
      var n = 0;
      for (var k in table) n += sizes[k] && wire[k] ? table[k] * wire[k] / sizes[k] : table[k];
      return Math.round(n);
    }

    function setStep(next) {
      timings[step] = Date.now() - t0;
      step = next;
      post({ type: "progress", step: next });
      if (next !== "download") fetchLater();
    }

    /* The wheels are needed only once Python has started, so they do not share the line with the
     * wasm and the standard library, which Python cannot start without: fetched when those are
     * here, they arrive while Python starts (on "4G" 76 KB take 0.07 s plus a round trip; the
     * start takes longer). */
    function fetchLater() {
      later.splice(0).forEach(function (url) { source(baseName(url), url); });
    }

    /* `complete`: the file is all here whatever its size in transit (embedded, gzip). */
    function reportBytes(name, n, complete) {
      loaded[name] = complete ? Math.max(sizes[name] || 0, n) : (loaded[name] || 0) + n;
      if (step !== "download") return;
      post({ type: "progress", step: "download", loaded: sumWire(loaded), total: sumWire(sizes) });
      // Once the runtime's own files are here, what remains is starting the interpreter
      // (which keeps this thread busy until it is done).
      var done = awaited.every(function (f) { return loaded[f] >= (sizes[f] || 1); });
      if (done) setStep("start");
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

    /* The download the blob already started for this file, once; else null. */
    function takeEarly(name) {
      var pending = early[name] || null;
      delete early[name];
      return pending;
    }

    function decodeBase64(b64) {
      if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
      var bin = scope.atob(b64);
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    }

    /* Our own gzip-compressed files (the snapshot; every binary of the offline embed) start
     * with the gzip magic bytes; a server's Content-Encoding is already undone by fetch. */
    function inflate(bytes) {
      if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
      // A stream of the bytes themselves: WebKit cannot read a Blob's stream in a worker that a
      // file:// page started ("NotReadableError"), which is how the offline bundle runs.
      var source = new scope.ReadableStream({
        start: function (controller) {
          controller.enqueue(bytes);
          controller.close();
        }
      });
      var stream = source.pipeThrough(new scope.DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
    }

    /* The content of one file, fetched (or decoded) once. An `optional` file (the snapshot)
     * that cannot be had only rejects: the ordinary start-up does without it. */
    function source(name, url, optional) {
      if (sources[name]) return sources[name];
      var bytes;
      if (embedded) {
        if (!embedded[name]) {
          if (!optional) fail("离线包不完整，缺少运行文件。", "missing " + name);
          return Promise.reject(new Error("offline bundle lacks " + name));
        }
        var data = decodeBase64(embedded[name]);
        embedded[name] = null;
        sources[name] = inflate(data).then(function (content) {
          timings["got " + name] = Date.now() - t0;
          reportBytes(name, content.byteLength, true);
          return content;
        });
        return sources[name];
      } else {
        bytes = (takeEarly(name) || realFetch(url)).then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
          return counted(name, response).arrayBuffer();
        }).then(function (buf) { return new Uint8Array(buf); });
        bytes.catch(function (err) {
          if (!optional) fail("无法下载运行环境文件。", String(err));
        });
      }
      sources[name] = bytes.then(inflate).then(function (content) {
        timings["got " + name] = Date.now() - t0;
        return content;
      });
      return sources[name];
    }

    /* Every fetch Pyodide makes (lock file, stdlib, wasm, wheels) passes through here. */
    scope.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      var name = baseName(url);
      if (embedded || sources[name]) {
        return source(name, url).then(function (bytes) { return respond(name, bytes); });
      }
      return (takeEarly(name) || realFetch(input, init)).then(function (response) {
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

    /* Pyodide's snapshot header (0.29: uint32 magic, heap offset, JSON length, …): a file that
     * does not look like one would make the wasm memory the wrong size and hang the start, so
     * it is refused here (loadPyodide then rejects before creating the module) and the
     * ordinary start-up is used instead. */
    var SNAPSHOT_MAGIC = 1886286592;
    var WASM_PAGE = 65536;

    function checkSnapshot(bytes) {
      var ok = bytes.byteLength >= 48 && bytes.byteLength % 4 === 0;
      if (ok) {
        var head = new Uint32Array(bytes.buffer, bytes.byteOffset, 3);
        ok = head[0] === SNAPSHOT_MAGIC && head[1] >= 48 && head[1] < bytes.byteLength &&
          (bytes.byteLength - head[1]) % WASM_PAGE === 0;
      }
      if (!ok) throw new Error("not a Pyodide memory snapshot (bad magic number or size)");
      return bytes;
    }

    function start(msg, snapshot) {
      var options = {
        indexURL: msg.indexURL,
        stdout: function () {},
        stderr: function (line) { console.warn(line); }
      };
      if (snapshot) options._loadSnapshot = snapshot;
      return scope.loadPyodide(options).then(function (pyodide) {
        timings.runtime = Date.now() - t0;
        if (step === "download") setStep("start");
        setStep("packages");
        return pyodide;
      });
    }

    /* The wheels' files in WHEELS (a snapshot restore starts with an empty file system). */
    function writeWheels(pyodide, wheels) {
      return Promise.all(wheels.map(function (url) { return source(baseName(url), url); })).then(function (list) {
        pyodide.FS.mkdirTree(WHEELS);
        list.forEach(function (bytes, i) { pyodide.FS.writeFile(WHEELS + baseName(wheels[i]), bytes); });
        return pyodide;
      });
    }

    /* A fresh start: the wheels' files, then each on sys.path (imported as zips, in name order). */
    function mountWheels(pyodide, wheels) {
      return writeWheels(pyodide, wheels).then(function () {
        pyodide.runPython(
          "import os as _os, sys as _sys\n" +
          "_sys.path[:0] = sorted(" + JSON.stringify(WHEELS) + " + _n for _n in _os.listdir(" + JSON.stringify(WHEELS) + "))\n" +
          "del _os, _sys\n"
        );
        return pyodide;
      });
    }

    function boot(msg) {
      sizes = msg.sizes || {};
      wire = msg.wire || {};
      embedded = msg.embedded;
      var snapshotName = msg.snapshot ? baseName(msg.snapshot) : null;
      awaited = ["pyodide.asm.wasm", "python_stdlib.zip"].concat(snapshotName ? [snapshotName] : []);
      // The runtime's scripts came before this file ran (importScripts, or the blob's text).
      ["pyodide.asm.js", "pyodide.js"].forEach(function (name) { if (sizes[name]) loaded[name] = sizes[name]; });
      post({ type: "progress", step: "download", loaded: sumWire(loaded), total: sumWire(sizes) });
      later = msg.wheels.slice();
      var snapshot = snapshotName ? source(snapshotName, msg.snapshot, true).then(checkSnapshot) : null;
      if (!snapshot) attempt = "plain";
      var ready = snapshot
        ? start(msg, snapshot).then(function (pyodide) {
          timings.snapshot = true;
          // Not on the way to the first answer: the snapshot holds every module already.
          writeWheels(pyodide, msg.wheels).catch(function (err) { console.warn("calculators: wheels not written:", err); });
          return pyodide;
        }).catch(function (err) {
          if (failed) throw err;
          // A snapshot this browser cannot restore: boot Python the ordinary way.
          console.warn("calculators: snapshot not used:", err);
          timings.snapshot = String(err);
          attempt = "plain";
          return start(msg, null).then(function (pyodide) { return mountWheels(pyodide, msg.wheels); });
        })
        : start(msg, null).then(function (pyodide) { return mountWheels(pyodide, msg.wheels); });
      return ready.then(function (pyodide) {
        handle = pyodide.pyimport("calculators.web").handle_json;
        timings.ready = Date.now() - t0;
        timings.transfer = transferred();
        post({ type: "ready", timings: timings });
      });
    }

    /* Bytes this worker received so far, per file name, as sent (Resource Timing's transferSize:
     * compressed body and headers; 0 for a file the HTTP cache answered). */
    function transferred() {
      var out = {};
      var entries = scope.performance && scope.performance.getEntriesByType ? scope.performance.getEntriesByType("resource") : [];
      entries.forEach(function (e) {
        var name = baseName(e.name);
        out[name] = (out[name] || 0) + (e.transferSize || 0);
      });
      return out;
    }

    function run(msg) {
      var t = Date.now();
      var payload;
      try {
        payload = JSON.parse(handle(msg.name, JSON.stringify(msg.fields)));
      } catch (err) {
        payload = {
          error: { code: "internal", field: null, message: "计算时出现程序错误，请把输入的内容反馈给我们。" },
          detail: String(err)
        };
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
      // Reported here, through the page's message, not as an anonymous console error. While
      // the snapshot is tried, its failure is answered by the ordinary start-up.
      event.preventDefault();
      if (failed) return;
      if (attempt === "snapshot" && !handle) console.warn("calculators:", event.reason);
      else fail("Python 运行环境启动失败。", event.reason);
    });
  }

  var inWorker = typeof root.WorkerGlobalScope !== "undefined" && root instanceof root.WorkerGlobalScope;
  if (inWorker) workerMain(root);
  else root.__ybWorkerMain = workerMain;
})(self);
