// Proxies, CDNs and gateways that a response passed through, as its headers reveal them. When a response carries a
// CORS header twice, one copy usually comes from such a layer and the other from the application behind it.
import type { HeaderList } from '../har/headers';

export interface Intermediary {
  /** "Cloudflare", "nginx", "AWS API Gateway", "a proxy". */
  readonly name: string;
  /** The header that shows it, as the capture writes it, e.g. "cf-ray" or "Server". */
  readonly header: string;
  readonly value: string;
}

type Signal = readonly [name: string, header: string, test: RegExp];

/** Most specific first: a CDN's own header beats a generic Server or Via. */
const SIGNALS: readonly Signal[] = [
  ['Cloudflare', 'cf-ray', /./],
  ['AWS CloudFront', 'x-amz-cf-id', /./],
  ['AWS CloudFront', 'via', /cloudfront/i],
  ['AWS API Gateway', 'x-amz-apigw-id', /./],
  ['AWS API Gateway', 'x-amzn-requestid', /./],
  ['Azure Front Door', 'x-azure-ref', /./],
  ['Fastly', 'x-fastly-request-id', /./],
  ['Fastly', 'x-served-by', /^cache-/i],
  ['Akamai', 'akamai-grn', /./],
  ['Akamai', 'x-akamai-transformed', /./],
  ['Vercel', 'x-vercel-id', /./],
  ['Netlify', 'x-nf-request-id', /./],
  ['Kong', 'x-kong-proxy-latency', /./],
  ['Kong', 'x-kong-upstream-latency', /./],
  ['Envoy (e.g. an Istio or Contour ingress)', 'x-envoy-upstream-service-time', /./],
  ['Envoy (e.g. an Istio or Contour ingress)', 'server', /envoy/i],
  ['Google Cloud Load Balancing', 'via', /\bgoogle\b/i],
  ['Varnish', 'x-varnish', /./],
  ['Varnish', 'via', /varnish/i],
  ['Cloudflare', 'server', /^cloudflare/i],
  ['nginx', 'server', /nginx|openresty/i],
  ['Apache httpd', 'server', /^apache(?!-coyote)/i],
  ['Caddy', 'server', /caddy/i],
  ['Microsoft IIS', 'server', /microsoft-iis/i],
  ['an AWS load balancer', 'server', /^awselb/i],
  ['Traefik', 'server', /traefik/i],
  ['HAProxy', 'server', /haproxy/i],
  ['a proxy', 'via', /./],
];

/** The first proxy, CDN or gateway the headers reveal, or null. */
export function intermediaryOf(headers: HeaderList): Intermediary | null {
  for (const [name, header, test] of SIGNALS) {
    const value = headers.get(header);
    if (value !== null && test.test(value)) return { name, header: headers.displayName(header), value };
  }
  return null;
}
