import { join } from "node:path";
import { faker } from "@faker-js/faker";
import { writeLines } from "./write-lines.ts";

const CUSTOMER_ROWS = 2000;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A synthetic customer table full of (fake) personal data: the PII scanners' demo. */
export async function writeCustomers(dir: string): Promise<{ full: string; withoutNotes: string }> {
  faker.seed(42);
  faker.setDefaultRefDate(new Date("2026-01-01T00:00:00Z"));
  const header = ["customer_id", "name", "email", "phone", "date_of_birth", "postcode", "city", "sex", "iban", "credit_card", "ssn", "notes"];
  const rows: string[][] = [];
  for (let i = 0; i < CUSTOMER_ROWS; i += 1) {
    const sex = faker.person.sex() as "female" | "male";
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName();
    const email = faker.internet.email({ firstName: first, lastName: last }).toLowerCase();
    const phone = faker.phone.number({ style: "international" });
    const notes = [
      faker.lorem.sentence(),
      `Called ${first} ${last} on ${phone}.`,
      `Prefers contact via ${email}.`,
      `Moved from ${faker.location.streetAddress()} last year.`,
      faker.lorem.sentence(),
    ];
    rows.push([
      String(100000 + i),
      `${first} ${last}`,
      email,
      phone,
      faker.date.birthdate({ mode: "age", min: 18, max: 90 }).toISOString().slice(0, 10),
      faker.location.zipCode("#####"),
      faker.location.city(),
      sex,
      faker.finance.iban(),
      faker.finance.creditCardNumber(),
      `${faker.string.numeric(3)}-${faker.string.numeric(2)}-${faker.string.numeric(4)}`,
      faker.helpers.arrayElements(notes, { min: 1, max: 3 }).join(" "),
    ]);
  }
  const full = join(dir, "customers.csv");
  const withoutNotes = join(dir, "customers-v2.csv");
  await writeLines(full, [header, ...rows].map((row) => row.map(csvCell).join(",")));
  await writeLines(withoutNotes, [header.slice(0, -1), ...rows.map((row) => row.slice(0, -1))].map((row) => row.map(csvCell).join(",")));
  return { full, withoutNotes };
}
