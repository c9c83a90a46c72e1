import type { Severity } from "../../db/index.ts";
import type { PiiEntity } from "../pii/index.ts";

/**
 * How bad one exposed value of each entity is: identifiers that open accounts or move money are high;
 * contact details and names identify a person directly (medium); places, dates and URLs identify only
 * in combination (low; the re-identification scan weighs combinations).
 */
export const PII_SEVERITY: Readonly<Record<PiiEntity, Severity>> = {
  US_SSN: "high",
  CREDIT_CARD: "high",
  IBAN_CODE: "high",
  UK_NHS: "high",
  EMAIL_ADDRESS: "medium",
  PHONE_NUMBER: "medium",
  PERSON: "medium",
  IP_ADDRESS: "medium",
  LOCATION: "low",
  DATE_TIME: "low",
  URL: "low",
};
