// The risk register against what detection finds today: new conditions open risks, present ones keep their
// reason current, cleared ones close (and reopen, same fingerprint, when they come back). Manual risks are
// never touched; a risk people marked as happened or accepted is never closed by the app.
import { LIMITS } from '../initiation/schemas';
import type { DetectedRisk } from './detection/types';
import { withStatusChange, type Risk, type RiskStatus } from './risk';

export const CLEARED_NOTE = 'condition cleared';
export const DETECTED_AGAIN_NOTE = 'condition detected again';

export type RegisterChangeKind = 'refreshed' | 'closed' | 'reopened' | 'cleared' | 'duplicate';

export interface RegisterUpdate<R extends Risk> {
  before: R;
  after: Risk;
  kind: RegisterChangeKind;
}

/** What to write: only risks that change. */
export interface RegisterSync<R extends Risk> {
  create: Risk[];
  update: RegisterUpdate<R>[];
}

export interface SyncOptions {
  /** ISO date-time of the detection. */
  at: string;
  /** Who owns a newly detected risk (e.g. the lead of the first team it concerns). */
  ownerOf?: (risk: DetectedRisk) => string | null;
}

/** The register id of a detected condition: the same on every run, so two syncs cannot open it twice. */
export function detectedRiskId(fingerprint: string): string {
  // FNV-1a, twice with different offsets: 64 bits, plenty for a program's few hundred conditions.
  const hash = (offset: number) => {
    let h = offset;
    for (let i = 0; i < fingerprint.length; i++) {
      h ^= fingerprint.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return `det-${hash(0x811c9dc5)}${hash(0x050c5d1f)}`;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const moved = (risk: Risk, to: RiskStatus, at: string, note: string, by: string | null = null): Risk => ({
  ...risk,
  status: to,
  history: withStatusChange(risk, { at, by, from: risk.status, to, note }),
});

/** What detection says about a condition, in the register's limits. */
function detectedFields(d: DetectedRisk) {
  return {
    rule: d.rule,
    fingerprint: d.fingerprint,
    title: clip(d.title.trim(), LIMITS.shortText),
    reason: clip(d.reason, LIMITS.longText),
    initiativeKeys: [...d.initiativeKeys],
    teamIds: [...d.teamIds],
  };
}

export function riskFromDetection(d: DetectedRisk, options: SyncOptions): Risk {
  return {
    id: detectedRiskId(d.fingerprint),
    ...detectedFields(d),
    probability: d.probability,
    impact: d.impact,
    ownerAccountId: options.ownerOf?.(d) ?? null,
    mitigation: '',
    status: 'open',
    source: 'detected',
    detectedAt: options.at,
    history: [{ at: options.at, by: null, from: null, to: 'open', note: 'detected' }],
  };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  (a ?? []).length === b.length && b.every((x, i) => a?.[i] === x);

function refreshed(risk: Risk, d: DetectedRisk): Risk {
  const fields = detectedFields(d);
  const same =
    risk.rule === fields.rule &&
    risk.title === fields.title &&
    risk.reason === fields.reason &&
    sameList(risk.initiativeKeys, fields.initiativeKeys) &&
    sameList(risk.teamIds, fields.teamIds);
  return same ? risk : { ...risk, ...fields };
}

/** Of several stored risks for one condition, the one the register keeps. */
function canonical<R extends Risk>(risks: readonly R[]): R {
  return [...risks].sort((a, b) => {
    const own = (r: R) => (r.fingerprint !== undefined && r.id === detectedRiskId(r.fingerprint) ? 0 : 1);
    return (
      own(a) - own(b) ||
      (a.detectedAt ?? '').localeCompare(b.detectedAt ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  })[0]!;
}

const closable = (status: RiskStatus) => status === 'open' || status === 'mitigating';

/** What the register needs written so it matches today's detection. */
export function reconcileRegister<R extends Risk>(
  stored: readonly R[],
  detected: readonly DetectedRisk[],
  options: SyncOptions,
): RegisterSync<R> {
  const { at } = options;
  const now = new Map<string, DetectedRisk>();
  for (const d of detected) if (!now.has(d.fingerprint)) now.set(d.fingerprint, d);

  const byFingerprint = new Map<string, R[]>();
  for (const risk of stored)
    if (risk.source === 'detected' && risk.fingerprint !== undefined)
      byFingerprint.set(risk.fingerprint, [...(byFingerprint.get(risk.fingerprint) ?? []), risk]);

  const update: RegisterUpdate<R>[] = [];
  const change = (before: R, after: Risk, kind: RegisterChangeKind) => {
    if (after !== before) update.push({ before, after, kind });
  };

  for (const [fingerprint, risks] of byFingerprint) {
    const kept = canonical(risks);
    for (const duplicate of risks)
      if (duplicate !== kept && closable(duplicate.status))
        change(duplicate, moved(duplicate, 'closed', at, `duplicate of ${kept.id}`), 'duplicate');

    const d = now.get(fingerprint);
    if (d) {
      let next: Risk = refreshed(kept, d);
      let kind: RegisterChangeKind = 'refreshed';
      if (kept.clearedAt !== undefined) {
        const { clearedAt: _cleared, ...rest } = next;
        next = rest;
        // Closed because it had cleared: it is back. A status people chose otherwise stays theirs.
        if (kept.status === 'closed') {
          next = moved(next, 'open', at, DETECTED_AGAIN_NOTE);
          kind = 'reopened';
        }
      }
      change(kept, next, kind);
    } else if (kept.clearedAt === undefined) {
      const cleared = { ...kept, clearedAt: at };
      if (closable(kept.status)) change(kept, moved(cleared, 'closed', at, CLEARED_NOTE), 'closed');
      else change(kept, cleared, 'cleared');
    }
  }

  const create = [...now.values()]
    .filter((d) => !byFingerprint.has(d.fingerprint))
    .map((d) => riskFromDetection(d, options));
  return { create, update };
}
