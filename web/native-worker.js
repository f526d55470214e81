/* Loaded before Material's iframe-worker shim in the offline build. Under file:// that shim
   replaces window.Worker (so Material's search works without a server); the calculators need the
   browser's own Worker for their blob-URL worker, so it is kept here first. */
window.__ybNativeWorker = window.Worker;
