import { text } from "node:stream/consumers";
import { AppError } from "../../errors/index.ts";
import { openBlob } from "../../storage/index.ts";

/** A stored JSON blob, parsed. @throws AppError unprocessable when it is not JSON */
export async function readBlobJson(key: string): Promise<unknown> {
  const content = await text(openBlob(key));
  try {
    return JSON.parse(content) as unknown;
  } catch {
    throw new AppError("unprocessable", "the stored scores file is not valid JSON");
  }
}
