// The publish queue (@forge/events): the weekly trigger and closing a program hand it programs to publish, one
// event per program; manifest.yml's `publish-queue-consumer` publishes each in its own invocation.
import { Queue } from '@forge/events';

export const PUBLISH_QUEUE = 'publish-queue';

/** Pushes events for programs (at most 50 a call, Forge's limit); one publish per program at a time. */
export async function pushPublishEvents(
  bodies: readonly ({ programId: string; period: string } | { programId: string; closedAt: string })[],
): Promise<{ jobId: string }> {
  return new Queue({ key: PUBLISH_QUEUE }).push(
    bodies.map((body) => ({
      body: { ...body },
      // Two events for a program (a double firing, a closing during a scheduled run) never race.
      concurrency: { key: `publish-${body.programId}`, limit: 1 },
    })),
  );
}
