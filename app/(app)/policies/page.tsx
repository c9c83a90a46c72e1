import type { Metadata } from "next";
import Link from "next/link";
import { principalCan } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { formatDateTime, shortHash } from "@/lib/format";
import { diffPolicies } from "@/lib/policy";
import { listPolicyVersions } from "@/lib/scorecard";
import { requirePagePermission } from "@/app/_server/require-page-permission";
import { EmptyState } from "../../_components/empty-state";
import { PageHeader } from "../../_components/page-header";
import { PolicyEditor } from "./policy-editor";

export const metadata: Metadata = { title: "Policies" };

const one = (value: string | string[] | undefined) => Number(Array.isArray(value) ? value[0] : value);
const show = (value: unknown) => JSON.stringify(value);

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePagePermission("policies.read");
  const query = await searchParams;
  const versions = await listPolicyVersions(getDb());
  const current = versions[0];
  const canWrite = principalCan(principal, "policies.write");
  if (!current) {
    return (
      <>
        <PageHeader title="Policies" />
        <EmptyState title="No policy yet">{canWrite ? <PolicyEditor initial="{}" basedOnVersion={0} /> : <p>An admin or compliance officer must save one.</p>}</EmptyState>
      </>
    );
  }
  const to = versions.find((v) => v.version === one(query.to)) ?? current;
  const from = versions.find((v) => v.version === one(query.from)) ?? versions.find((v) => v.version < to.version) ?? null;
  const changes = from ? diffPolicies(from.document, to.document) : [];

  return (
    <>
      <PageHeader title="Policies" description={`“${current.document.name}”, version ${current.version}: scorecards are graded against it.`} />
      <div className="stack">
        {canWrite ? (
          <section className="card card-body" aria-labelledby="edit-title">
            <h2 id="edit-title" className="section-title">Edit the current version (v{current.version})</h2>
            <PolicyEditor initial={JSON.stringify(current.document, null, 2)} basedOnVersion={current.version} />
          </section>
        ) : (
          <section className="card card-body">
            <h2 className="section-title">Current version (v{current.version})</h2>
            <pre className="mono policy-json">{JSON.stringify(current.document, null, 2)}</pre>
          </section>
        )}
        <section className="card" aria-labelledby="diff-title">
          <div className="card-header">
            <h2 id="diff-title">{from ? `Changes from v${from.version} to v${to.version}` : `v${to.version} is the first version`}</h2>
          </div>
          {from && changes.length === 0 ? <p className="card-body muted">No criterion changed.</p> : null}
          {changes.length > 0 ? (
            <table className="table diff-table" data-testid="policy-diff">
              <thead><tr><th>Criterion</th><th>Change</th><th>Detail</th></tr></thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.id}>
                    <td className="mono">{change.id}</td>
                    <td>{change.type}</td>
                    <td>
                      {change.type === "changed"
                        ? change.changes.map((c) => <div key={c.field}>{c.field}: {show(c.from)} → {show(c.to)} <span className={`badge ${c.direction === "tightened" ? "badge-warn" : ""}`}>{c.direction}</span></div>)
                        : <span className="mono">{show(change.criterion)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <section className="card" aria-labelledby="versions-title">
          <div className="card-header"><h2 id="versions-title">Versions</h2></div>
          <table className="table">
            <thead><tr><th>Version</th><th>Saved</th><th>By</th><th>Document</th><th>Compare</th></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>v{v.version}{v.id === current.id ? <span className="badge badge-ok">current</span> : null}</td>
                  <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  <td>{v.createdBy}</td>
                  <td className="mono">{shortHash(v.documentSha256)}</td>
                  <td>{v.version > 1 ? <Link href={`/policies?from=${v.version - 1}&to=${v.version}`}>with v{v.version - 1}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
