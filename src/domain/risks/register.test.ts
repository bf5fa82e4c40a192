import type { DetectedRisk } from './detection/types';
import {
  CLEARED_NOTE,
  DETECTED_AGAIN_NOTE,
  detectedRiskId,
  reconcileRegister,
  riskFromDetection,
} from './register';
import { HISTORY_LIMIT, type Risk } from './risk';

const aDetection = (key: string, overrides: Partial<DetectedRisk> = {}): DetectedRisk => ({
  rule: 'commitment-declined',
  fingerprint: `commitment-declined:ID-4>${key}`,
  title: `ID-4 → ${key}: commitment declined`,
  reason: `Identity declined to deliver ID-4 for ${key}.`,
  probability: 5,
  impact: 4,
  initiativeKeys: ['ID-4', key],
  teamIds: ['team-id', 'team-pay'],
  ...overrides,
});

const DAY1 = '2027-02-01T06:00:00.000Z';
const DAY2 = '2027-02-02T06:00:00.000Z';
const DAY3 = '2027-02-03T06:00:00.000Z';

type Stored = Risk & { version: number };
const stored = (risk: Risk, version = 1): Stored => ({ ...risk, version });
const sync = (register: readonly Stored[], detected: DetectedRisk[], at: string) =>
  reconcileRegister(register, detected, { at });

/** The register after applying a sync, as the store would hold it. */
function apply(register: readonly Stored[], result: ReturnType<typeof sync>): Stored[] {
  const updated = new Map(result.update.map((u) => [u.before.id, u.after]));
  return [
    ...register.map((r) => {
      const next = updated.get(r.id);
      return next ? stored(next, r.version + 1) : r;
    }),
    ...result.create.map((r) => stored(r)),
  ];
}

const manual: Stored = stored({
  id: 'risk-psp',
  title: 'Payment provider contract late',
  probability: 3,
  impact: 5,
  ownerAccountId: 'lena',
  mitigation: 'Second provider',
  status: 'open',
  source: 'manual',
});

describe('the register against today’s detection', () => {
  it('opens a risk for a new condition, with its reason, history and a stable id', () => {
    const { create, update } = reconcileRegister([manual], [aDetection('PAY-12')], {
      at: DAY1,
      ownerOf: () => 'ravi',
    });
    expect(update).toEqual([]);
    expect(create).toHaveLength(1);
    const [risk] = create;
    expect(risk).toMatchObject({
      id: detectedRiskId('commitment-declined:ID-4>PAY-12'),
      source: 'detected',
      status: 'open',
      rule: 'commitment-declined',
      reason: 'Identity declined to deliver ID-4 for PAY-12.',
      ownerAccountId: 'ravi',
      detectedAt: DAY1,
    });
    expect(risk?.history).toEqual([{ at: DAY1, by: null, from: null, to: 'open', note: 'detected' }]);
  });

  it('writes nothing while the condition holds unchanged, and refreshes its reason when it changes', () => {
    const register = apply([manual], sync([manual], [aDetection('PAY-12')], DAY1));
    expect(sync(register, [aDetection('PAY-12')], DAY2)).toEqual({ create: [], update: [] });

    const { update } = sync(register, [aDetection('PAY-12', { reason: 'Identity declined again.' })], DAY2);
    expect(update).toHaveLength(1);
    expect(update[0]?.kind).toBe('refreshed');
    expect(update[0]?.after.reason).toBe('Identity declined again.');
    expect(update[0]?.after.status).toBe('open');
    expect(update[0]?.after.history).toHaveLength(1);
  });

  it('closes a risk whose condition cleared, and reopens the same risk when it comes back', () => {
    let register = apply([manual], sync([manual], [aDetection('PAY-12')], DAY1));
    const cleared = sync(register, [], DAY2);
    expect(cleared.create).toEqual([]);
    expect(cleared.update.map((u) => [u.before.id, u.kind])).toEqual([
      [detectedRiskId(aDetection('PAY-12').fingerprint), 'closed'],
    ]);
    register = apply(register, cleared);
    const closed = register.find((r) => r.source === 'detected');
    expect(closed?.status).toBe('closed');
    expect(closed?.clearedAt).toBe(DAY2);
    expect(closed?.history?.at(-1)).toEqual({
      at: DAY2,
      by: null,
      from: 'open',
      to: 'closed',
      note: CLEARED_NOTE,
    });

    // Still cleared: nothing to write.
    expect(sync(register, [], DAY3)).toEqual({ create: [], update: [] });

    const back = sync(register, [aDetection('PAY-12')], DAY3);
    expect(back.create).toEqual([]);
    expect(back.update[0]?.kind).toBe('reopened');
    const reopened = back.update[0]?.after;
    expect(reopened?.id).toBe(closed?.id);
    expect(reopened?.status).toBe('open');
    expect(reopened?.clearedAt).toBeUndefined();
    expect(reopened?.history?.map((h) => h.to)).toEqual(['open', 'closed', 'open']);
    expect(reopened?.history?.at(-1)?.note).toBe(DETECTED_AGAIN_NOTE);
  });

  it.each(['happened', 'accepted'] as const)(
    'never closes a risk people marked %s, but notes when its condition cleared',
    (status) => {
      const [risk] = sync([], [aDetection('PAY-12')], DAY1).create;
      const register = [stored({ ...risk!, status })];
      const { update } = sync(register, [], DAY2);
      expect(update).toHaveLength(1);
      expect(update[0]?.kind).toBe('cleared');
      expect(update[0]?.after.status).toBe(status);
      expect(update[0]?.after.clearedAt).toBe(DAY2);
      // Back again: the note goes, the status stays.
      const again = sync(apply(register, { create: [], update }), [aDetection('PAY-12')], DAY3);
      expect(again.update[0]?.after.status).toBe(status);
      expect(again.update[0]?.after.clearedAt).toBeUndefined();
    },
  );

  it('keeps a risk a person closed closed while its condition holds', () => {
    const [risk] = sync([], [aDetection('PAY-12')], DAY1).create;
    const register = [stored({ ...risk!, status: 'closed' })];
    expect(sync(register, [aDetection('PAY-12')], DAY2)).toEqual({ create: [], update: [] });
  });

  it('never touches manual risks', () => {
    const { create, update } = sync(
      [manual, stored({ ...manual, id: 'm2', status: 'mitigating' })],
      [],
      DAY1,
    );
    expect(create).toEqual([]);
    expect(update).toEqual([]);
  });

  it('keeps one risk per condition: a detection listed twice opens one risk, a stored duplicate is closed', () => {
    const { create } = sync([], [aDetection('PAY-12'), aDetection('PAY-12', { reason: 'again' })], DAY1);
    expect(create).toHaveLength(1);

    const original = riskFromDetection(aDetection('PAY-12'), { at: DAY1 });
    const copy = { ...original, id: 'copy', detectedAt: DAY2 };
    const { update } = sync([stored(copy), stored(original)], [aDetection('PAY-12')], DAY3);
    expect(update.map((u) => [u.before.id, u.kind, u.after.status])).toEqual([
      ['copy', 'duplicate', 'closed'],
    ]);
  });

  it('keeps the opening entry and the latest changes of a condition that comes and goes', () => {
    let register = apply([], sync([], [aDetection('PAY-12')], DAY1));
    for (let day = 0; day < 60; day++) {
      const at = new Date(Date.parse(DAY1) + (day + 1) * 86_400_000).toISOString();
      register = apply(register, sync(register, day % 2 === 0 ? [] : [aDetection('PAY-12')], at));
    }
    const history = register[0]?.history ?? [];
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.note).toBe('detected');
    expect(history.at(-1)?.at).toBe('2027-04-02T06:00:00.000Z');
  });

  it('keeps titles and reasons within what the register stores', () => {
    const long = aDetection('PAY-12', { title: 'x'.repeat(500), reason: 'y'.repeat(10000) });
    const [risk] = sync([], [long], DAY1).create;
    expect(risk?.title.length).toBe(200);
    expect(risk?.reason?.length).toBe(8000);
  });

  it('gives every condition its own id', () => {
    const ids = new Set(
      Array.from({ length: 2000 }, (_, i) => detectedRiskId(`dependency-late:ID-${i}>PAY-${i + 1}`)),
    );
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^det-[0-9a-f]{16}$/);
  });
});
