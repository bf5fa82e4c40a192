// Publishing end to end: real resolvers, services and adapters against the emulator's Confluence.
import type { PublishRun } from '../../src/contract';
import { startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());
afterEach(async () => stack.faults({}));

const PROGRAM = 'prog-atlas';

function progSpace() {
  const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG');
  if (!space) throw new Error('no PROG space');
  return space;
}

async function configure(programId = PROGRAM): Promise<void> {
  const space = progSpace();
  const saved = await stack.invoke('publish/target/save', {
    programId,
    spaceId: space.id,
    parentPageId: space.homepageId,
    reportCadence: 'weekly',
  });
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
}

async function publish(email = 'tpm@example.com'): Promise<PublishRun> {
  const envelope = await stack.invoke('publish/now', { programId: PROGRAM }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

describe('publishing a program to Confluence', () => {
  beforeAll(async () => configure());

  it('creates the charter under the chosen parent and the status and risk reports under the charter', async () => {
    const run = await publish();
    expect(run.pages.map((p) => [p.artifact, p.outcome])).toEqual([
      ['charter', 'created'],
      ['status', 'created'],
      ['risk-report', 'created'],
    ]);
    const site = stack.emulator.site();
    const charter = site.pages.find((p) => p.id === run.pages[0]!.pageId)!;
    expect(charter.parentId).toBe(progSpace().homepageId);
    expect(charter.title).toMatch(/Program charter$/);
    for (const page of run.pages.slice(1))
      expect(site.pages.find((p) => p.id === page.pageId)?.parentId).toBe(charter.id);
    expect(charter.body).toContain('ac:name="details"');
    expect(charter.body).toMatch(/<ri:attachment ri:filename="risk-heat-map.svg"/);
    expect(site.attachments?.length ?? 0).toBeGreaterThanOrEqual(0);
    expect(run.pages.every((p) => p.url.startsWith('http'))).toBe(true);
  });
});
