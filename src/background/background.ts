// Background context (Chrome: service worker; Firefox: background script, see src/build/manifest.ts).
// CORS Doctor needs no background work: capture and diagnosis run in the devtools page and panel. The entry exists
// so both browsers' background paths are built and loaded from the start; it deliberately registers nothing.
export {};
