import { allowsMethod, parseTokenList } from '../cors/header-lists';
import { isSafelistedMethod, normalizeMethod } from '../cors/safelist';
import { defineCheck } from './define-rule';
import { quoted, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'method-not-allowed',
  meta: {
    severity: 'error',
    title: 'Method not allowed by the preflight response',
    description:
      'Require each method other than GET, HEAD and POST to be listed in Access-Control-Allow-Methods (case-sensitive; "*" only without credentials)',
    chromium: { preflight: 'MethodDisallowedByPreflightResponse' },
    firefox: 'CORSMethodNotFound',
    outcome: 'blocked',
    fixTopics: ['allow-methods-headers'],
    messages: {
      notListed:
        'The preflight response from {{url}} allows the methods {{allowed}}, which does not include {{method}}, so the browser never sent the {{method}} request.',
      lowerCaseMethod:
        'The page sends the method "{{method}}" in lower case. Browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it stays "{{method}}", and Firefox compares it byte for byte with the preflight\'s Access-Control-Allow-Methods {{allowed}}, so it never sent the request.',
      wildcardWithCredentials:
        'The preflight response from {{url}} allows methods "*", but the request was made with credentials, where "*" is just a method named "*"; {{method}} is not listed, so the browser never sent it.',
    },
    fixes: {
      notListed: [
        'Add {{method}} to the preflight response: `Access-Control-Allow-Methods: {{suggested}}` (method names are case-sensitive).',
      ],
      wildcardWithCredentials: ['List the methods explicitly: `Access-Control-Allow-Methods: {{suggested}}`.'],
      lowerCaseMethod: [
        "Write the method in upper case in the page code, e.g. `fetch(url, { method: '{{upper}}' })`: browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT for you.",
      ],
    },
  },
  check(ctx) {
    const method = ctx.response.requestHeaders.get('access-control-request-method') ?? ctx.hop.method;
    if (isSafelistedMethod(normalizeMethod(method))) return null;
    const header = ctx.response.responseHeaders.get('access-control-allow-methods');
    const list = parseTokenList(header);
    const { allowed } = allowsMethod(list, method, {
      credentials: ctx.credentials,
      caseInsensitiveRequestMethod: ctx.browser.caseInsensitiveRequestMethod,
    });
    if (allowed) return null;
    const suggested = [...new Set([...list.items.filter((m) => m !== '*'), method.toUpperCase()])].join(', ');
    const upper = method.toUpperCase();
    // Only Firefox gets here with a lower-case method that is listed in upper case (Chromium upper-cases it).
    const lowerCase = method !== upper && list.items.includes(upper);
    return {
      messageId: lowerCase
        ? 'lowerCaseMethod'
        : ctx.credentials && list.items.includes('*')
          ? 'wildcardWithCredentials'
          : 'notListed',
      data: { url: ctx.response.url, method, upper, allowed: quoted(header), suggested },
      parameter: method,
      evidence: [responseHeaderEvidence(ctx, 'access-control-allow-methods', suggested)],
    };
  },
});
