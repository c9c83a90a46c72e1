import spdxLicenseIds from "spdx-license-ids";
import deprecatedSpdxIds from "spdx-license-ids/deprecated";
import { describe, expect, it } from "vitest";
import { IntendedUse } from "../db/index.ts";
import { LICENSE_ALIASES, LICENSE_RULES, licenseRuleFor } from "./license-rules.ts";

const USES = Object.values(IntendedUse);
const rule = (id: string) => {
  const found = LICENSE_RULES.get(id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
};

describe("LICENSE_RULES", () => {
  it("has a row for each common dataset license named in the governance issue", () => {
    const wanted = [
      "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0",
      "ODbL-1.0", "ODC-By-1.0", "PDDL-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "MIT", "Apache-2.0",
      "BSD-3-Clause", "GPL-3.0-only", "AGPL-3.0-only", "LicenseRef-OpenRAIL-M", "LicenseRef-Proprietary", "LicenseRef-Unknown",
    ];
    for (const id of wanted) expect(LICENSE_RULES.has(id), id).toBe(true);
  });

  it("keys rows by real SPDX ids (or LicenseRef-) and judges every intended use", () => {
    for (const [id, row] of LICENSE_RULES) {
      expect(row.id).toBe(id);
      expect(id.startsWith("LicenseRef-") || spdxLicenseIds.includes(id), id).toBe(true);
      expect(Object.keys(row.uses).sort(), id).toEqual([...USES].sort());
      // A use that is not plainly allowed must say why.
      for (const use of USES) if (row.uses[use] !== "allowed") expect(row.notes[use], `${id} ${use}`).toMatch(/\w/);
    }
    for (const [alias, target] of LICENSE_ALIASES) {
      expect(spdxLicenseIds.includes(alias) || deprecatedSpdxIds.includes(alias), alias).toBe(true);
      expect(LICENSE_RULES.has(target), target).toBe(true);
    }
  });

  it("forbids commercial training under every NonCommercial license and carries non_commercial", () => {
    for (const id of ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0"]) {
      expect(rule(id).uses.commercial_training, id).toBe("forbidden");
      expect(rule(id).uses.research_only, id).toBe("allowed");
      expect(rule(id).uses.internal_evaluation, id).toBe("review");
      expect(rule(id).obligations, id).toContain("non_commercial");
    }
    // ...and only those carry it.
    const nonCommercial = [...LICENSE_RULES.values()].filter((r) => r.obligations.includes("non_commercial")).map((r) => r.id);
    expect(nonCommercial.sort()).toEqual(["CC-BY-NC-4.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-4.0"]);
  });

  it("carries share_alike for SA, ODbL and CDLA-Sharing, no_derivatives for ND, copyleft for the GPLs", () => {
    for (const id of ["CC-BY-SA-4.0", "CC-BY-NC-SA-4.0", "ODbL-1.0", "CDLA-Sharing-1.0"]) expect(rule(id).obligations, id).toContain("share_alike");
    for (const id of ["CC-BY-ND-4.0", "CC-BY-NC-ND-4.0"]) {
      expect(rule(id).obligations, id).toContain("no_derivatives");
      expect(rule(id).uses.redistribution_model, id).toBe("review");
    }
    expect(rule("GPL-3.0-only").obligations).toContain("copyleft");
    expect(rule("AGPL-3.0-only").obligations).toEqual(expect.arrayContaining(["copyleft", "network_copyleft"]));
    expect(rule("AGPL-3.0-only").uses.commercial_training).toBe("review");
  });

  it("lets the public-domain and permissive licenses do everything, the public-domain ones without conditions", () => {
    for (const id of ["CC0-1.0", "PDDL-1.0"]) expect(rule(id).obligations, id).toEqual([]);
    for (const id of ["CC0-1.0", "PDDL-1.0", "CC-BY-4.0", "ODC-By-1.0", "CDLA-Permissive-2.0", "MIT", "Apache-2.0", "BSD-3-Clause"]) {
      for (const use of USES) expect(rule(id).uses[use], `${id} ${use}`).toBe("allowed");
    }
    expect(rule("CC-BY-4.0").obligations).toEqual(["attribution"]);
    expect(rule("Apache-2.0").obligations).toEqual(["attribution", "include_license", "state_changes"]);
  });

  it("never allows anything under an unknown license, and forbids redistributing proprietary data", () => {
    for (const use of USES) expect(rule("LicenseRef-Unknown").uses[use]).toBe("review");
    expect(rule("LicenseRef-Proprietary").uses.redistribution_data).toBe("forbidden");
    expect(USES.filter((use) => rule("LicenseRef-Proprietary").uses[use] === "allowed")).toEqual([]);
    expect(rule("LicenseRef-OpenRAIL-M").obligations).toContain("use_restrictions");
  });

  it("reads aliases as their row and knows nothing of ids without one", () => {
    expect(licenseRuleFor("GPL-3.0-or-later")?.id).toBe("GPL-3.0-only");
    expect(licenseRuleFor("AGPL-3.0")?.id).toBe("AGPL-3.0-only");
    expect(licenseRuleFor("Zlib")).toBeUndefined();
    expect(licenseRuleFor("LicenseRef-Whatever")).toBeUndefined();
  });
});
