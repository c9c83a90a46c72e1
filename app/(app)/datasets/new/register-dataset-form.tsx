"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { registerDatasetSchema } from "@/lib/datasets/browser";
import { CONSENT_BASIS_LABELS, INTENDED_USE_LABELS } from "@/lib/format";
import { apiFetch, fieldErrorsOf, messageOf, ApiError } from "../../../_components/api-client";
import { AlertIcon } from "../../../_components/icons";

type FieldName =
  | "name"
  | "description"
  | "source"
  | "collectionMethod"
  | "consentBasis"
  | "licenseExpression"
  | "intendedUse"
  | "ownerEmail"
  | "collectionPeriodStart"
  | "collectionPeriodEnd"
  | "retention";

type Values = Record<FieldName, string>;

const EMPTY: Values = {
  name: "",
  description: "",
  source: "",
  collectionMethod: "",
  consentBasis: "",
  licenseExpression: "",
  intendedUse: "",
  ownerEmail: "",
  collectionPeriodStart: "",
  collectionPeriodEnd: "",
  retention: "",
};

/** The request body: optional fields left blank are omitted rather than sent as "". */
function bodyOf(values: Values): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = value.trim();
    if (trimmed !== "" || key === "description") body[key] = trimmed;
  }
  return body;
}

function Field({
  name,
  label,
  hint,
  optional,
  error,
  className,
  children,
}: {
  name: FieldName;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={name}>
        {label} {optional ? <span className="optional">(optional)</span> : null}
      </label>
      {children}
      {error ? (
        <span className="field-error" id={`${name}-error`} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function RegisterDatasetForm({ defaultOwnerEmail }: { defaultOwnerEmail: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FieldName | "", string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = (name: FieldName) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
  };

  const inputProps = (name: FieldName) => ({
    id: name,
    name,
    value: values[name],
    onChange: set(name),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : `${name}-hint`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const body = bodyOf(values);

    // Same schema as the server, so most mistakes are caught before a round trip.
    const local = registerDatasetSchema.safeParse(body);
    const localErrors: Partial<Record<FieldName | "", string>> = {};
    if (!local.success) {
      for (const issue of local.error.issues) {
        const field = String(issue.path[0] ?? "") as FieldName | "";
        const blank = field !== "" && values[field].trim() === "";
        localErrors[field] ??= blank ? "Required." : issue.message;
      }
    }
    if (body.collectionPeriodStart && body.collectionPeriodEnd && body.collectionPeriodEnd < body.collectionPeriodStart) {
      localErrors.collectionPeriodEnd ??= "The collection period cannot end before it starts.";
    }
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setFormError("Check the highlighted fields.");
      return;
    }

    setSubmitting(true);
    try {
      const created = await apiFetch<{ name: string }>("/api/v1/datasets", { method: "POST", body: JSON.stringify(body) });
      router.push(`/datasets/${encodeURIComponent(created.name ?? body.name!)}`);
    } catch (error) {
      setSubmitting(false);
      const fieldErrors = fieldErrorsOf(error);
      if (error instanceof ApiError && error.status === 409) {
        setErrors({ name: error.message || "A dataset with this name already exists." });
        setFormError("A dataset with this name already exists. Choose another name.");
      } else if (Object.keys(fieldErrors).length > 0) {
        setErrors(fieldErrors as Partial<Record<FieldName | "", string>>);
        setFormError(fieldErrors[""] ?? "The server did not accept some fields. Check the highlighted fields.");
      } else {
        setFormError(messageOf(error));
      }
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate data-testid="register-dataset-form">
      <div className="card-body form">
        {formError ? (
          <div className="alert alert-error" role="alert">
            <AlertIcon size={18} />
            <span>{formError}</span>
          </div>
        ) : null}

        <div className="form-section-title">Identity</div>
        <div className="form-grid">
          <Field
            name="name"
            label="Name"
            error={errors.name}
            hint="Lowercase letters, digits, '-', '_' and '.'; it becomes part of the URL and cannot be changed."
          >
            <input className="input mono" autoComplete="off" spellCheck={false} required {...inputProps("name")} />
          </Field>
          <Field
            name="ownerEmail"
            label="Owner"
            optional
            error={errors.ownerEmail}
            hint="Email of the accountable person; defaults to you."
          >
            <input className="input" type="email" placeholder={defaultOwnerEmail} {...inputProps("ownerEmail")} />
          </Field>
          <Field name="description" label="Description" optional error={errors.description} className="span-2">
            <textarea className="textarea" rows={3} {...inputProps("description")} />
          </Field>
        </div>

        <div className="form-section-title">Provenance</div>
        <div className="form-grid">
          <Field name="source" label="Source" error={errors.source} hint="Where the data comes from: a system, vendor or public URL.">
            <input className="input" required {...inputProps("source")} />
          </Field>
          <Field
            name="collectionMethod"
            label="Collection method"
            error={errors.collectionMethod}
            hint="How it was collected, e.g. web form, export from CRM, survey."
          >
            <input className="input" required {...inputProps("collectionMethod")} />
          </Field>
          <Field name="collectionPeriodStart" label="Collected from" optional error={errors.collectionPeriodStart}>
            <input className="input" type="date" {...inputProps("collectionPeriodStart")} />
          </Field>
          <Field name="collectionPeriodEnd" label="Collected until" optional error={errors.collectionPeriodEnd}>
            <input className="input" type="date" {...inputProps("collectionPeriodEnd")} />
          </Field>
        </div>

        <div className="form-section-title">Terms of use</div>
        <div className="form-grid">
          <Field
            name="consentBasis"
            label="Consent basis"
            error={errors.consentBasis}
            hint="The lawful basis for processing the personal data in this dataset."
          >
            <select className="select" required {...inputProps("consentBasis")}>
              <option value="">Choose a basis…</option>
              {Object.entries(CONSENT_BASIS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="intendedUse" label="Intended use" error={errors.intendedUse} hint="What the data will be used for.">
            <select className="select" required {...inputProps("intendedUse")}>
              <option value="">Choose a use…</option>
              {Object.entries(INTENDED_USE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="licenseExpression"
            label="License"
            error={errors.licenseExpression}
            hint={
              <>
                An SPDX expression, e.g. <code>CC-BY-4.0</code>, <code>MIT OR Apache-2.0</code>, or <code>LicenseRef-proprietary</code>.
              </>
            }
          >
            <input className="input mono" spellCheck={false} required {...inputProps("licenseExpression")} />
          </Field>
          <Field
            name="retention"
            label="Retention"
            optional
            error={errors.retention}
            hint="How long the data may be kept, e.g. “24 months after collection ends”."
          >
            <input className="input" {...inputProps("retention")} />
          </Field>
        </div>
      </div>
      <div className="card-header" style={{ borderBottom: 0, borderTop: "1px solid var(--border)", justifyContent: "flex-end" }}>
        <Link href="/datasets" className="btn">
          Cancel
        </Link>
        <button type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? "Registering…" : "Register dataset"}
        </button>
      </div>
    </form>
  );
}
