/** The package version, set by vite.config.ts for the CLI build (and by test/support for in-process runs). */
declare const __VERSION__: string;
