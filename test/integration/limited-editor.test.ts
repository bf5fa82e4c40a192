// An owner who cannot browse every project edits what they were shown without those projects' issues. Their
// saves must keep what they could not see (no lost data), and no answer to them names it. contractor@ browses
// MOB only; here they are made an owner of the demo program beside the TPM.
import type { QuarterPlanView } from '../../src/contract';
import { DEMO_PROGRAM } from '../../dev/seed';
import { accountIdOf, ok, useAppStack, type AppStack } from '../support/app-stack';

const TPM = 'tpm@example.com';
const CONTRACTOR = 'contractor@example.com';
const PROGRAM_ID = DEMO_PROGRAM.id;
const QUARTER = '2027-Q1';

let stack: AppStack;
let mobKeys: string[];
let otherKeys: string[];
const NOT_MOB = /\b(?!MOB-)[A-Z][A-Z0-9_]*-\d+\b/;

const overview = async (email: string) =>
  ok(await stack.invoke('program/get', { programId: PROGRAM_ID }, email));
const plan = async (email: string) =>
  ok(await stack.invoke('plan/get', { programId: PROGRAM_ID, quarter: QUARTER }, email));

/** The answer the contractor got names no issue outside MOB. */
function shownToContractor<T>(answer: T): T {
  expect(JSON.stringify(answer).match(NOT_MOB)?.[0] ?? null).toBeNull();
  return answer;
}

useAppStack(
  { demoPlan: true },
  {
    ready: async (started) => {
      stack = started;
      const keys = stack.emulator.site().program.epicKeys;
      mobKeys = keys.filter((k) => k.startsWith('MOB-'));
      otherKeys = keys.filter((k) => !k.startsWith('MOB-'));
      if (mobKeys.length < 3 || otherKeys.length < 3)
        throw new Error('The demo program needs MOB and other epics.');
      const { program } = await overview(TPM);
      ok(
        await stack.invoke('program/parties/update', {
          programId: PROGRAM_ID,
          expectedVersion: program.version,
          parties: {
            owners: [...program.owners, accountIdOf(CONTRACTOR)],
            sponsor: program.sponsor,
            stakeholders: program.stakeholders,
            people: [],
          },
        }),
      );
    },
  },
);

describe('an owner who cannot see every issue', () => {
  it('keeps the hidden epics and keys of a strategic initiative they save unchanged, then edit', async () => {
    const [pay, data] = otherKeys;
    const [mob1, mob2, mob3] = mobKeys;
    const before = await overview(TPM);
    const strategy = before.strategies[0];
    if (!strategy) throw new Error('The demo program has no strategy.');
    const created = ok(
      await stack.invoke('program/strategic-initiatives/save', {
        programId: PROGRAM_ID,
        fields: {
          name: 'Wallet everywhere',
          description: `${pay} feeds ${mob1}; ${data} ships with it.`,
          strategyIds: [strategy.id],
          epicKeys: [pay!, mob1!, data!, mob2!],
        },
      }),
    );
    const stored = created.strategicInitiatives.find((i) => i.name === 'Wallet everywhere')!;

    // The contractor sees only MOB, and saves what they see unchanged.
    const seen = shownToContractor(await overview(CONTRACTOR));
    const theirs = seen.strategicInitiatives.find((i) => i.id === stored.id)!;
    expect(theirs.epicKeys).toEqual([mob1, mob2]);
    expect(theirs.description).toBe(
      `an issue you cannot see feeds ${mob1}; an issue you cannot see ships with it.`,
    );
    const { id, version, name, description, strategyIds, epicKeys } = theirs;
    shownToContractor(
      ok(
        await stack.invoke(
          'program/strategic-initiatives/save',
          {
            programId: PROGRAM_ID,
            id,
            expectedVersion: version,
            fields: { name, description, strategyIds, epicKeys },
          },
          CONTRACTOR,
        ),
      ),
    );
    let now = (await overview(TPM)).strategicInitiatives.find((i) => i.id === id)!;
    expect(now.epicKeys).toEqual(stored.epicKeys);
    expect(now.description).toBe(stored.description);

    // An edit of what they see: one MOB epic out, another in, the text reworded around the hidden keys.
    const again = (await overview(CONTRACTOR)).strategicInitiatives.find((i) => i.id === id)!;
    shownToContractor(
      ok(
        await stack.invoke(
          'program/strategic-initiatives/save',
          {
            programId: PROGRAM_ID,
            id,
            expectedVersion: again.version,
            fields: {
              name,
              description: again.description.replace('feeds', 'unblocks'),
              strategyIds,
              epicKeys: [mob2!, mob3!],
            },
          },
          CONTRACTOR,
        ),
      ),
    );
    now = (await overview(TPM)).strategicInitiatives.find((i) => i.id === id)!;
    // Hidden entries keep their places in the list.
    expect(now.epicKeys).toEqual([pay, mob2, data, mob3]);
    expect(now.description).toBe(`${pay} unblocks ${mob1}; ${data} ships with it.`);
  });

  it('keeps the hidden keys in the program’s description, and is not shown them in any answer', async () => {
    const [pay] = otherKeys;
    const before = await overview(TPM);
    const written = ok(
      await stack.invoke('program/update', {
        programId: PROGRAM_ID,
        expectedVersion: before.program.version,
        changes: { description: `Wallet launch; ${pay} is the payments half.` },
      }),
    );
    expect(written.program.description).toContain(pay);
    const seen = shownToContractor(await overview(CONTRACTOR));
    shownToContractor(
      ok(
        await stack.invoke(
          'program/update',
          {
            programId: PROGRAM_ID,
            expectedVersion: seen.program.version,
            changes: { description: seen.program.description, name: seen.program.name },
          },
          CONTRACTOR,
        ),
      ),
    );
    expect((await overview(TPM)).program.description).toBe(`Wallet launch; ${pay} is the payments half.`);
  });

  it('keeps the quarter’s hidden initiatives chosen and the session notes’ keys when they save the plan', async () => {
    const tpmPlan: QuarterPlanView = await plan(TPM);
    const chosen = tpmPlan.plan.initiatives.map((i) => i.key);
    expect(chosen.some((k) => !k.startsWith('MOB-'))).toBe(true);
    expect(chosen.some((k) => k.startsWith('MOB-'))).toBe(true);
    const hidden = chosen.find((k) => !k.startsWith('MOB-'))!;
    const withNotes = ok(
      await stack.invoke('plan/session/update', {
        programId: PROGRAM_ID,
        quarter: QUARTER,
        expectedVersion: tpmPlan.plan.version,
        session: { date: '2027-01-08', attendees: [], outcome: `${hidden} commits to sprint 3.` },
      }),
    );

    const theirs = shownToContractor(await plan(CONTRACTOR));
    expect(theirs.plan.initiatives.every((i) => i.key.startsWith('MOB-'))).toBe(true);
    const after = shownToContractor(
      ok(
        await stack.invoke(
          'plan/initiatives/set',
          {
            programId: PROGRAM_ID,
            quarter: QUARTER,
            expectedVersion: theirs.plan.version,
            // Their visible list, reordered: the last MOB initiative first.
            initiatives: [...theirs.plan.initiatives]
              .reverse()
              .map(({ key, priority }) => ({ key, priority })),
          },
          CONTRACTOR,
        ),
      ),
    );
    shownToContractor(
      ok(
        await stack.invoke(
          'plan/session/update',
          {
            programId: PROGRAM_ID,
            quarter: QUARTER,
            expectedVersion: after.plan.version,
            session: {
              date: theirs.plan.session.date,
              attendees: theirs.plan.session.attendees,
              outcome: `${theirs.plan.session.outcome} Agreed.`,
            },
          },
          CONTRACTOR,
        ),
      ),
    );

    const now = await plan(TPM);
    expect(new Set(now.plan.initiatives.map((i) => i.key))).toEqual(new Set(chosen));
    expect(now.plan.session.outcome).toBe(`${hidden} commits to sprint 3. Agreed.`);
    expect(withNotes.plan.session.outcome).toBe(`${hidden} commits to sprint 3.`);
  });
});
