import type { JiraPort } from '../../ports/jira';
import { memoizeJira } from './memo-jira';

function countingJira(): { jira: JiraPort; calls: string[] } {
  const calls: string[] = [];
  let failNext = false;
  const jira: JiraPort = {
    siteFields: async () => (calls.push('fields'), {}),
    linkTypes: async () => (calls.push('linkTypes'), []),
    searchIssueIds: async (jql) => {
      calls.push(`search ${jql}`);
      if (jql === 'fail once' && !failNext) {
        failNext = true;
        throw new Error('503');
      }
      return ['1'];
    },
    fetchInitiatives: async (ids) => (calls.push(`epics ${ids.join()}`), []),
    fetchChildren: async (ids) => (calls.push(`children ${ids.join()}`), []),
  };
  return { jira, calls };
}

describe('a memoized Jira port', () => {
  it('answers each distinct read once, concurrent ones included', async () => {
    const { jira, calls } = countingJira();
    const memo = memoizeJira(jira);
    await Promise.all([memo.searchIssueIds('project = PAY'), memo.searchIssueIds('project = PAY')]);
    await memo.searchIssueIds('project = ID');
    await memo.fetchInitiatives(['1', '2']);
    await memo.fetchInitiatives(['1', '2']);
    await memo.fetchChildren(['1', '2']);
    await memo.siteFields();
    await memo.siteFields();
    expect(calls).toEqual([
      'search project = PAY',
      'search project = ID',
      'epics 1,2',
      'children 1,2',
      'fields',
    ]);
  });

  it('does not keep a failure', async () => {
    const { jira, calls } = countingJira();
    const memo = memoizeJira(jira);
    await expect(memo.searchIssueIds('fail once')).rejects.toThrow('503');
    await expect(memo.searchIssueIds('fail once')).resolves.toEqual(['1']);
    expect(calls).toEqual(['search fail once', 'search fail once']);
  });
});
