// Exports for bug reports: Markdown, the CLI's JSON contract, and a HAR of the entries involved. Secrets are
// redacted by default (Cookie, Set-Cookie, Authorization, API keys, token-like query parameters); the user opts in
// to include them.
import { redactHeader, redactReport, redactUrls, type ExchangeReport, type RawHarEntry, type Report } from '../engine';
import { formatMarkdown } from '../render/markdown';

export interface ExportOptions {
  includeSecrets: boolean;
}

/** The report narrowed to some exchanges, with its summary recounted. */
export function subset(report: Report, exchanges: readonly ExchangeReport[]): Report {
  const count = (outcome: string) => exchanges.filter((e) => e.outcome === outcome).length;
  return {
    ...report,
    exchanges: [...exchanges],
    summary: {
      exchanges: exchanges.length,
      blocked: count('blocked'),
      failedNotCors: count('failed-not-cors'),
      allowed: count('allowed'),
      unknown: count('unknown'),
    },
  };
}

export function markdownExport(report: Report, { includeSecrets }: ExportOptions): string {
  return formatMarkdown(includeSecrets ? report : redactReport(report));
}

export function jsonExport(report: Report, { includeSecrets }: ExportOptions): string {
  return JSON.stringify(includeSecrets ? report : redactReport(report), null, 2) + '\n';
}

/** A HAR of the entries these exchanges involve (preflights, requests, redirect hops), in capture order. */
export function harExport(
  entries: readonly RawHarEntry[],
  exchanges: readonly ExchangeReport[],
  version: string,
  { includeSecrets }: ExportOptions,
): string {
  const indexes = new Set<number>();
  for (const e of exchanges) {
    for (const index of [e.entries.request, e.entries.preflight, ...e.entries.redirects]) {
      if (index !== null) indexes.add(index);
    }
  }
  const picked = [...indexes].sort((a, b) => a - b).flatMap((i) => (entries[i] ? [entries[i]] : []));
  const log = {
    version: '1.2',
    creator: { name: 'CORS Doctor', version },
    entries: includeSecrets ? picked : picked.map(redactEntry),
  };
  return JSON.stringify({ log }, null, 2) + '\n';
}

/** An entry with credential headers, cookies, token-like query parameters and request bodies redacted. */
function redactEntry(entry: RawHarEntry): RawHarEntry {
  const redactHeaders = (headers: unknown) =>
    Array.isArray(headers)
      ? headers.map((h: { name?: unknown; value?: unknown }) =>
          typeof h?.name === 'string' && typeof h.value === 'string'
            ? { ...h, value: redactHeader(h.name, h.value) }
            : h,
        )
      : headers;
  const request = entry.request ?? {};
  const response = entry.response ?? {};
  const postData = request.postData as { text?: unknown } | undefined;
  return {
    ...entry,
    request: {
      ...request,
      url: typeof request.url === 'string' ? redactUrls(request.url) : request.url,
      headers: redactHeaders(request.headers),
      cookies: [],
      ...(postData && typeof postData.text === 'string'
        ? { postData: { ...postData, text: `<request body redacted: ${postData.text.length} chars>` } }
        : {}),
    },
    response: {
      ...response,
      headers: redactHeaders(response.headers),
      cookies: [],
      redirectURL: typeof response.redirectURL === 'string' ? redactUrls(response.redirectURL) : response.redirectURL,
    },
  };
}
