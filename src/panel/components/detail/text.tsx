// Captured values (URLs, headers, messages) come from any server. They are rendered only as React text children,
// through printable() so control and bidi characters show as \uXXXX, and cut at TRUNCATE_AT characters behind a
// "show all" toggle so a 1 MB header cannot freeze or break the panel.
import { useMemo, useState, type ReactNode } from 'react';
import { printable } from '../../../render/printable';

export const TRUNCATE_AT = 2000;

interface CapturedTextProps {
  value: string;
  /** Turns the (printable, possibly truncated) text into nodes; the default renders it as is. */
  format?: (text: string) => ReactNode;
}

export function CapturedText({ value, format }: CapturedTextProps) {
  const [expanded, setExpanded] = useState(false);
  const clean = useMemo(() => printable(value), [value]);
  const long = clean.length > TRUNCATE_AT;
  const shown = long && !expanded ? cut(clean) : clean;
  return (
    <>
      {format ? format(shown) : shown}
      {long && (
        <>
          {!expanded && '…'}{' '}
          <button
            type="button"
            className="cd-more"
            aria-expanded={expanded}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? 'show less' : `show all (${clean.length.toLocaleString('en-US')} characters)`}
          </button>
        </>
      )}
    </>
  );
}

/** The first TRUNCATE_AT characters, without splitting a surrogate pair. */
function cut(text: string): string {
  const end = /[\uD800-\uDBFF]/.test(text.charAt(TRUNCATE_AT - 1)) ? TRUNCATE_AT - 1 : TRUNCATE_AT;
  return text.slice(0, end);
}

/** Engine messages mark values with backticks (`Origin: null`): those become <code>, as text. */
export function withInlineCode(text: string): ReactNode {
  const parts = text.split(/(`[^`\n]+`)/);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="cd-code">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

/** A message (engine text that quotes captured values), with inline code and truncation. */
export function Message({ text }: { text: string }) {
  return <CapturedText value={text} format={withInlineCode} />;
}

/** A URL as text with its path emphasised: origin de-emphasised, path and query in bold. Never a link. */
export function UrlText({ url }: { url: string }) {
  const origin = safeOrigin(url);
  if (origin === null || !url.startsWith(origin)) {
    return (
      <span className="cd-url cd-value">
        <CapturedText value={url} />
      </span>
    );
  }
  return (
    <span className="cd-url cd-value">
      <span className="cd-url__origin">
        <CapturedText value={origin} />
      </span>
      <strong className="cd-url__path">
        <CapturedText value={url.slice(origin.length) || '/'} />
      </strong>
    </span>
  );
}

function safeOrigin(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
