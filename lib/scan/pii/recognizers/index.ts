// The built-in recognizers, one file each; registry.ts registers them by name.
import { creditCardRecognizer } from "./credit-card.ts";
import { dateTimeRecognizer } from "./date-time.ts";
import { emailAddressRecognizer } from "./email-address.ts";
import { ibanCodeRecognizer } from "./iban-code.ts";
import { ipAddressRecognizer } from "./ip-address.ts";
import { locationRecognizer } from "./location.ts";
import { personRecognizer } from "./person.ts";
import { phoneNumberRecognizer } from "./phone-number.ts";
import { ukNhsRecognizer } from "./uk-nhs.ts";
import { urlRecognizer } from "./url.ts";
import { usSsnRecognizer } from "./us-ssn.ts";
import type { Recognizer } from "../types.ts";

/** In order of precedence when two spans tie on score and length (validated structured types first). */
export const BUILTIN_RECOGNIZERS: readonly Recognizer[] = [
  emailAddressRecognizer,
  creditCardRecognizer,
  ibanCodeRecognizer,
  usSsnRecognizer,
  phoneNumberRecognizer,
  ipAddressRecognizer,
  urlRecognizer,
  dateTimeRecognizer,
  ukNhsRecognizer,
  personRecognizer,
  locationRecognizer,
];
