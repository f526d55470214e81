/* 医保转移指南: the city chooser (plain ES2017, no framework), the WAI-ARIA 1.2 combobox pattern
 * (an input with a list box popup), for every input[data-chooser="cities"] of the page.
 *
 * A native <datalist> cannot do this in every engine: it matches what is typed against the
 * option's text only, so "beijing" could never find 北京市 without the pinyin in the label, and
 * each engine filters and shows the list its own way. Here the reader may type the characters
 * (北京, 北京市, 大理州), the full pinyin (beijing, chongqing as 重庆 is read) or its initials
 * (bj); the places and their keys come from places.js next to this file (sitegen.runtime_assets
 * compiles them with pypinyin at build time), loaded as a classic script the first time a reader
 * focuses a chooser, so it works from file:// and asks no other host for anything.
 *
 * Keys: ArrowDown/ArrowUp move through the offers (and open them), Enter takes the highlighted
 * one, Escape closes the list, Tab leaves as usual. The input keeps the focus throughout
 * (aria-activedescendant), and a polite live region says how many cities are offered.
 *
 * It also sends the city page's small plan form (form[data-plan-go]) to the planner with the
 * two cities after "#", where calc.js restores the form and computes the plan.
 */
(function () {
  "use strict";

  if (self.__ybChooser) {
    if (self.__ybChooser.init) self.__ybChooser.init();
    return;
  }
  var script = document.currentScript;
  if (!script) return;
  var BASE = new URL(".", script.src).href;
  var MAX_OFFERS = 8;
  var CJK = /[\u3400-\u9fff]/;
  var places = null;
  var loading = null;
  var nextId = 1;
  var api = { init: init, ready: function () { return load(); } };
  self.__ybChooser = api;

  function load() {
    if (places) return Promise.resolve(places);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = new URL("places.js", BASE).href;
        s.onload = function () {
          places = (self.__ybPlaces || []).map(function (row, index) {
            return {
              code: row[0], name: row[1], short: row[2], province: row[3], initials: row[4],
              pinyin: row[5], alt: row[5].replace(/v/g, "u"), order: index
            };
          });
          resolve(places);
        };
        s.onerror = function () {
          loading = null;
          s.remove();
          reject(new Error("cannot load places.js"));
        };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  /* What was typed, as the keys are written: no spaces, apostrophes or dots, lower case, ü as v. */
  function normal(text) {
    var t = String(text || "");
    if (t.normalize) t = t.normalize("NFKC");
    return t.toLowerCase().replace(/[\s'’·.\-]/g, "").replace(/ü/g, "v");
  }

  /* How well a place answers the query: a smaller rank is better; -1 for no match. */
  function rank(place, q) {
    if (CJK.test(q)) {
      var bare = q.length > 1 ? q.replace(/(市|地区|州|盟)$/, "") : q;
      if (place.name === q || place.short === q || place.short === bare) return 0;
      if (place.name.indexOf(q) === 0 || place.short.indexOf(bare) === 0) return 1;
      if (place.name.indexOf(q) >= 0) return 2;
      if (place.province.indexOf(q) === 0 || place.province.indexOf(bare) === 0) return 3;
      return -1;
    }
    if (!/^[a-z]+$/.test(q)) return place.code === q ? 0 : -1;
    var full = q.length > 3 ? q.replace(/shi$/, "") : q;
    if (place.pinyin === q || place.pinyin === full || place.alt === q || place.alt === full) return 0;
    if (place.initials === q) return 1;
    if (place.pinyin.indexOf(q) === 0 || place.alt.indexOf(q) === 0) return 2;
    if (place.initials.indexOf(q) === 0) return 3;
    return -1;
  }

  function offers(text) {
    var q = normal(text);
    if (!q || !places) return [];
    var found = [];
    places.forEach(function (place) {
      var r = rank(place, q);
      if (r >= 0) found.push([r, place]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1].order - b[1].order; });
    return found.slice(0, MAX_OFFERS).map(function (pair) { return pair[1]; });
  }

  function make(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function bind(input) {
    if (input.dataset.ybChooserBound) return;
    input.dataset.ybChooserBound = "1";
    var id = input.id || ("yb-chooser-" + nextId++);
    input.id = id;
    var list = make("ul", "yb-chooser-list");
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "可选的城市");
    list.hidden = true;
    var live = make("span", "yb-sr");
    live.setAttribute("aria-live", "polite");
    var host = input.parentNode;
    host.classList.add("yb-chooser");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", live);
    input.removeAttribute("list");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    var shown = [];
    var active = -1;
    var choosing = false;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        if (items[active].scrollIntoView) items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var place = shown[index];
      if (!place) return;
      input.value = place.name;
      close();
      live.textContent = "已选择" + place.name;
      choosing = true; // the events below tell calc.js and others; they must not reopen the list
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      choosing = false;
    }

    function open(text) {
      shown = offers(text);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      shown.forEach(function (place, index) {
        var item = make("li", "yb-chooser-option");
        item.id = list.id + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-code", place.code);
        // Read as 「石家庄市，河北省」 (the two spans would run together).
        item.setAttribute("aria-label", place.province !== place.name ? place.name + "，" + place.province : place.name);
        item.appendChild(make("span", "yb-chooser-name", place.name));
        if (place.province !== place.name) item.appendChild(make("span", "yb-chooser-province", place.province));
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(index); });
        list.appendChild(item);
      });
      var any = shown.length > 0;
      list.hidden = !any;
      input.setAttribute("aria-expanded", any ? "true" : "false");
      live.textContent = normal(text) ? (any ? "有 " + shown.length + " 个城市可选，用上下方向键选择" : "没有找到这个城市") : "";
    }

    function refresh() {
      if (places) open(input.value);
      else load().then(function () { if (document.activeElement === input) open(input.value); }, function () {});
    }

    input.addEventListener("focus", function () { load().catch(function () {}); });
    input.addEventListener("input", function (event) {
      if (!choosing) refresh();
    });
    input.addEventListener("blur", function () { close(); });
    input.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "ArrowDown" || key === "Down" || key === "ArrowUp" || key === "Up") {
        event.preventDefault();
        if (list.hidden) {
          if (!places) { refresh(); return; }
          open(input.value);
          if (list.hidden) return;
        }
        var down = key === "ArrowDown" || key === "Down";
        var n = shown.length;
        highlight(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      } else if (key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        } else if (!list.hidden && shown.length === 1) {
          event.preventDefault();
          choose(0);
        }
      } else if (key === "Escape" || key === "Esc") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });
  }

  /* The city page's plan form: this city on one side, the chosen one on the other, sent after "#". */
  function bindPlanGo(form) {
    if (form.dataset.ybPlanBound) return;
    form.dataset.ybPlanBound = "1";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var here = form.getAttribute("data-plan-go");
      var other = form.elements.namedItem("other").value.trim();
      var out = form.querySelector('input[name="direction"]:checked');
      var params = new URLSearchParams();
      if (!out || out.value === "from") {
        params.set("from", here);
        params.set("to", other);
      } else {
        params.set("from", other);
        params.set("to", here);
      }
      var target = new URL(form.getAttribute("action"), location.href);
      target.search = "";
      target.hash = params.toString();
      location.href = target.href;
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-chooser="cities"]'), bind);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-plan-go]"), bindPlanGo);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (self.document$ && typeof self.document$.subscribe === "function") self.document$.subscribe(init);
})();
