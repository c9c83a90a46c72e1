"use client";
// Filter controls for the table toolbar, bound to one URL search param each.
import { useEffect, useId, useRef, useState } from "react";

interface SearchFilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  label: string;
  /** Wait this long after the last keystroke before filtering, so typing stays smooth. */
  debounceMs?: number;
  /** Suggestions offered as the user types (an HTML datalist). */
  suggestions?: readonly string[];
}

export function SearchFilter({ value, onChange, placeholder, label, debounceMs = 300, suggestions }: SearchFilterProps) {
  const listId = useId();
  const [text, setText] = useState(value ?? "");
  const committed = useRef(value ?? "");

  // Follow the URL when it changes from elsewhere (back button, a cleared filter).
  useEffect(() => {
    if ((value ?? "") !== committed.current) {
      committed.current = value ?? "";
      setText(value ?? "");
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = trimmed;
      onChange(trimmed || undefined);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [text, debounceMs, onChange]);

  return (
    <>
      <input
        type="search"
        className="input input-search"
        placeholder={placeholder}
        aria-label={label}
        value={text}
        list={suggestions && suggestions.length > 0 ? listId : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {suggestions && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}

interface SelectFilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  /** Text of the "no filter" option, e.g. "All consent bases". */
  allLabel: string;
  options: readonly { value: string; label: string }[];
}

export function SelectFilter({ value, onChange, label, allLabel, options }: SelectFilterProps) {
  return (
    <select
      className="select"
      aria-label={label}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** Options for a SelectFilter from a label table such as CONSENT_BASIS_LABELS. */
export function optionsOf(labels: Readonly<Record<string, string>>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
