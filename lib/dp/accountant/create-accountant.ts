// The accountant registry, after Opacus `opacus/accountants/registry.py`: one class per
// mechanism, created by name.
import { AppError } from "../../errors/index.ts";
import { ACCOUNTANT_MECHANISMS, type AccountantMechanism } from "./accountant.ts";
import { PrvAccountant } from "./prv-accountant.ts";
import { RdpAccountant } from "./rdp-accountant.ts";

const ACCOUNTANTS = {
  rdp: () => new RdpAccountant(),
  prv: () => new PrvAccountant(),
} satisfies Record<AccountantMechanism, () => RdpAccountant | PrvAccountant>;

export function createAccountant(mechanism: "rdp"): RdpAccountant;
export function createAccountant(mechanism: "prv"): PrvAccountant;
export function createAccountant(mechanism: AccountantMechanism): RdpAccountant | PrvAccountant;
/**
 * A fresh accountant for the mechanism.
 * @throws AppError bad_request when the mechanism is not one of ACCOUNTANT_MECHANISMS.
 * @example createAccountant("rdp").mechanism // "rdp"
 */
export function createAccountant(mechanism: string): RdpAccountant | PrvAccountant {
  if (!Object.hasOwn(ACCOUNTANTS, mechanism)) {
    throw new AppError(
      "bad_request",
      `createAccountant: unexpected accounting mechanism "${mechanism}"; expected one of ${ACCOUNTANT_MECHANISMS.join(", ")}`,
    );
  }
  return ACCOUNTANTS[mechanism as AccountantMechanism]();
}
