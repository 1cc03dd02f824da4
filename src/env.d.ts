/** Set by vite.config.ts for the extension builds. */
declare const __BROWSER__: 'chrome' | 'firefox';
/** The package version, set by vite.config.ts. */
declare const __VERSION__: string;
