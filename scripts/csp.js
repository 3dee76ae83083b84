'use strict';
/**
 * The Content-Security-Policy of every page the add-in serves (task pane,
 * function file, help, preview). webpack writes it into each page as the
 * first tag of <head> (a meta tag, so that every static host serves it
 * without configuration, the dev server included). Checked in Chromium under
 * the real Office.js by the browser tests (test/e2e/office.e2e.ts).
 */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com';

const DIRECTIVES = [
  // Anything not named below: the page's own origin only.
  "default-src 'self'",
  // Our bundles, and Office.js with the files it loads from its own CDN (the host's
  // API file, locale strings, telemetry). Never 'unsafe-inline' or 'unsafe-eval':
  // nothing in the pane evaluates text (test/taskpane/security.test.ts).
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  // Fluent UI's CSS-in-JS (Griffel) creates <style> elements at run time, and
  // Office's host scripts set inline styles; static pages have no per-response
  // nonce to allow them by, so inline styles are allowed. Styles cannot run script.
  "style-src 'self' 'unsafe-inline'",
  // Our icons; data: for images that components inline (no remote images).
  "img-src 'self' data:",
  // Fluent UI uses the system's Segoe UI and fallbacks: no web fonts.
  "font-src 'self'",
  // The pane's calculation runs in a Web Worker bundled with it (src/taskpane/start-worker.ts), from
  // our own origin only: no blob: or data: workers, nothing foreign.
  "worker-src 'self'",
  // The pane talks to Excel through Office.js (postMessage or the native bridge), not
  // over the network; the preview fetches its sample from its own origin. Office.js's
  // direct telemetry posts, if a host makes any, are refused: allowing its collectors
  // would give an injected script a place to send data.
  "connect-src 'self'",
  // Frames Office.js opens itself: its error page from the CDN (Excel on the web, when
  // it cannot trust the add-in) and, hidden, its telemetry proxy (outside a modern
  // host and in older Windows builds). The add-in itself embeds no frames.
  `frame-src ${OFFICE_JS_ORIGIN} ${OFFICE_TELEMETRY_FRAME}`,
  // No plugins; no <base> that would move relative script URLs; forms post only to the page itself.
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // frame-ancestors cannot be set in a meta tag, and must stay open: Excel on the
  // web frames the pane from Microsoft's domains.
];

const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

module.exports = { CONTENT_SECURITY_POLICY, OFFICE_JS_ORIGIN, OFFICE_TELEMETRY_FRAME };
