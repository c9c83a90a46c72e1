"use client";
// Busy and error state around a form's or a button's call to /api/v1, written once: the error is
// cleared when the call starts, and a failure shows as text (the API's message by default).
import { useState } from "react";
import { messageOf } from "./api-client";

export interface ApiActionOptions {
  /** The text a failure shows (default: messageOf, the API's message). */
  errorText?: (cause: unknown) => string;
  /** Stay busy after success, because the action navigates away and its button should not come back meanwhile. */
  busyAfterSuccess?: boolean;
}

interface ApiActionState {
  setBusy: (busy: boolean) => void;
  setError: (error: string | null) => void;
}

/** Runs `action` between setBusy(true) and setBusy(false) (only on failure with busyAfterSuccess), catching its failure into setError. */
export async function runApiAction(action: () => Promise<void>, state: ApiActionState, options: ApiActionOptions = {}): Promise<void> {
  const { errorText = messageOf, busyAfterSuccess = false } = options;
  state.setBusy(true);
  state.setError(null);
  try {
    await action();
    if (!busyAfterSuccess) state.setBusy(false);
  } catch (cause) {
    state.setError(errorText(cause));
    state.setBusy(false);
  }
}

export interface ApiAction {
  busy: boolean;
  error: string | null;
  /** For errors found before calling the API (a missing field), or to clear the error. */
  setError: (error: string | null) => void;
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useApiAction(options: ApiActionOptions = {}): ApiAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return { busy, error, setError, run: (action) => runApiAction(action, { setBusy, setError }, options) };
}
