import { join } from "node:path";
import { faker } from "@faker-js/faker";
import { writeLines } from "./write-lines.ts";

/** Free-text support tickets with (fake) names, emails and phone numbers inside sentences. */
export async function writeTickets(dir: string): Promise<string> {
  faker.seed(7);
  const lines: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const name = faker.person.fullName();
    lines.push(
      faker.helpers.arrayElement([
        `Customer ${name} reports that the app crashes on login; reach them at ${faker.internet.email().toLowerCase()}.`,
        `Refund requested by ${name} (${faker.phone.number({ style: "international" })}) for order ${faker.string.alphanumeric(8).toUpperCase()}.`,
        `${faker.lorem.sentence()} ${faker.lorem.sentence()}`,
        `Address change for ${name}: ${faker.location.streetAddress()}, ${faker.location.city()}.`,
      ]),
    );
  }
  const path = join(dir, "tickets.txt");
  await writeLines(path, lines);
  return path;
}
