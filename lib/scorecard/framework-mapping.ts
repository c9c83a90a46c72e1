// Canary's own mapping of each policy criterion kind to the frameworks a compliance officer reports
// against. It is Canary's reading of those texts, NOT an official crosswalk published by NIST, ISO
// or the EU: check it against your own interpretation before relying on it.
import type { CriterionKind } from "../policy/index.ts";

export interface FrameworkRefs {
  /** NIST AI RMF 1.0 (NIST AI 100-1) subcategories, Map / Measure / Manage. */
  nistAiRmf: string[];
  /** ISO/IEC 42001:2023 Annex A controls. */
  iso42001: string[];
  /** Regulation (EU) 2024/1689 (AI Act), Article 10 paragraphs. */
  euAiAct: string[];
}

export const FRAMEWORK_MAPPING: Record<CriterionKind, FrameworkRefs> = {
  dp_epsilon_max: {
    nistAiRmf: ["MEASURE 2.10 (privacy risk examined and documented)", "MANAGE 1.3 (responses to high risks)"],
    iso42001: ["A.7.4 (quality of data for AI systems)", "A.6.2.4 (AI system verification and validation)"],
    euAiAct: ["Art. 10(5) (safeguards for special categories: privacy-preserving measures)"],
  },
  mia_auc_max: {
    nistAiRmf: ["MEASURE 2.10 (privacy risk examined and documented)", "MEASURE 2.7 (security and resilience evaluated)"],
    iso42001: ["A.6.2.4 (AI system verification and validation)", "A.5.4 (assessing AI system impact on individuals)"],
    euAiAct: ["Art. 10(5) (safeguards for special categories of personal data)"],
  },
  mia_tpr_at_fpr_max: {
    nistAiRmf: ["MEASURE 2.10 (privacy risk examined and documented)", "MEASURE 2.7 (security and resilience evaluated)"],
    iso42001: ["A.6.2.4 (AI system verification and validation)", "A.5.4 (assessing AI system impact on individuals)"],
    euAiAct: ["Art. 10(5) (safeguards for special categories of personal data)"],
  },
  empirical_epsilon_within_claim: {
    nistAiRmf: ["MEASURE 2.10 (privacy risk examined and documented)", "MEASURE 2.5 (validity and reliability demonstrated)"],
    iso42001: ["A.6.2.4 (AI system verification and validation)", "A.6.2.7 (AI system technical documentation)"],
    euAiAct: ["Art. 10(5) (safeguards for special categories of personal data)"],
  },
  no_open_pii_findings: {
    nistAiRmf: ["MAP 4.1 (legal risks of data and components mapped)", "MEASURE 2.10 (privacy risk examined and documented)"],
    iso42001: ["A.7.2 (data for development and enhancement of AI system)", "A.7.4 (quality of data for AI systems)"],
    euAiAct: ["Art. 10(2)(b) (data collection processes and origin)", "Art. 10(5) (special categories of personal data)"],
  },
  license_compatible: {
    nistAiRmf: ["MAP 4.1 (legal risks, including intellectual property, mapped)", "GOVERN 6.1 (third-party IP and data risks)"],
    iso42001: ["A.7.3 (acquisition of data)", "A.7.5 (data provenance)"],
    euAiAct: ["Art. 10(2)(b) (data collection processes and origin of data)"],
  },
  k_anonymity_min: {
    nistAiRmf: ["MEASURE 2.10 (privacy risk examined and documented)", "MANAGE 2.2 (mechanisms to sustain value and manage risk)"],
    iso42001: ["A.7.6 (data preparation)", "A.7.4 (quality of data for AI systems)"],
    euAiAct: ["Art. 10(2)(c) (data preparation: annotation, cleaning, aggregation)", "Art. 10(5) (special categories of personal data)"],
  },
  contamination_rate_max: {
    nistAiRmf: ["MEASURE 2.1 (test sets and metrics documented)", "MEASURE 2.5 (validity and reliability demonstrated)"],
    iso42001: ["A.7.4 (quality of data for AI systems)", "A.6.2.4 (AI system verification and validation)"],
    euAiAct: ["Art. 10(3) (training, validation and testing data relevant, representative, free of errors)"],
  },
  utility_loss_max: {
    nistAiRmf: ["MEASURE 2.3 (performance measured in deployment-like conditions)", "MANAGE 2.2 (mechanisms to sustain value)"],
    iso42001: ["A.6.2.4 (AI system verification and validation)", "A.6.2.6 (AI system operation and monitoring)"],
    euAiAct: ["Art. 10(2)(e) (assessment of availability, quantity and suitability of data)"],
  },
};
