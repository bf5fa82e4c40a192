// The status macro and the Status tab tell the same RAG: the hourly snapshot carries the Status tab's assessment
// (plan in force, thresholds, detected and registered risks, milestones), read as the app. The demo program is
// in execution with an initiative past its planned end, on a pinned day.
import { DEMO_PROGRAM } from '../../dev/seed';
import type { ProgramStatusView, StatusCard } from '../../src/contract';
import { SNAPSHOT_MAX_RAG_REASONS } from '../../src/domain/snapshot/snapshot';
import { refreshSnapshots } from '../../src/triggers/snapshot';
import { ok, useAppStack, type AppStack } from '../support/app-stack';

const TODAY = '2026-11-18T10:00:00.000Z';
const programId = DEMO_PROGRAM.id;
const TPM = 'tpm@example.com';
const CONTRACTOR = 'contractor@example.com';
const macro = { moduleKey: 'status-macro', extension: { type: 'macro', config: { programId } } };

let stack: AppStack;

useAppStack(
  { demoExecution: true },
  {
    today: TODAY,
    ready: async (started) => {
      stack = started;
      await stack.runtime.runTrigger(refreshSnapshots);
    },
  },
);

async function cardAs(email: string): Promise<StatusCard> {
  const status = ok(await stack.invoke('macro/status', {}, email, macro));
  if (status.access !== 'granted') throw new Error(`no access for ${email}`);
  return status.card;
}

describe('the RAG in the status macro', () => {
  it('is the Status tab’s RAG, with the same reasons, for the TPM', async () => {
    const tab: ProgramStatusView = ok(await stack.invoke('status/get', { programId }, TPM));
    const card = await cardAs(TPM);
    expect(tab.rag.status).not.toBe('green');
    expect(card.rag.status).toBe(tab.rag.status);
    expect(card.rag.reasons).toEqual(
      tab.rag.reasons.slice(0, SNAPSHOT_MAX_RAG_REASONS).map((reason) => reason.text),
    );
  });

  it('keeps the program’s status for a viewer who browses one project, naming only what they may read', async () => {
    const tpmCard = await cardAs(TPM);
    const card = await cardAs(CONTRACTOR);
    expect(card.rag.status).toBe(tpmCard.rag.status);
    const text = card.rag.reasons.join(' ');
    expect(text.match(/\b(?!MOB-)[A-Z][A-Z0-9_]*-\d+\b/)?.[0] ?? null).toBeNull();
    expect(card.rag.reasons.length).toBeGreaterThan(0);
  });
});
