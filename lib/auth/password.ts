import bcrypt from "bcryptjs";
import { AppError } from "../errors/index.ts";

/** bcrypt cost factor: 2^12 rounds, about a quarter of a second in bcryptjs; tests may pass less. */
export const BCRYPT_COST = 12;

// bcrypt reads at most 72 bytes of a password; longer ones would be silently truncated.
const BCRYPT_MAX_BYTES = 72;

/** Hashes a password with bcrypt. Throws AppError bad_request for an empty or over-long password. */
export async function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  if (password.length === 0) throw new AppError("bad_request", "password must not be empty");
  if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) {
    throw new AppError("bad_request", `password must be at most ${BCRYPT_MAX_BYTES} bytes`);
  }
  return bcrypt.hash(password, cost);
}

/** True when `password` matches the bcrypt `hash`; false for malformed hashes and over-long passwords. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

// A real hash of a random string, compared against when the user does not exist, so that a
// sign-in for an unknown email costs as much as one for a known email (no timing oracle).
let dummyHash: string | undefined;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= await bcrypt.hash(crypto.randomUUID(), BCRYPT_COST);
  await verifyPassword(password, dummyHash);
  return false;
}
