// HAR 1.2 as producers actually write it: every field may be missing or of the wrong type, so all are optional
// and `unknown`-tolerant. normalize.ts turns these into the strict Entry the engine works on.

export interface RawHarHeader {
  name?: unknown;
  value?: unknown;
}

export interface RawHarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  request?: {
    method?: unknown;
    url?: unknown;
    httpVersion?: unknown;
    headers?: unknown;
    cookies?: unknown;
    headersSize?: unknown;
    [key: string]: unknown;
  };
  response?: {
    status?: unknown;
    statusText?: unknown;
    headers?: unknown;
    redirectURL?: unknown;
    _error?: unknown;
    _transferSize?: unknown;
    [key: string]: unknown;
  };
  timings?: unknown;
  cache?: unknown;
  pageref?: unknown;
  serverIPAddress?: unknown;
  _initiator?: unknown;
  _resourceType?: unknown;
  _fromCache?: unknown;
  [key: string]: unknown;
}

export interface RawHarPage {
  id?: unknown;
  title?: unknown;
  [key: string]: unknown;
}

export interface RawHarLog {
  version?: unknown;
  creator?: { name?: unknown; version?: unknown };
  browser?: { name?: unknown; version?: unknown };
  pages?: unknown;
  entries: RawHarEntry[];
  [key: string]: unknown;
}
