// Opens one page in Firefox ESR over WebDriver BiDi (puppeteer-core, no browser download) and
// runs an in-page async function on it; prints {"value", "errors"} as one JSON line.
//
//   node tests/e2e/firefox_page.mjs '{"url": …, "proxy": "127.0.0.1:PORT", "script": "async () => …"}'
//
// Every request, 127.0.0.1 included, goes through the proxy (tests/e2e/recording_proxy.py),
// which records it; the browser's own background services are switched off.
import puppeteer from "puppeteer-core";

const { url, proxy, script, timeout = 120000 } = JSON.parse(process.argv[2]);
const [host, port] = proxy.split(":");
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: "/usr/bin/firefox-esr",
  headless: true,
  protocolTimeout: timeout,
  // Lets services.settings.server below take effect in a release build (Remote Settings).
  env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
  extraPrefsFirefox: {
    "network.proxy.type": 1,
    "network.proxy.http": host,
    "network.proxy.http_port": Number(port),
    "network.proxy.ssl": host,
    "network.proxy.ssl_port": Number(port),
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "browser.safebrowsing.update.enabled": false,
    "extensions.getAddons.cache.enabled": false,
    "services.settings.server": "data:,#remote-settings-dummy/v1", // as Marionette sets it
    "app.update.enabled": false,
  },
});
const errors = [];
let value = null;
try {
  const page = await browser.newPage();
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(url, { waitUntil: "load", timeout });
  value = await page.evaluate(`(${script})()`);
} catch (err) {
  errors.push(String(err && err.stack ? err.stack : err));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ value, errors }));
