// Credentials never leave CORS Doctor in an export unless the user opts in. Presence and length stay visible:
// whether a request carried Authorization or a Cookie matters to the diagnosis.

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'set-cookie2']);
const SECRET_NAME = /(^|[-_])(api[-_]?key|token|secret|session|password|auth)([-_]|$)|^x-(api|auth|access|csrf|xsrf)-/i;

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower);
}

/** "Bearer <redacted: 36 chars>": keeps an auth scheme, hides the credential. */
export function redactValue(name: string, value: string): string {
  const scheme = /^(authorization|proxy-authorization)$/i.test(name) ? /^(\w+)\s+/.exec(value)?.[1] : undefined;
  const secret = scheme ? value.slice(scheme.length).trim() : value;
  return `${scheme ? `${scheme} ` : ''}<redacted: ${secret.length} chars>`;
}

export function redactHeader(name: string, value: string): string {
  return isSecretHeader(name) ? redactValue(name, value) : value;
}
