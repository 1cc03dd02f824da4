import { describeDifference, originDifferences, type OriginDifference } from '../cors/origin-diff';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { describeCheck, failureContext, rejectedAllowOrigin, responseHeaderEvidence, roleOf } from './support';

type MessageId =
  | 'trailingSlash'
  | 'path'
  | 'scheme'
  | 'www'
  | 'port'
  | 'loopback'
  | 'letterCase'
  | 'missingScheme'
  | 'quoted'
  | 'wildcardPattern'
  | 'several';

const MESSAGE_OF: Record<OriginDifference['kind'], MessageId> = {
  'trailing-slash': 'trailingSlash',
  path: 'path',
  scheme: 'scheme',
  www: 'www',
  port: 'port',
  loopback: 'loopback',
  case: 'letterCase',
  'missing-scheme': 'missingScheme',
  quoted: 'quoted',
  'wildcard-pattern': 'wildcardPattern',
};

export default defineAdvice<MessageId>({
  id: 'allow-origin-near-miss',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'Access-Control-Allow-Origin almost matches the page',
    description:
      "Require Access-Control-Allow-Origin to be the page's origin exactly as the browser serializes it: scheme, host and port, lower case, no path or trailing slash",
    fixTopics: ['allow-origin'],
    messages: {
      trailingSlash:
        '{{what}} from {{url}} allows "{{value}}": the page\'s origin {{origin}} with a trailing slash. An origin has no path, not even "/", and the browser compares the two byte for byte, so it {{consequence}}.',
      path: '{{what}} from {{url}} allows "{{value}}": the page\'s origin {{origin}} followed by the path "{{path}}". An origin is only a scheme, a host and a port, and the browser compares the two byte for byte, so it {{consequence}}.',
      scheme:
        '{{what}} from {{url}} allows "{{value}}", an {{allowedScheme}} origin, but the page was loaded over {{actualScheme}}: {{origin}}. The scheme is part of the origin, so the browser {{consequence}}.',
      www: '{{what}} from {{url}} allows "{{value}}", but the page\'s origin is {{origin}}: {{wwwDifference}}. To the browser these are two different origins, so it {{consequence}}.',
      port: '{{what}} from {{url}} allows "{{value}}", but the page\'s origin is {{origin}}: {{portDifference}}. The port is part of the origin, so the browser {{consequence}}.',
      loopback:
        '{{what}} from {{url}} allows "{{value}}", but the page\'s origin is {{origin}}. {{allowedHost}} and {{actualHost}} reach the same machine, yet they are different origins to the browser, so it {{consequence}}.',
      letterCase:
        '{{what}} from {{url}} allows "{{value}}", which differs from the page\'s origin {{origin}} only in letter case. Browsers send the origin in lower case and compare the header byte for byte, so the browser {{consequence}}.',
      missingScheme:
        '{{what}} from {{url}} allows "{{value}}", which has no scheme, while the page\'s origin is {{origin}}. The header needs the whole origin, so the browser {{consequence}}.',
      quoted:
        "{{what}} from {{url}} sends Access-Control-Allow-Origin {{value}}, quotes included, while the page's origin is {{origin}}. The quotes are part of the value the browser compares, so it {{consequence}}.",
      wildcardPattern:
        '{{what}} from {{url}} allows "{{value}}", a pattern that the page\'s origin {{origin}} fits, but browsers never expand patterns in Access-Control-Allow-Origin (only a lone "*" is special), so the browser {{consequence}}.',
      several:
        '{{what}} from {{url}} allows "{{value}}", which almost matches the page\'s origin {{origin}}, except that {{differences}}. The browser compares the two byte for byte, so it {{consequence}}.',
    },
    fixes: {
      trailingSlash: [
        "Remove the trailing slash where the allowed origins are configured: `{{origin}}`, not `{{value}}`. It usually sits in an environment variable (CORS_ORIGIN, ALLOWED_ORIGINS) or a settings list such as django-cors-headers' CORS_ALLOWED_ORIGINS.",
        'If the server derives the value from a URL, send only its origin: `new URL(url).origin` in JavaScript.',
      ],
      path: [
        'Allowed origins are origins, not URLs: configure `{{origin}}` instead of `{{value}}`.',
        'If the server derives the value from a configured URL, send only its origin: `new URL(url).origin` in JavaScript, scheme and netloc of `urllib.parse.urlsplit(url)` in Python.',
      ],
      scheme: [
        'Allow the origin the page really has: `{{origin}}`.',
        "If the site is reachable over both http and https, allow both, compare the request's Origin with the list and send back the one that matches, with `Vary: Origin`; better, redirect the page to https so only one origin exists.",
      ],
      www: [
        "Add `{{origin}}` to the allowed origins next to `{{value}}`, and send back whichever matches the request's Origin, with `Vary: Origin`.",
        'Or redirect the page from one host to the other (for example www to the bare domain), so users only ever load one origin.',
      ],
      port: [
        'Allow `{{origin}}` exactly as the browser sends it in the Origin header: with its port, and without a default :80 or :443.',
        'Development servers change ports (Vite 5173, Create React App 3000, Angular 4200): list each one you use, or derive the list from the same configuration that starts the dev server.',
      ],
      loopback: [
        'Allow the origin the page was opened from, `{{origin}}`, or open the page at the allowed address: localhost, 127.0.0.1 and [::1] are three different origins.',
        "In development, allow each loopback origin you use and send back the one that matches the request's Origin, with `Vary: Origin`.",
      ],
      letterCase: [
        'Write the allowed origin in lower case, exactly as the browser sends it: `{{origin}}`.',
        "If the server compares origins case-insensitively, send back the request's Origin header rather than the configured spelling.",
      ],
      missingScheme: [
        'Write the whole origin, scheme included: `{{origin}}`. Settings that take origins (CORS_ALLOWED_ORIGINS, Express cors `origin`, Spring `allowedOrigins`) want `https://host[:port]`, not a host name.',
      ],
      quoted: [
        'Remove the quotes: send `Access-Control-Allow-Origin: {{origin}}`. They usually come from a configuration value quoted twice, such as an environment variable whose quotes became part of the value.',
      ],
      wildcardPattern: [
        "Match the pattern on the server and send back the request's own origin, `Access-Control-Allow-Origin: {{origin}}`, with `Vary: Origin`.",
        "CORS libraries do this when given a regular expression: Express cors' `origin` option, django-cors-headers' CORS_ALLOWED_ORIGIN_REGEXES, Spring's `allowedOriginPatterns`, ASP.NET Core's `SetIsOriginAllowedToAllowWildcardSubdomains`.",
      ],
      several: [
        'Send exactly the origin the browser sends in the Origin header: `Access-Control-Allow-Origin: {{origin}}`, with the same scheme, host and port, in lower case, with no path or trailing slash.',
      ],
    },
  },
  check(context) {
    const { exchange, verdict } = context;
    const rejected = rejectedAllowOrigin(context);
    const diffs = rejected ? originDifferences(rejected.value, rejected.hop.origin) : null;
    if (!rejected || !diffs) return [];
    const { hop, value, response: entry } = rejected;

    const ctx = failureContext(exchange, verdict);
    if (!ctx) return [];
    const { what, url, consequence } = describeCheck(ctx);
    const base = { what, url, consequence, value, origin: hop.origin };
    const evidence: Evidence[] = [responseHeaderEvidence(ctx, 'access-control-allow-origin', hop.origin)];
    const sentOrigin = entry.requestHeaders.get('origin');
    if (sentOrigin !== null) {
      evidence.push({
        entry: entry.index,
        role: roleOf(ctx),
        location: 'request-header',
        name: entry.requestHeaders.displayName('origin'),
        actual: sentOrigin,
      });
    }

    const [only] = diffs;
    if (diffs.length > 1 || !only) {
      return [{ messageId: 'several', data: { ...base, differences: joinPhrases(diffs) }, evidence }];
    }
    return [{ messageId: MESSAGE_OF[only.kind], data: { ...base, ...detail(only) }, evidence }];
  },
});

/** The placeholders specific to one kind of difference. */
function detail(diff: OriginDifference): Record<string, string> {
  switch (diff.kind) {
    case 'path':
      return { path: diff.path };
    case 'scheme':
      return { allowedScheme: diff.allowed, actualScheme: diff.actual };
    case 'www':
      return {
        wwwDifference: diff.allowed.startsWith('www.')
          ? `the allowed host has "www.", the page's host ${diff.actual} has not`
          : `the page's host ${diff.actual} has "www.", the allowed host ${diff.allowed} has not`,
      };
    case 'port':
      return { portDifference: describeDifference(diff).replace(/^it /, 'the allowed value ') };
    case 'loopback':
      return { allowedHost: diff.allowed, actualHost: diff.actual };
    default:
      return {};
  }
}

/** "a, b and c" of the difference phrases. */
function joinPhrases(diffs: readonly OriginDifference[]): string {
  const phrases = diffs.map(describeDifference);
  return phrases.length < 2 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}
