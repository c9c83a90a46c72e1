// Every PostgreSQL advisory lock Canary takes, in one place, so that no two features share a key by
// accident. PostgreSQL keeps two key spaces that never overlap: one bigint key (a single argument),
// and a pair of int4 keys, used here as (class, hashtext(id)) to serialise work on one object.
// lib/db/advisory-locks.test.ts checks that every lock taken in lib/ names one of these.

/** Single keys. */
export const ADVISORY_LOCK_KEYS = {
  /** Prisma Migrate's own id: our runner and Prisma's never apply at the same time (flavour/postgres.rs). */
  prismaMigrate: 72707369,
  /** Template-database rebuilds of concurrent vitest runs. */
  testTemplate: 72707370,
  /** Audit-log appends, so the hash chain stays linear. */
  auditLog: 7_405_123,
  /** Role changes, so two admins demoting each other cannot both pass the last-admin check. */
  roleChange: 7_405_124,
} as const;

/** Classes of (class, hashtext(id)) pairs. */
export const ADVISORY_LOCK_CLASSES = {
  /** Writers of one blob key against the cleanup of refused uploads. */
  blob: 7_405_124,
  /** Version numbering within one dataset. */
  dataset: 7_405_125,
  /** Scorecard snapshots and decisions of one model version. */
  scorecard: 7_405_126,
  /** Budget checks on one dataset version. */
  budget: 7_405_127,
} as const;
