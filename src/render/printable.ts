// C0 and C1 controls, DEL, and the bidi marks and overrides (Trojan-Source style reordering).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes captured text safe to print: header values come from any server, and a control character (ANSI escape,
 * CR, bidi override) must show as what it is instead of acting on the terminal or the issue tracker.
 */
export function printable(value: string): string {
  return value.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
