import { getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

// libphonenumber-js validates a number by testing its national significant number (NSN) against the
// region's general pattern and then its per-type patterns (source/helpers/getNumberType.js), but it builds
// those RegExps anew on every call, about 30-70 µs a number. A data file can hold a phone number per row, so
// we compile the same patterns, taken from the library's own "max" metadata, once per region. The accessors
// used below are not in the library's type declarations; if a future version drops them, `compilePlan`
// returns undefined and we fall back to `parsePhoneNumberFromString(...).isValid()`.
// phone-plans.test.ts checks that both paths agree.

const TYPES = ["FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

/** The part of libphonenumber-js's numbering plan object we read. */
interface NumberingPlanInternals {
  callingCode(): string;
  nationalPrefix(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

export interface PhonePlan {
  region: CountryCode;
  callingCode: string;
  /** Trunk prefix dialled before national numbers ("0" in GB/DE/FR, "1" in the US), if any. */
  nationalPrefix: string | undefined;
  /** True when the NSN is a valid number of this region (same rule as libphonenumber-js isValid). */
  isValidNationalNumber(nsn: string): boolean;
}

const plans = new Map<string, PhonePlan | null>();

/** The compiled plan of a region, or undefined if the region is unknown or the metadata is not readable. */
export function phonePlan(region: string): PhonePlan | undefined {
  let plan = plans.get(region);
  if (plan === undefined) {
    plan = compilePlan(region) ?? null;
    plans.set(region, plan);
  }
  return plan ?? undefined;
}

function compilePlan(region: string): PhonePlan | undefined {
  try {
    const metadata = new Metadata() as unknown as { numberingPlan?: NumberingPlanInternals; selectNumberingPlan(c: string): void };
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan;
    if (!plan || typeof plan.nationalNumberPattern !== "function" || typeof plan.type !== "function") return fallbackPlan(region);
    const general = new RegExp(`^(?:${plan.nationalNumberPattern()})$`);
    const types: { pattern: RegExp; lengths: number[] | undefined }[] = [];
    if (plan.hasTypes()) {
      for (const name of TYPES) {
        const type = plan.type(name);
        const pattern = type?.pattern();
        // An empty pattern means "same as fixed line" (metadata removes duplicates).
        if (type && pattern) types.push({ pattern: new RegExp(`^(?:${pattern})$`), lengths: type.possibleLengths() });
      }
    }
    const checkTypes = plan.hasTypes();
    return {
      region: region as CountryCode,
      callingCode: plan.callingCode(),
      nationalPrefix: plan.nationalPrefix() || undefined,
      isValidNationalNumber(nsn: string): boolean {
        if (!general.test(nsn)) return false;
        if (!checkTypes) return true;
        for (const type of types) {
          if (type.lengths && !type.lengths.includes(nsn.length)) continue;
          if (type.pattern.test(nsn)) return true;
        }
        return false;
      },
    };
  } catch {
    return undefined;
  }
}

/** The library's public, slower path, used if its metadata internals change shape. */
function fallbackPlan(region: string): PhonePlan | undefined {
  let callingCode: string;
  try {
    callingCode = getCountryCallingCode(region as CountryCode);
  } catch {
    return undefined;
  }
  return {
    region: region as CountryCode,
    callingCode,
    nationalPrefix: undefined,
    isValidNationalNumber: (nsn) => parsePhoneNumberFromString(nsn, region as CountryCode)?.isValid() ?? false,
  };
}
