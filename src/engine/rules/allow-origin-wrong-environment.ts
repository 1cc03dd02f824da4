import { environmentOf, type Environment } from '../cors/environments';
import { originDifferences } from '../cors/origin-diff';
import { defineAdvice } from './define-rule';
import { describeCheck, failureContext, rejectedAllowOrigin, responseHeaderEvidence } from './support';

type MessageId = 'developmentOrigin' | 'stagingOrigin' | 'previewOrigin';

const MESSAGE_OF: Record<Environment, MessageId> = {
  local: 'developmentOrigin',
  private: 'developmentOrigin',
  staging: 'stagingOrigin',
  preview: 'previewOrigin',
};

const PLACE: Record<Environment, string> = {
  local: "a development origin on a developer's own machine",
  private: 'an address on a private network',
  staging: 'a staging or test environment',
  preview: 'a preview deployment',
};

export default defineAdvice<MessageId>({
  id: 'allow-origin-wrong-environment',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'Access-Control-Allow-Origin names another environment',
    description:
      'Require the allowed origins of each deployment to include the origin its pages are served from, not a development, staging or preview origin',
    fixTopics: ['allow-origin'],
    messages: {
      developmentOrigin:
        '{{what}} from {{url}} allows "{{value}}", {{place}}, but the page runs at {{origin}}. The server\'s allowed origins name that development setup instead of the origin the page was loaded from, so the browser {{consequence}}.',
      stagingOrigin:
        '{{what}} from {{url}} allows "{{value}}", which looks like {{place}} ({{host}}), but the page runs at {{origin}}. The allowed origins were not updated for this deployment, so the browser {{consequence}}.',
      previewOrigin:
        '{{what}} from {{url}} allows "{{value}}", which looks like {{place}}, but the page runs at {{origin}}. The allowed origins were set for one deployment and not for this one, so the browser {{consequence}}.',
    },
    fixes: {
      developmentOrigin: [
        'Add `{{origin}}` to the allowed origins of this deployment. A value like "{{value}}" is usually the default of an environment variable (CORS_ORIGIN, ALLOWED_ORIGINS, FRONTEND_URL) or a .env file that reached this server.',
        'Keep development origins out of production configuration: read the list from the environment and refuse to start when it is missing, instead of falling back to localhost.',
      ],
      stagingOrigin: [
        'Add `{{origin}}` to the allowed origins of the server at {{url}}: it answers with the origin of {{host}}, so its configuration (environment variables, a per-environment settings file, a CDN or gateway rule) was copied from that environment or not updated for this one.',
        "Compare the CORS settings of both environments, and derive each environment's allowed origins from the same variable that sets its front-end URL.",
      ],
      previewOrigin: [
        "Preview deployments get a new origin each time: allow them with a pattern checked on the server (a regular expression for your project's preview host names) and send back the matching request origin, with `Vary: Origin`.",
        'If this page is a long-lived deployment, add `{{origin}}` itself to the allowed origins.',
      ],
    },
  },
  check(context) {
    const { exchange, verdict } = context;
    const rejected = rejectedAllowOrigin(context);
    if (!rejected || originDifferences(rejected.value, rejected.hop.origin)) return [];
    const { hop, value } = rejected;
    const host = hostOf(value);
    const environment = host ? environmentOf(host) : null;
    if (!host || !environment) return [];

    const ctx = failureContext(exchange, verdict);
    if (!ctx) return [];
    const { what, url, consequence } = describeCheck(ctx);
    return [
      {
        messageId: MESSAGE_OF[environment],
        data: { what, url, consequence, value, origin: hop.origin, host, place: PLACE[environment] },
        evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', hop.origin)],
      },
    ];
  },
});

/** The host an Access-Control-Allow-Origin value names, leniently (quotes, a missing scheme); null for a list. */
function hostOf(value: string): string | null {
  const bare = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (bare === 'null' || bare === '*' || /[\s,]/.test(bare)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(bare);
  // Without a scheme, only something shaped like a host (a dot or a port) counts: not "true" or "yes".
  if (!hasScheme && !/[.:]/.test(bare)) return null;
  try {
    return new URL(hasScheme ? bare : `http://${bare}`).hostname || null;
  } catch {
    return null;
  }
}
