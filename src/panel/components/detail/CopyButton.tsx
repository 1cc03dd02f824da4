import { useEffect, useState } from 'react';

interface CopyButtonProps {
  /** The exact text to copy (not the printable or truncated form on screen). */
  text: string;
  /** Accessible name, e.g. "Copy preflight curl command". */
  label: string;
  copy: (text: string) => void;
}

/** A "Copy" button that hands `text` to the panel's clipboard function and says so briefly. */
export function CopyButton({ text, label, copy }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className="cd-copy">
      <button
        type="button"
        className="cd-button"
        aria-label={label}
        onClick={() => {
          copy(text);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span className="cd-visually-hidden" role="status">
        {copied ? 'Copied' : ''}
      </span>
    </span>
  );
}
