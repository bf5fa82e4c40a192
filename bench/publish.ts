// publish.status.*: Confluence requests the app makes for the status report page when it republishes.
import { KvsProgramStore } from '../src/adapters/storage/kvs-program-store';
import type { PublishRun } from '../src/contract';
import { accountIdOf, startAppStack, type AppStack } from '../test/support/app-stack';
import type { Emit } from './emit';

const TPM = 'tpm@example.com';

async function publish(stack: AppStack): Promise<PublishRun> {
  const envelope = await stack.invoke('publish/now', { programId: 'prog-atlas' });
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

export async function run(emit: Emit): Promise<void> {
  const stack = await startAppStack();
  try {
    const space = stack.emulator.site().spaces.find((s) => s.key === 'PROG')!;
    const saved = await stack.invoke('publish/target/save', {
      programId: 'prog-atlas',
      spaceId: space.id,
      parentPageId: space.homepageId,
      reportCadence: 'weekly',
    });
    if (!saved.success) throw new Error(JSON.stringify(saved.errors));
    const first = await publish(stack);
    const statusId = first.pages.find((p) => p.artifact === 'status')!.pageId;
    const touchesStatus = (path: string) =>
      path.includes(`/pages/${statusId}`) || path.includes(`/content/${statusId}/`);

    // A new high risk changes the status report's content (its top risks), not its progress chart.
    await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      new KvsProgramStore().createItem('prog-atlas', 'risk', {
        id: 'bench-risk',
        title: 'Card network certification slips',
        probability: 4,
        impact: 5,
        ownerAccountId: null,
        mitigation: 'Book the lab early',
        status: 'open',
        source: 'manual',
      }),
    );
    let mark = stack.exchanges.length;
    const changed = await publish(stack);
    if (changed.pages.find((p) => p.artifact === 'status')?.outcome !== 'updated')
      throw new Error('the status page should have been updated');
    const statusCalls = stack.exchanges.slice(mark).filter((x) => touchesStatus(x.path));
    emit({
      name: 'publish.status.calls',
      value: statusCalls.filter((x) => !x.path.includes('/child/attachment')).length,
      unit: 'requests',
      peer: 'target',
      peer_value: 3,
    });
    emit({
      name: 'publish.status.changed_attachments',
      value: statusCalls.filter((x) => x.path.includes('/child/attachment')).length,
      unit: 'requests',
    });

    mark = stack.exchanges.length;
    await publish(stack);
    const writes = stack.exchanges
      .slice(mark)
      .filter((x) => x.path.startsWith('/wiki/') && x.method !== 'GET').length;
    emit({
      name: 'publish.status.unchanged_writes',
      value: writes,
      unit: 'requests',
      peer: 'target',
      peer_value: 0,
    });
  } finally {
    await stack.close();
  }
}
