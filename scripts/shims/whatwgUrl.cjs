/* global module */
// node-fetch 2 (under @kubernetes/client-node) falls back to the whatwg-url package only where
// Node has no URL class; Node always has one. Bundling the package would add ~280 KB (its tr46
// Unicode tables) to the extension for code that never runs.
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
