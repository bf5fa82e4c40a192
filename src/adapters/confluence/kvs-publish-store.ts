// PublishStore on plain @forge/kvs keys: one small value per program and page, history capped.
import { kvs } from '@forge/kvs';
import type { Artifact } from '../../domain/publishing/documents';
import { HISTORY_LIMIT, type PublishRun, type PublishTarget } from '../../domain/publishing/records';
import type { PublishStore } from '../../ports/confluence';

const targetKey = (programId: string) => `publish-target:${programId}`;
const pageKey = (programId: string, artifact: Artifact, period: string | null) =>
  `publish-page:${programId}:${artifact}:${period ?? 'single'}`;
const historyKey = (programId: string) => `publish-history:${programId}`;
const scheduledKey = (programId: string, period: string) => `publish-run:${programId}:${period}`;

export class KvsPublishStore implements PublishStore {
  async getTarget(programId: string): Promise<PublishTarget | undefined> {
    return (await kvs.get<PublishTarget>(targetKey(programId))) ?? undefined;
  }

  async setTarget(programId: string, target: PublishTarget): Promise<void> {
    await kvs.set(targetKey(programId), target);
  }

  async getPageId(programId: string, artifact: Artifact, period: string | null): Promise<string | undefined> {
    const value = await kvs.get<{ pageId: string }>(pageKey(programId, artifact, period));
    return value?.pageId;
  }

  async setPageId(
    programId: string,
    artifact: Artifact,
    period: string | null,
    pageId: string,
  ): Promise<void> {
    await kvs.set(pageKey(programId, artifact, period), { pageId });
  }

  async history(programId: string): Promise<PublishRun[]> {
    return (await kvs.get<{ runs: PublishRun[] }>(historyKey(programId)))?.runs ?? [];
  }

  async addRun(run: PublishRun): Promise<void> {
    const runs = [run, ...(await this.history(run.programId))].slice(0, HISTORY_LIMIT);
    await kvs.set(historyKey(run.programId), { runs });
  }

  async getScheduledRun(programId: string, period: string): Promise<string | undefined> {
    return (await kvs.get<{ runId: string }>(scheduledKey(programId, period)))?.runId;
  }

  async setScheduledRun(programId: string, period: string, runId: string): Promise<void> {
    await kvs.set(scheduledKey(programId, period), { runId });
  }
}
