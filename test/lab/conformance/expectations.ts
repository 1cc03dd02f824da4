// What the lab cannot show, and where the engine and a browser are known to disagree (each tracked as a failing case
// by the conformance runner until fixed).

/** Rules no loopback lab over plain http can trigger, and why. */
export const UNREACHABLE_RULES: Record<string, string> = {
  'api-wrong-environment': 'needs a deployed (public) page calling a development or staging API',
  'allow-origin-wrong-environment': 'needs a deployed page; in the lab every origin is a development one',
  'local-network-access': 'needs a public page calling a private address; the lab is loopback only',
  'mixed-content': 'needs an https page; the lab serves plain http',
  'blocked-by-client': 'needs a blocking extension or an enterprise policy in the browser',
  'cookie-blocked-cross-site':
    'needs a cross-site API that sets its session cookie without SameSite=None; Secure over https',
  'verdict-not-derived': 'only for captures that lack what a verdict needs; the extension captures it all',
};

/** "<scenario id>:<browser>" → why the engine's verdict differs from the browser's. */
export const KNOWN_DISAGREEMENTS: Record<string, string> = {};
