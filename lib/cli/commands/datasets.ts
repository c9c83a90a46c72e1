// `canary datasets register | upload | list`: the dataset register over the REST API, validated
// first with the API's own schemas so a bad flag fails before any request.
import type { Command } from "commander";
import { listDatasetsQuerySchema, registerDatasetSchema } from "../../datasets/index.ts";
import { ApiClient } from "../api-client.ts";
import { formatTable } from "../format-table.ts";
import { printResult, type OutputOptions } from "../output.ts";
import { parseFlags } from "../zod-flags.ts";
import { registerDatasetUploadCommand } from "./datasets-upload.ts";
import { oneLineErrors } from "./one-line-errors.ts";

interface DatasetSummary {
  name: string;
  versionCount: number;
  latestVersion: { version: number; status: string } | null;
  consentBasis: string;
  licenseExpression: string;
  intendedUse: string;
  owner: { email: string };
  updatedAt: string;
}

interface DatasetPage {
  items: DatasetSummary[];
  total: number;
  page: number;
  pageSize: number;
}

const REGISTER_FLAGS: Record<string, string> = {
  name: "--name",
  description: "--description",
  source: "--source",
  collectionMethod: "--collection-method",
  consentBasis: "--consent-basis",
  licenseExpression: "--license",
  intendedUse: "--intended-use",
  ownerEmail: "--owner",
  collectionPeriodStart: "--collected-from",
  collectionPeriodEnd: "--collected-to",
  retention: "--retention",
};

const LIST_FLAGS: Record<string, string> = { pageSize: "--page-size", consentBasis: "--consent-basis", intendedUse: "--intended-use" };

interface RegisterOptions extends OutputOptions {
  name?: string;
  description?: string;
  source?: string;
  collectionMethod?: string;
  consentBasis?: string;
  license?: string;
  intendedUse?: string;
  owner?: string;
  collectedFrom?: string;
  collectedTo?: string;
  retention?: string;
}

function registerRegisterCommand(group: Command): void {
  group
    .command("register")
    .description("register a dataset with its provenance")
    .option("--name <name>", "unique name: lowercase letters, digits, '-', '_', '.'")
    .option("--description <text>", "what the data is")
    .option("--source <text>", "where the data came from")
    .option("--collection-method <text>", "how it was collected")
    .option("--consent-basis <basis>", "legal basis: consent, contract, legitimate_interest, public_data, …")
    .option("--license <spdx>", "SPDX license expression, e.g. CC-BY-4.0")
    .option("--intended-use <use>", "commercial_training, research_only, internal_evaluation, …")
    .option("--owner <email>", "owner's email (default: the token's owner)")
    .option("--collected-from <date>", "start of the collection period (ISO date)")
    .option("--collected-to <date>", "end of the collection period (ISO date)")
    .option("--retention <text>", "retention policy, e.g. '24 months'")
    .option("--json", "print the dataset as JSON")
    .action(async (options: RegisterOptions) => {
      const input = parseFlags(
        registerDatasetSchema,
        {
          name: options.name,
          description: options.description,
          source: options.source,
          collectionMethod: options.collectionMethod,
          consentBasis: options.consentBasis,
          licenseExpression: options.license,
          intendedUse: options.intendedUse,
          ownerEmail: options.owner,
          collectionPeriodStart: options.collectedFrom,
          collectionPeriodEnd: options.collectedTo,
          retention: options.retention,
        },
        REGISTER_FLAGS,
      );
      const dataset = await new ApiClient().request<{ id: string; name: string }>("POST", "/api/v1/datasets", { json: input });
      printResult(options, dataset, () => `registered dataset ${dataset.name} (${dataset.id})`);
    });
}

interface ListOptions extends OutputOptions {
  page?: string;
  pageSize?: string;
  sort?: string;
  order?: string;
  q?: string;
  consentBasis?: string;
  intendedUse?: string;
}

function registerListCommand(group: Command): void {
  group
    .command("list")
    .description("list datasets")
    .option("--page <n>", "page number, from 1")
    .option("--page-size <n>", "datasets per page (max 200)")
    .option("--sort <field>", "name, createdAt, updatedAt or versionCount")
    .option("--order <order>", "asc or desc")
    .option("--q <text>", "search name, description and source")
    .option("--consent-basis <basis>", "only this consent basis")
    .option("--intended-use <use>", "only this intended use")
    .option("--json", "print the page as JSON")
    .action(async (options: ListOptions) => {
      const { json: _json, ...flags } = options;
      const query = parseFlags(listDatasetsQuerySchema, flags, LIST_FLAGS);
      const page = await new ApiClient().get<DatasetPage>("/api/v1/datasets", query);
      printResult(options, page, () => {
        if (page.items.length === 0) return page.total === 0 ? "no datasets" : `no datasets on page ${page.page} (${page.total} in all)`;
        const rows = page.items.map((d) => [
          d.name,
          String(d.versionCount),
          d.latestVersion ? `v${d.latestVersion.version} ${d.latestVersion.status}` : "—",
          d.consentBasis,
          d.licenseExpression,
          d.intendedUse,
          d.owner.email,
          d.updatedAt.slice(0, 10),
        ]);
        const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
        return `${formatTable(["NAME", "VERSIONS", "LATEST", "CONSENT", "LICENSE", "USE", "OWNER", "UPDATED"], rows)}\npage ${page.page} of ${pages} (${page.total} datasets)`;
      });
    });
}

/** Registers the `datasets` group: register, upload, list. */
export function registerDatasetsCommands(program: Command): void {
  const group = oneLineErrors(program.command("datasets")).description("the dataset register: provenance, versions, lineage");
  registerRegisterCommand(group);
  registerDatasetUploadCommand(group);
  registerListCommand(group);
}
