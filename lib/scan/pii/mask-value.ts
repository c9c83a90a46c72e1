import type { PiiEntity } from "./types.ts";

/**
 * A masked sample of a detected value, safe to show or store: keeps only what identifies the kind of
 * value (an email's domain, a card's last four digits, an IBAN's country) and stars the rest.
 * Never returns the input unchanged, even for values too short to mask by the rules.
 * @example maskValue("EMAIL_ADDRESS", "jane@example.com") // "j***@example.com"
 * @example maskValue("CREDIT_CARD", "4111 1111 1111 1234") // "**** **** **** 1234"
 * @example maskValue("US_SSN", "536-22-6789") // "***-**-6789"
 */
export function maskValue(type: PiiEntity, value: string): string {
  const masked = maskByType(type, value);
  return masked === value ? "*".repeat(Math.max(3, Math.min(value.length, 8))) : masked;
}

function maskByType(type: PiiEntity, value: string): string {
  switch (type) {
    case "EMAIL_ADDRESS": {
      const at = value.lastIndexOf("@");
      if (at <= 0) return starAll(value);
      return `${[...value][0]}***${value.slice(at)}`;
    }
    case "CREDIT_CARD":
      return `**** **** **** ${lastDigits(value, 4)}`;
    case "US_SSN":
      return `***-**-${lastDigits(value, 4)}`;
    case "PHONE_NUMBER":
    case "UK_NHS":
      return keepLastDigits(value, 2);
    case "IBAN_CODE":
      return maskIban(value);
    case "IP_ADDRESS":
      return value.includes(":") ? `${value.split(":")[0]}:****:****` : `${value.split(".")[0]}.***.***.***`;
    case "URL":
      return maskUrl(value);
    case "DATE_TIME":
      return value.replace(/\p{N}/gu, "*").replace(/\p{L}+/gu, "***");
    case "PERSON":
    case "LOCATION":
      return value
        .split(/(\s+)/)
        .map((part) => (/^\s+$/.test(part) || part === "" ? part : `${[...part][0]}***`))
        .join("");
  }
}

function starAll(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, "*");
}

function lastDigits(value: string, n: number): string {
  const digits = value.replace(/\D/g, "");
  return digits.slice(-n);
}

/** Stars every digit but the last `n`, keeping separators: "+44 20 7946 0958" → "+** ** **** **58". */
function keepLastDigits(value: string, n: number): string {
  let keep = n;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (/\d/.test(chars[i]!)) {
      if (keep > 0) keep--;
      else chars[i] = "*";
    }
  }
  return chars.join("");
}

/** Country code and last four characters: "DE89 3704 0044 0532 0130 00" → "DE** **** **** **** **30 00". */
function maskIban(value: string): string {
  const chars = [...value];
  const positions = chars.map((c, i) => (/[A-Za-z0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const visible = new Set([...positions.slice(0, 2), ...positions.slice(-4)]);
  return chars.map((c, i) => (/[A-Za-z0-9]/.test(c) && !visible.has(i) ? "*" : c)).join("");
}

/** Scheme and host kept, path and query starred: "https://example.com/u/jane?id=7" → "https://example.com/***". */
function maskUrl(value: string): string {
  const match = /^((?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#\s]+)(.*)$/i.exec(value);
  if (!match) return starAll(value);
  const [, origin, rest] = match;
  return rest ? `${origin}/***` : origin!.replace(/^([a-z][a-z0-9+.-]*:\/\/)?([^.]+)/i, (_, scheme: string | undefined, label: string) => `${scheme ?? ""}${label[0]}***`);
}
