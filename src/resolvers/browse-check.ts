// The viewer's browse check, asked of Jira as them and memoised per site and account for one minute.
import { browsableProjectIds, projectIdsByKey } from '../adapters/jira/project-access';
import { memoBrowsable } from '../services/snapshot/status-card';
import type { BrowseCheckDeps } from '../services/visibility';
import type { CallContext } from './define';

const browsableFor = memoBrowsable(60 * 1000);

export function browseCheckFor(context: CallContext): BrowseCheckDeps {
  return {
    projectIdsByKey,
    browsableProjectIds: browsableFor(`${context.siteId}|${context.accountId ?? ''}`, browsableProjectIds),
  };
}
