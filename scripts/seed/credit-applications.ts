import { join } from "node:path";
import { faker } from "@faker-js/faker";
import { writeLines } from "./write-lines.ts";

/**
 * Synthetic loan applications with a label the features explain (a noisy logistic rule), so a small
 * model reaches useful accuracy: the training demo. Age band, sex and postcode are its quasi-identifiers.
 */
export async function writeCreditApplications(dir: string, name: string, rows: number, seed: number): Promise<string> {
  faker.seed(seed);
  const purposes = ["car", "home", "education", "business", "holiday"] as const;
  const purposeWeight = { car: 0.2, home: 0.6, education: 0.3, business: -0.4, holiday: -0.8 } as const;
  // Coarse quasi-identifiers (10-year age bands, 8 postcode areas) keep every class at k ≥ 5.
  const postcodes = Array.from({ length: 8 }, (_, i) => String(10115 + i * 37));
  const header = ["application_id", "age", "sex", "postcode", "income_k", "employment_years", "loan_amount_k", "purpose", "existing_loans", "approved"];
  const lines = [header.join(",")];
  for (let i = 0; i < rows; i += 1) {
    const age = faker.number.int({ min: 18, max: 79 });
    const income = Math.round(faker.number.float({ min: 12, max: 160 }));
    const years = Math.min(age - 18, faker.number.int({ min: 0, max: 40 }));
    const amount = Math.round(faker.number.float({ min: 1, max: 80 }));
    const purpose = faker.helpers.arrayElement(purposes);
    const loans = faker.number.int({ min: 0, max: 4 });
    const logit = -1.2 + 0.035 * income - 0.05 * amount + 0.06 * years - 0.55 * loans + purposeWeight[purpose] + faker.number.float({ min: -1.5, max: 1.5 });
    const approved = faker.number.float({ min: 0, max: 1 }) < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const ageBand = `${Math.floor(age / 10) * 10}-${Math.floor(age / 10) * 10 + 9}`;
    lines.push([`${name === "holdout" ? "H" : "A"}${100000 + i}`, ageBand, faker.person.sex(), faker.helpers.arrayElement(postcodes), income, years, amount, purpose, loans, approved].join(","));
  }
  const path = join(dir, `credit-applications-${name}.csv`);
  await writeLines(path, lines);
  return path;
}
