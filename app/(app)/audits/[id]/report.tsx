// The completed audit's results, by kind: membership figures with the certified ε lower bound beside
// the exploratory one and the claim (a loud banner only when a one-run audit refutes it), exposure,
// extraction curves, inversion pictures.
import { ImageGrid, LineChart, RocCurve } from "../../../_components/charts";
import { fmt, membershipVerdict, pct, type AuditResults, type MembershipAuditResults } from "../audit-types";

function Interval({ interval }: { interval?: { lower: number; upper: number } }) {
  return interval ? (
    <span className="muted">
      {" "}
      [{fmt(interval.lower)}, {fmt(interval.upper)}]
    </span>
  ) : null;
}

function Figure({ label, value, children, testId }: { label: string; value: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="audit-figure" data-testid={testId}>
      <div className="audit-figure-label">{label}</div>
      <div className="audit-figure-value">
        {value}
        {children}
      </div>
    </div>
  );
}

export function ClaimBanner({ results }: { results: MembershipAuditResults }) {
  const verdict = membershipVerdict(results);
  if (results.kind === "one_run_epsilon") {
    const recipe = `This verdict is about the training recipe, retrained with ${results.oneRun.canaries} canaries${results.oneRun.steps ? ` for ${results.oneRun.steps} steps` : ""}, not about the stored weights.`;
    if (verdict === "violated") {
      return (
        <div className="alert alert-error audit-banner" role="alert" data-testid="claim-violated">
          <div>
            <div className="alert-title">The privacy guarantee is false</div>
            The retraining claims ε = {fmt(results.runEpsilon)}, but its canaries, each included at random, prove ε ≥ {fmt(results.epsilonLowerBound)} with 95% confidence (δ = {results.delta}). {recipe}
          </div>
        </div>
      );
    }
    return (
      <div className={`alert ${verdict === "consistent" ? "alert-success" : "alert-info"}`} role="status">
        {verdict === "consistent"
          ? `The one-run bound ε ≥ ${fmt(results.epsilonLowerBound)} does not contradict the retraining's ε = ${fmt(results.runEpsilon)} (δ = ${results.delta}). This audit could not refute the claim; it does not prove it. `
          : `The retraining ran without DP; its canaries show it leaks at least as much as an ε = ${fmt(results.epsilonLowerBound)} DP run. `}
        {recipe}
      </div>
    );
  }
  const certified = fmt(results.certified?.epsilonLowerBound);
  if (verdict === "evidence_only") {
    return (
      <div className="alert alert-warn audit-banner" role="alert" data-testid="claim-exceeded-evidence">
        <div>
          <div className="alert-title">Evidence against the claim, not a verdict</div>
          The model claims ε = {fmt(results.claimedEpsilon)}; this attack certifies ε ≥ {certified} with 95% confidence (δ = {results.delta}, threshold chosen on held-out scores). Its members are the training set, not records chosen at random, so it
          cannot refute the claim on its own: run a one-run audit for a verdict.
        </div>
      </div>
    );
  }
  if (verdict === "consistent") {
    return (
      <div className="alert alert-success" role="status">
        The certified bound ε ≥ {certified} does not contradict the claimed ε = {fmt(results.claimedEpsilon)}. This attack could not refute the claim; it does not prove it.
      </div>
    );
  }
  return (
    <div className="alert alert-info" role="status">
      No ε is claimed for this model; the attack certifies it leaks at least as much as an ε = {certified} DP model.
    </div>
  );
}

/** The ε figures: the certified bound beside the exploratory one (the one-run audit's own bound instead of the exploratory). */
function EpsilonFigures({ results }: { results: MembershipAuditResults }) {
  const verdict = membershipVerdict(results);
  const certified = (
    <Figure label="ε lower bound, certified (held-out threshold)" value={fmt(results.certified?.epsilonLowerBound)} testId="figure-epsilon-certified">
      {results.kind === "one_run_epsilon" ? <span className="muted"> on the canaries</span> : <span className={verdict === "evidence_only" ? "text-danger" : "muted"}> vs claimed {results.claimedEpsilon === null ? "none" : fmt(results.claimedEpsilon)}</span>}
    </Figure>
  );
  if (results.kind === "one_run_epsilon") {
    return (
      <>
        <Figure label="ε lower bound, one-run (Steinke et al. 2023)" value={fmt(results.epsilonLowerBound)} testId="figure-epsilon">
          <span className={verdict === "violated" ? "text-danger" : "muted"}> vs the retraining&apos;s ε {results.runEpsilon === null ? "none" : fmt(results.runEpsilon)}</span>
        </Figure>
        {certified}
      </>
    );
  }
  return (
    <>
      {certified}
      <Figure label="ε lower bound, exploratory" value={fmt(results.epsilonLowerBound)} testId="figure-epsilon">
        <span className="muted"> every threshold swept: not a bound</span>
      </Figure>
    </>
  );
}

function MembershipReport({ results }: { results: MembershipAuditResults }) {
  const ci = results.confidenceIntervals;
  const attack = results.kind === "lira" ? `LiRA (${results.variant}, ${results.shadowModels} shadow models)` : results.kind === "membership_inference" ? (results.attack === "shadow_models" ? "Shadow-model attack" : `Loss threshold (${results.scoreKind})`) : results.kind === "one_run_epsilon" ? "One-run audit (canaries)" : "Uploaded scores";
  return (
    <>
      <ClaimBanner results={results} />
      <div className="card">
        <div className="card-header">
          <h2>Membership inference</h2>
          <p>
            {attack} on {results.members} {results.kind === "one_run_epsilon" ? "included and " : "members and "}
            {results.nonMembers} {results.kind === "one_run_epsilon" ? "excluded canaries of a retrained model" : "non-members"}. Brackets: {ci ? `${Math.round(ci.level * 100)}% bootstrap intervals (${ci.resamples} resamples)` : "no bootstrap"}.
          </p>
        </div>
        <div className="card-body audit-report-grid">
          <div className="audit-figures">
            <Figure label="AUC" value={fmt(results.auc)} testId="figure-auc">
              <Interval interval={ci?.auc} />
            </Figure>
            <Figure label="TPR at 0.1% FPR" value={pct(results.tprAtFpr["0.001"])} testId="figure-tpr-0.001">
              <Interval interval={ci?.tprAtFpr["0.001"]} />
            </Figure>
            <Figure label="TPR at 1% FPR" value={pct(results.tprAtFpr["0.01"])}>
              <Interval interval={ci?.tprAtFpr["0.01"]} />
            </Figure>
            <EpsilonFigures results={results} />
            <Figure label="Advantage (max TPR − FPR)" value={fmt(results.advantage)} />
            <Figure label="Balanced accuracy" value={pct(results.balancedAccuracy, 3)} />
            <Figure label="PPV at 50% members" value={pct(results.ppv, 3)} />
            {results.kind === "one_run_epsilon" ? <Figure label="Canary guesses correct" value={`${results.oneRun.correct} of ${results.oneRun.guesses}`} /> : null}
          </div>
          <RocCurve curves={[{ name: attack, fpr: results.roc.fpr, tpr: results.roc.tpr }]} floor={Math.max(1e-4, 1 / Math.max(results.members, results.nonMembers))} />
        </div>
      </div>
    </>
  );
}

export function AuditReport({ results }: { results: AuditResults }) {
  if ("auc" in results) return <MembershipReport results={results} />;
  switch (results.kind) {
    case "canary_exposure":
      return (
        <div className="card">
          <div className="card-header">
            <h2>Canary exposure</h2>
            <p>Each canary inserted {results.repeats}× into a retraining{results.runEpsilon === null ? " (non-private)" : ` (ε ${fmt(results.runEpsilon)})`}; exposure = log₂|candidates| − log₂ rank, extrapolated when a canary ranks first.</p>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>Canary</th>
                <th>Rank</th>
                <th>Exposure (bits)</th>
                <th>Extrapolated</th>
              </tr>
            </thead>
            <tbody>
              {results.canaries.map((c, i) => (
                <tr key={i}>
                  <td>#{i + 1}</td>
                  <td>
                    {c.rank} of {c.candidates}
                  </td>
                  <td>{fmt(c.exposure)}</td>
                  <td>{fmt(c.extrapolatedExposure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="card-body">
            Mean reported exposure <strong data-testid="figure-exposure">{fmt(results.meanExposure)} bits</strong> (maximum exact value {fmt(results.maxExactExposure)} bits).
          </div>
        </div>
      );
    case "model_extraction":
      return (
        <div className="card">
          <div className="card-header">
            <h2>Model extraction</h2>
            <p>Surrogates trained on the model&apos;s answers; fidelity and accuracy on {results.testExamples} held-out inputs.</p>
          </div>
          <div className="card-body">
            <LineChart
              title="Fidelity and accuracy against queries"
              x={{ label: "Queries", kind: "log" }}
              y={{ label: "Share of test inputs", domain: [0, 1] }}
              series={(["labels", "probabilities"] as const).flatMap((mode) => {
                const points = results.points.filter((p) => p.mode === mode);
                if (points.length === 0) return [];
                return [
                  { name: `Fidelity (${mode})`, points: points.map((p) => ({ x: p.queries, y: p.fidelity })) },
                  { name: `Accuracy (${mode})`, dashed: true, points: points.map((p) => ({ x: p.queries, y: p.accuracy })) },
                ];
              })}
            />
          </div>
        </div>
      );
    case "model_inversion":
      return (
        <div className="card">
          <div className="card-header">
            <h2>Model inversion</h2>
            <p>Each class reconstructed by {results.steps} gradient steps on the input, beside the average training image of the class.</p>
          </div>
          <div className="card-body">
            <ImageGrid
              images={results.reconstructions.flatMap((r) => [
                { label: `${r.label}: reconstruction`, width: r.width, height: r.height, pixels: r.pixels, caption: `p ${fmt(r.confidence)}, cosine ${fmt(r.cosine)}, SSIM ${fmt(r.ssim)}` },
                { label: `${r.label}: class average`, width: r.width, height: r.height, pixels: r.average },
              ])}
            />
          </div>
        </div>
      );
    case "attribute_inference":
      return (
        <div className="card">
          <div className="card-header">
            <h2>Attribute inference: {results.attribute}</h2>
            <p>Values: {results.values.join(", ")}.</p>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>Records</th>
                <th>Attack accuracy</th>
                <th>Prior guess</th>
                <th>Advantage</th>
              </tr>
            </thead>
            <tbody>
              {(["members", "nonMembers"] as const).map((side) => (
                <tr key={side}>
                  <td>{side === "members" ? "Training (members)" : "Held out (non-members)"}</td>
                  <td>{pct(results[side].accuracy, 3)}</td>
                  <td>{pct(results[side].baselineAccuracy, 3)}</td>
                  <td>{fmt(results[side].advantage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
