// One unit of work (a publish, a report) often reads the same scope several times: the charter's rows, the
// quarter plans, the execution status and the completion analysis each load it. Wrapping the Jira port for
// that unit makes the reads after the first free and keeps them consistent with one another.
import type { JiraPort } from '../../ports/jira';

/** A JiraPort that answers each distinct read once (failures are not kept: the next call tries again). */
export function memoizeJira(jira: JiraPort): JiraPort {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const known = memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    const pending = read();
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
    return pending;
  };
  return {
    siteFields: () => once('fields', () => jira.siteFields()),
    linkTypes: () => once('linkTypes', () => jira.linkTypes()),
    searchIssueIds: (jql) => once(`search\u0000${jql}`, () => jira.searchIssueIds(jql)),
    fetchInitiatives: (ids) => once(`epics\u0000${ids.join(',')}`, () => jira.fetchInitiatives(ids)),
    fetchChildren: (ids) => once(`children\u0000${ids.join(',')}`, () => jira.fetchChildren(ids)),
  };
}
