// Access-Control-Allow-Methods / -Headers as comma-separated token lists, and the wildcard rules of R6/R9.
import { isToken } from './safelist';

export interface TokenList {
  /** The items, trimmed, empty ones dropped, in order. */
  readonly items: readonly string[];
  /** The first item that is not a valid HTTP token (Firefox rejects the preflight on it; Chromium does not). */
  readonly invalidItem: string | null;
}

export function parseTokenList(value: string | null): TokenList {
  if (value === null) return { items: [], invalidItem: null };
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return { items, invalidItem: items.find((item) => !isToken(item)) ?? null };
}

/** Is `method` allowed by the preflight's Access-Control-Allow-Methods? (R6 method check.) */
export function allowsMethod(
  list: TokenList,
  method: string,
  options: { credentials: boolean; caseInsensitiveRequestMethod: boolean },
): { allowed: boolean; byWildcard: boolean } {
  const wanted = options.caseInsensitiveRequestMethod ? method.toUpperCase() : method;
  if (list.items.includes(wanted)) return { allowed: true, byWildcard: false };
  if (!options.credentials && list.items.includes('*')) return { allowed: true, byWildcard: true };
  return { allowed: false, byWildcard: false };
}

/** Is the request header `name` allowed by Access-Control-Allow-Headers? (R6 header checks, R4 Authorization.) */
export function allowsHeader(
  list: TokenList,
  name: string,
  options: { credentials: boolean; authorizationCoveredByWildcard: boolean },
): { allowed: boolean; byWildcard: boolean } {
  const lower = name.toLowerCase();
  if (list.items.some((item) => item.toLowerCase() === lower)) return { allowed: true, byWildcard: false };
  const wildcard = !options.credentials && list.items.includes('*');
  if (!wildcard) return { allowed: false, byWildcard: false };
  if (lower === 'authorization' && !options.authorizationCoveredByWildcard)
    return { allowed: false, byWildcard: false };
  return { allowed: true, byWildcard: true };
}

/** Splits Access-Control-Request-Headers ("authorization,content-type") into lower-case names. */
export function parseRequestedHeaders(value: string | null): string[] {
  return parseTokenList(value).items.map((item) => item.toLowerCase());
}
