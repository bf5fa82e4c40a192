// Only the handlers manifest.yml names.
import { buildResolver } from './resolvers';

export const handler = buildResolver().getDefinitions();
export { refreshSnapshots } from './triggers/snapshot'; // status macro: scheduled snapshot refresh
export { publishScheduled } from './triggers/publish-scheduled'; // publishing: weekly scheduled publish
export { publishQueueConsumer } from './triggers/publish-queue'; // publishing: one program per queue event
export { executionDaily } from './triggers/execution-daily'; // execution: daily progress snapshots
