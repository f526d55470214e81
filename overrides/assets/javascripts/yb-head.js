/* Material for MkDocs' inline scripts (partials/javascripts/base.html and content.html, 9.8.1),
 * as a file: the Content-Security-Policy of the site runs no inline script.
 *
 * __md_scope is the site's root URL, under which Material keeps its localStorage entries. Material
 * computes it from the page's base URL; this file lives two folders below the root
 * (assets/javascripts/), so the root is "../.." from this script's own URL — the same URL over
 * http(s) and from file://.
 */
__md_scope = new URL("../..", document.currentScript.src);
__md_hash = (e) => [...e].reduce((h, c) => (h << 5) - h + c.charCodeAt(0), 0);
__md_get = (e, store = localStorage, scope = __md_scope) =>
  JSON.parse(store.getItem(scope.pathname + "." + e));
__md_set = (e, value, store = localStorage, scope = __md_scope) => {
  try {
    store.setItem(scope.pathname + "." + e, JSON.stringify(value));
  } catch (error) { /* storage full or disabled: Material works without it */ }
};
/* A fragment naming a content tab opens that tab (Material's content.html). */
document.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
});
