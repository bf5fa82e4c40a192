import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateResponse } from './openapi';

/** Real responses captured from Jira Cloud sites; provenance and licenses in samples/SOURCES.md. */
const SAMPLES = join(__dirname, 'samples');

function sampleText(file: string): string {
  return readFileSync(join(SAMPLES, file), 'utf8');
}

function sample(file: string): unknown {
  return JSON.parse(sampleText(file)) as unknown;
}

/** `file` → sha256 as recorded in the provenance tables of samples/SOURCES.md. */
function recordedHashes(): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const line of sampleText('SOURCES.md').split('\n')) {
    const row = /^\|\s*`([^`]+\.json)`\s*\|\s*`[^`]+`\s*\|\s*`([0-9a-f]{64})`\s*\|/.exec(line);
    if (row?.[1] !== undefined && row[2] !== undefined) hashes.set(row[1], row[2]);
  }
  return hashes;
}

describe('captured Atlassian samples', () => {
  const files = readdirSync(SAMPLES).filter((file) => file.endsWith('.json'));

  it('keeps a provenance row for every copied sample and no row without a file', () => {
    expect([...recordedHashes().keys()].sort()).toEqual([...files].sort());
  });

  it.each(files)('keeps %s byte-identical to the capture (no reformatting)', (file) => {
    const actual = createHash('sha256')
      .update(readFileSync(join(SAMPLES, file)))
      .digest('hex');
    expect(actual).toBe(recordedHashes().get(file));
  });
});

describe('captured responses of the operations the app calls', () => {
  it.each([
    ['jira-field-list--go-atlassian.json', 'GET', '/rest/api/3/field'],
    ['jira-issueLinkType--go-atlassian.json', 'GET', '/rest/api/3/issueLinkType'],
    ['agile-board-sprints--go-atlassian.json', 'GET', '/rest/agile/1.0/board/4/sprint'],
    ['jira-issue-story--go-atlassian.json', 'GET', '/rest/api/3/issue/KP-19'],
  ])('%s validates as the %s %s response', (file, method, path) => {
    expect(
      validateResponse({ method, path, status: 200, contentType: 'application/json', body: sample(file) }),
    ).toEqual([]);
  });

  it('an active sprint captured without its paging envelope validates once re-paged', () => {
    const { values } = sample('agile-board-sprints-active--airbyte.json') as { values: unknown[] };
    const page = { maxResults: 50, startAt: 0, isLast: true, values };
    expect(
      validateResponse({ method: 'GET', path: '/rest/agile/1.0/board/1/sprint', status: 200, body: page }),
    ).toEqual([]);
  });

  it('the issues of an old offset search validate as search/jql and bulkfetch issues', () => {
    // The capture is GET /rest/api/3/search (total/startAt), which the app does not call: only its issues,
    // which are IssueBeans in every search, are checked, inside the envelopes of the operations we use.
    const { issues } = sample('jira-search-v3--go-atlassian.json') as { issues: unknown[] };
    expect(issues.length).toBeGreaterThan(0);
    const searchPage = { issues, isLast: true };
    expect(
      validateResponse({ method: 'POST', path: '/rest/api/3/search/jql', status: 200, body: searchPage }),
    ).toEqual([]);
    const bulk = { issues, issueErrors: [] };
    expect(
      validateResponse({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', status: 200, body: bulk }),
    ).toEqual([]);
  });

  it('the old offset search envelope is not a search/jql page', () => {
    const errors = validateResponse({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      status: 200,
      body: sample('jira-search-v3--go-atlassian.json'),
    });
    expect(errors.join('\n')).toContain('additional properties (startAt)');
  });
});
