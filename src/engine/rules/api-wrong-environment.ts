import { addressSpaceOf, isLocalAddressSpace } from '../cors/address-space';
import { environmentOf } from '../cors/environments';
import type { Evidence, Verdict } from '../model';
import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'api-wrong-environment',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'The page calls the API of another environment',
    description:
      "Require a deployed page to call its own environment's API: not localhost, a private address, or a staging or preview host",
    messages: {
      localApi:
        'The page at {{pageOrigin}} is deployed, but it calls {{url}}, {{where}}. The build most likely picked up a development API base URL; the failure ({{failure}}) follows from that, and no CORS setting on the API can fix it.',
      otherEnvironmentApi:
        'The page at {{pageOrigin}} looks like production, but it calls {{url}}, whose host {{host}} names a {{environment}} environment. The build most likely picked up the wrong API base URL; the failure ({{failure}}) follows from calling that environment.',
    },
    fixes: {
      localApi: [
        'Set the API base URL of the production build (such as `VITE_API_URL`, `NEXT_PUBLIC_API_URL` or `REACT_APP_API_URL`) to the deployed API and rebuild: these variables are baked in at build time.',
        'Check which env file the build read (`.env.production`, not `.env.local` or `.env.development`), and that the CI pipeline sets the variable.',
      ],
      otherEnvironmentApi: [
        'Point the production build at the production API instead of {{host}}: set the API base URL for the production environment and rebuild.',
        'If calling {{host}} from {{pageOrigin}} is intended, add {{pageOrigin}} to the CORS allowlist of that API.',
      ],
    },
  },
  check({ exchange, verdict, capture }) {
    if (verdict.outcome !== 'blocked' && verdict.outcome !== 'failed-not-cors') return [];
    const pageOrigin = exchange.origin;
    const hop = exchange.hops[0];
    const entry = hop?.entry ?? hop?.preflight ?? null;
    if (!pageOrigin || pageOrigin === 'null' || !hop || !entry) return [];
    const pageHost = hostOf(pageOrigin);
    const host = hostOf(hop.url);
    if (!pageHost || !host || pageHost === host) return [];

    const pageEnvironment = environmentOf(pageHost);
    // A page whose own responses came from this machine or a private network is not deployed, whatever its name.
    const pageIp = capture.byServer.get(pageOrigin)?.find((e) => e.serverIp)?.serverIp ?? null;
    if (pageEnvironment === 'local' || pageEnvironment === 'private') return [];
    if (pageIp && isLocalAddressSpace(addressSpaceOf(pageIp))) return [];

    const environment = environmentOf(host);
    const evidence: Evidence[] = [
      { entry: entry.index, role: hop.entry ? 'request' : 'preflight', location: 'url', actual: hop.url },
    ];
    const failure = describeFailure(verdict);
    if (environment === 'local' || environment === 'private') {
      return [
        {
          messageId: 'localApi',
          data: {
            pageOrigin,
            url: hop.url,
            where:
              environment === 'local'
                ? 'which for every visitor means their own computer (a loopback address), not your development machine'
                : 'an address on a private network that visitors of the deployed page cannot reach',
            failure,
          },
          evidence,
        },
      ];
    }
    if ((environment === 'staging' || environment === 'preview') && pageEnvironment === null) {
      return [
        { messageId: 'otherEnvironmentApi', data: { pageOrigin, url: hop.url, host, environment, failure }, evidence },
      ];
    }
    return [];
  },
});

/** The failure as the browser reported it: the net error, or the CORS error name. */
function describeFailure(verdict: Verdict): string {
  const failure = verdict.failure;
  if (!failure) return 'blocked, cause not visible in the capture';
  if (verdict.outcome === 'failed-not-cors') {
    const netError = failure.finding.netError;
    return !netError || netError === 'no-response' ? 'no response, status 0' : netError;
  }
  const name = verdict.browser.name === 'firefox' ? (failure.firefox ?? failure.chromium) : failure.chromium;
  return `blocked with ${name ?? failure.rule}`;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
