import { AppError } from "../errors/index.ts";

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Refuses a file name that is a path or could surprise a shell or a file system. */
export function checkFilename(filename: string): string {
  const refuse = (why: string): never => {
    throw new AppError("bad_request", `filename: ${why}`, { field: "filename" });
  };
  if (filename.length === 0) refuse("is empty");
  if (filename.length > 255) refuse("is longer than 255 characters");
  if (CONTROL.test(filename)) refuse("contains a control character");
  if (filename.includes("/") || filename.includes("\\")) refuse("must be a file name, not a path");
  if (filename.includes("..")) refuse("must not contain '..'");
  if (filename.startsWith(".")) refuse("must not start with a dot");
  if (filename.trim() !== filename) refuse("must not start or end with a space");
  return filename;
}
