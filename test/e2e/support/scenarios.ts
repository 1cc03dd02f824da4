// The e2e page's cross-origin requests, one per scenario, and what each browser and the panel must say about them.
// The API server (servers.ts) answers each path the way a real, misconfigured server would; the page (servers.ts,
// pageHtml) calls them one after the other before the panel is first shown, except the `live` one, which the test
// triggers after the panel is shown.

/** How the page calls the API: a simple GET, or a PUT of JSON with a bearer token (which needs a preflight). */
export type Call = 'simple-get' | 'put-json-with-token';

/** One row of the panel, as expected (see ExchangeList.tsx). */
export interface ExpectedRow {
  /** `data-outcome`. */
  outcome: 'allowed' | 'blocked' | 'failed-not-cors' | 'unknown';
  /** `.cd-row__status`, e.g. "200", "preflight 401 → not sent". */
  status: string;
  /** `.cd-row__verdict` without its badge: the root cause title, else the failed check's, else "Allowed". */
  verdict: string;
}

export interface Scenario {
  /** Key, also the name the page reports its outcome under. */
  name: string;
  /** The scenario letter of the issue, for messages. */
  label: string;
  call: Call;
  path: string;
  /** Made by the test after the panel was shown (the live path), not by the page on load (the hand-over path). */
  live: boolean;
  /** The methods the API server receives for this scenario, in order. */
  serverSees: readonly string[];
  /** Chromium's own verdict for the real request: CDP `Network.loadingFailed.corsErrorStatus.corsError`, or null. */
  chromiumError: string | null;
  /**
   * Firefox's own verdict: the "(Reason: …)" of its first "Cross-Origin Request Blocked" console message for the URL,
   * or null. (A request blocked at its preflight gets "CORS request did not succeed" messages after it.)
   */
  firefoxReason: RegExp | null;
  /** The panel's row, per browser (they differ only where the capture itself differs). */
  row: { chromium: ExpectedRow; firefox: ExpectedRow };
  /** For the scenarios whose detail view the test opens: the kind banner and the root-cause heading. */
  detail?: { kind: string; rootCause: string };
}

const both = (row: ExpectedRow) => ({ chromium: row, firefox: row });

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'allowed',
    label: '(a) allowed simple GET',
    call: 'simple-get',
    path: '/api/allowed',
    live: false,
    serverSees: ['GET'],
    chromiumError: null,
    firefoxReason: null,
    // ACAO = the page's origin plus Access-Control-Allow-Credentials: true: allowed with or without credentials, so
    // Firefox (whose HAR neither marks errors nor shows the credentials mode) can decide it too.
    row: both({ outcome: 'allowed', status: '200', verdict: 'Allowed' }),
  },
  {
    name: 'allowedWithoutCredentialsHeader',
    label: '(a′) GET allowed without credentials, no ACAC',
    call: 'simple-get',
    path: '/api/allowed-without-acac',
    live: false,
    serverSees: ['GET'],
    chromiumError: null,
    firefoxReason: null,
    row: {
      // Chromium's HAR marks failed requests (_error): an error-free response with a matching ACAO was allowed.
      chromium: { outcome: 'allowed', status: '200', verdict: 'Allowed' },
      // Firefox's HAR has no error field and no cookie shows the credentials mode: with credentials this response
      // would be blocked (no ACAC), so the honest verdict from the capture is "undecided".
      firefox: { outcome: 'unknown', status: '200', verdict: 'Undecided: depends on credentials' },
    },
  },
  {
    name: 'noAllowOrigin',
    label: '(b) GET without ACAO',
    call: 'simple-get',
    path: '/api/no-acao',
    live: false,
    serverSees: ['GET'],
    chromiumError: 'MissingAllowOriginHeader',
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. missing\)/,
    row: both({ outcome: 'blocked', status: '200', verdict: 'No Access-Control-Allow-Origin header' }),
  },
  {
    name: 'preflightUnauthorized',
    label: '(c) PUT whose preflight gets 401 without CORS headers',
    call: 'put-json-with-token',
    path: '/api/profile',
    live: false,
    serverSees: ['OPTIONS'],
    chromiumError: 'PreflightMissingAllowOriginHeader',
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. missing\)\. Status code: 401\./,
    row: both({
      outcome: 'blocked',
      status: 'preflight 401 → not sent',
      verdict: 'The preflight was rejected by authentication',
    }),
    detail: { kind: 'Preflight problem', rootCause: 'The preflight was rejected by authentication' },
  },
  {
    name: 'preflightRedirect',
    label: '(d) PUT whose preflight is a 301 to the path with a trailing slash',
    call: 'put-json-with-token',
    path: '/api/items',
    live: false,
    serverSees: ['OPTIONS'],
    chromiumError: 'PreflightDisallowedRedirect',
    // Firefox CORS-checks the 3xx before it refuses the redirect.
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. missing\)\. Status code: 301\./,
    row: both({
      outcome: 'blocked',
      status: 'preflight 301 → not sent',
      verdict: 'A redirect answered the preflight',
    }),
  },
  {
    name: 'serverError',
    label: '(e) PUT with a good preflight whose real response is 500 without CORS headers',
    call: 'put-json-with-token',
    path: '/api/orders/42',
    live: false,
    serverSees: ['OPTIONS', 'PUT'],
    chromiumError: 'MissingAllowOriginHeader',
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. missing\)\. Status code: 500\./,
    row: both({
      outcome: 'blocked',
      status: 'preflight 204 → 500',
      verdict: 'An error response hid the real problem',
    }),
    detail: { kind: 'Problem with the real response', rootCause: 'An error response hid the real problem' },
  },
  {
    name: 'allowOriginTrailingSlash',
    label: '(f) ACAO with a trailing slash',
    call: 'simple-get',
    path: '/api/acao-trailing-slash',
    live: false,
    serverSees: ['GET'],
    chromiumError: 'AllowOriginMismatch',
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. does not match .http:\/\/127\.0\.0\.1:\d+\/.\)/,
    row: both({ outcome: 'blocked', status: '200', verdict: 'Access-Control-Allow-Origin almost matches the page' }),
  },
  {
    name: 'allowOriginTwice',
    label: '(g) two ACAO header lines',
    call: 'simple-get',
    path: '/api/acao-twice',
    live: false,
    serverSees: ['GET'],
    chromiumError: 'MultipleAllowOriginValues',
    // Firefox compares the combined value "origin, origin" with the page's origin.
    firefoxReason:
      /\(Reason: CORS header .Access-Control-Allow-Origin. does not match .http:\/\/127\.0\.0\.1:(\d+), http:\/\/127\.0\.0\.1:\1.\)/,
    row: both({ outcome: 'blocked', status: '200', verdict: 'Access-Control-Allow-Origin is sent twice or as a list' }),
  },
  {
    name: 'methodNotAllowed',
    label: '(h) PUT whose preflight lacks PUT in Allow-Methods',
    call: 'put-json-with-token',
    path: '/api/settings',
    live: false,
    serverSees: ['OPTIONS'],
    chromiumError: 'MethodDisallowedByPreflightResponse',
    firefoxReason: /\(Reason: Did not find method in CORS header .Access-Control-Allow-Methods.\)/,
    row: both({
      outcome: 'blocked',
      status: 'preflight 204 → not sent',
      verdict: 'Method not allowed by the preflight response',
    }),
  },
  {
    name: 'liveNoPreflightRoute',
    label: '(live) PUT made after the panel was shown, whose preflight gets 404',
    call: 'put-json-with-token',
    path: '/api/reports',
    live: true,
    serverSees: ['OPTIONS'],
    chromiumError: 'PreflightMissingAllowOriginHeader',
    firefoxReason: /\(Reason: CORS header .Access-Control-Allow-Origin. missing\)\. Status code: 404\./,
    row: both({
      outcome: 'blocked',
      status: 'preflight 404 → not sent',
      verdict: 'Nothing handles the preflight on this route',
    }),
  },
];

/** The scenarios whose real request never leaves the browser: blocked at the preflight. */
export const BLOCKED_AT_PREFLIGHT = SCENARIOS.filter(
  (s) => s.call === 'put-json-with-token' && !s.serverSees.includes('PUT'),
);

export function scenario(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

/** What a row must show, in the shape the tests compare: the expected row of a scenario, or the observed one. */
export interface RowView {
  outcome: string | null;
  method: string;
  url: string;
  status: string;
  /** The badge before the verdict. */
  badge: string;
  verdict: string;
}

const BADGES: Record<ExpectedRow['outcome'], string> = {
  allowed: 'OK',
  blocked: 'Blocked',
  'failed-not-cors': 'Failed',
  unknown: '?',
};

/** The expected rows of `scenarios` in `browser`'s panel. */
export function expectedRows(
  scenarios: readonly Scenario[],
  browser: 'chromium' | 'firefox',
  apiOrigin: string,
): RowView[] {
  return scenarios.map((s) => ({
    outcome: s.row[browser].outcome,
    method: s.call === 'simple-get' ? 'GET' : 'PUT',
    url: apiOrigin + s.path,
    status: s.row[browser].status,
    badge: BADGES[s.row[browser].outcome],
    verdict: s.row[browser].verdict,
  }));
}

/** The observed rows for the same scenarios, in the same order (a missing row is null). */
export function observedRows(
  rows: readonly RowView[],
  scenarios: readonly Scenario[],
  apiOrigin: string,
): (RowView | null)[] {
  return scenarios.map((s) => {
    const row = rows.find((r) => r.url === apiOrigin + s.path);
    return row
      ? {
          outcome: row.outcome,
          method: row.method,
          url: row.url,
          status: row.status,
          badge: row.badge,
          verdict: row.verdict,
        }
      : null;
  });
}
