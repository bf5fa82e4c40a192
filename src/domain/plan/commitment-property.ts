// The commitments mirrored on an epic's issue property, so JQL finds them. Other programs' and quarters'
// entries, and anything else on the property, are kept as they are.
import type { Commitment, CommitmentStatus } from './types';

export const COMMITMENTS_PROPERTY_KEY = 'programs.commitments';

export interface CommitmentPropertyEntry {
  programId: string;
  quarter: string;
  from: string;
  to: string;
  /** upstream: this epic delivers `from`; downstream: this epic is `to` and waits. */
  side: 'upstream' | 'downstream';
  status: CommitmentStatus;
  reason: string | null;
  by: string | null;
  at: string | null;
}

export interface CommitmentPropertyValue {
  [other: string]: unknown;
  commitments: unknown[];
  /** Flat for the JQL index: every status on this epic, and the programs they belong to. */
  statuses: string[];
  programIds: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sameEntry = (e: unknown, programId: string, quarter: string, from: string, to: string) =>
  isRecord(e) && e.programId === programId && e.quarter === quarter && e.from === from && e.to === to;

/**
 * The property after recording `commitments` (each touching `issueKey`) of one program's quarter. Entries
 * of other dependencies, programs and quarters, unreadable ones included, stay untouched.
 */
export function mergeCommitmentProperty(
  existing: unknown,
  issueKey: string,
  programId: string,
  quarter: string,
  commitments: readonly Commitment[],
): CommitmentPropertyValue {
  const base = isRecord(existing) ? existing : {};
  let entries: unknown[] = Array.isArray(base.commitments) ? [...(base.commitments as unknown[])] : [];
  for (const c of commitments) {
    if (c.from !== issueKey && c.to !== issueKey) continue;
    entries = entries.filter((e) => !sameEntry(e, programId, quarter, c.from, c.to));
    const entry: CommitmentPropertyEntry = {
      programId,
      quarter,
      from: c.from,
      to: c.to,
      side: c.from === issueKey ? 'upstream' : 'downstream',
      status: c.status,
      reason: c.reason,
      by: c.by,
      at: c.at,
    };
    entries.push(entry);
  }
  const readable = entries.filter(isRecord);
  const strings = (field: string) =>
    [...new Set(readable.map((e) => e[field]).filter((v): v is string => typeof v === 'string'))].sort();
  return { ...base, commitments: entries, statuses: strings('status'), programIds: strings('programId') };
}
