"use client";

import { useEffect, useState } from "react";
import { shortHash } from "@/lib/format";
import { CheckIcon, CopyIcon } from "./icons";

/** Copies `value` to the clipboard; shows a tick for a moment so the user knows it worked. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access is refused on plain http from another host; fall back to a prompt.
      window.prompt("Copy this value", value);
    }
  }

  return (
    <button type="button" className="icon-btn" onClick={copy} title={copied ? "Copied" : label} aria-label={label}>
      {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
    </button>
  );
}

/** A shortened hash with the full value in the tooltip and a copy button. */
export function HashValue({ value, length = 12 }: { value: string; length?: number }) {
  return (
    <span className="hash">
      <code title={value}>{shortHash(value, length)}</code>
      <CopyButton value={value} label="Copy full SHA-256" />
    </span>
  );
}
