// Bad and odd data from real sites, in the official spec's shapes: the adapters read what they can and never
// throw on a field that is missing, null or shaped differently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverSiteFields } from './field-discovery';
import {
  JiraShapeError,
  epicRefOf,
  parseIssue,
  readIssueLinks,
  readLinkTypes,
  readStoryPoints,
  toScopeChild,
  toScopeEpic,
} from './issue-mapper';

const SAMPLES = join(__dirname, '..', '..', '..', 'test', 'contract', 'samples');
const sample = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8'));

/** One `GET /rest/api/3/field` entry (FieldDetails). */
const field = (id: string, name: string, schema?: { type: string; custom?: string }) => ({
  id,
  key: id,
  name,
  custom: id.startsWith('customfield_'),
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [name],
  ...(schema ? { schema } : {}),
});

const SITE = {
  storyPoints: 'customfield_10016',
  team: 'customfield_10001',
  epicLink: 'customfield_10014',
};

/** An issue as search/jql and bulkfetch return it (IssueBean). */
const issue = (
  key: string,
  fields: Record<string, unknown>,
  id = String(10000 + Number(key.split('-')[1])),
) => ({
  expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
  id,
  self: `https://example.atlassian.net/rest/api/3/issue/${id}`,
  key,
  fields,
});

const status = (name: string, key: string) => ({
  self: 'https://example.atlassian.net/rest/api/3/status/3',
  name,
  id: '3',
  statusCategory: { self: '', id: 4, key, colorName: 'yellow', name },
});

const blocks = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: '' };

describe('field discovery on odd sites', () => {
  it('prefers the Jira Software story points field when the site also has a plain "Story Points" number', () => {
    const fields = discoverSiteFields([
      field('customfield_10036', 'Story Points', {
        type: 'number',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      }),
      field('customfield_10016', 'Story point estimate', {
        type: 'number',
        custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
      }),
    ]);
    expect(fields.storyPoints).toBe('customfield_10016');
  });

  it.each(['Story Points', 'Story point estimate'])('falls back to a number field named "%s"', (name) => {
    const fields = discoverSiteFields([
      field('customfield_10050', name, {
        type: 'number',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      }),
    ]);
    expect(fields.storyPoints).toBe('customfield_10050');
  });

  it.each([
    ['com.atlassian.teams:rm-teams-custom-field-team', 'the Atlassian Team field'],
    ['com.atlassian.rm.teams:rm-teams-custom-field-team', 'the older Advanced Roadmaps team field'],
  ])('finds the team in %s (%s)', (custom) => {
    expect(discoverSiteFields([field('customfield_10001', 'Team', { type: 'any', custom })]).team).toBe(
      'customfield_10001',
    );
  });

  it('finds start and target dates by name when the site has no Advanced Roadmaps fields', () => {
    const datepicker = 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker';
    const fields = discoverSiteFields([
      field('customfield_10060', 'Target start', { type: 'date', custom: datepicker }),
      field('customfield_10061', 'Target end', { type: 'date', custom: datepicker }),
    ]);
    expect(fields).toMatchObject({ startDate: 'customfield_10060', targetDate: 'customfield_10061' });
  });

  it('finds nothing, without failing, on fields that have no schema', () => {
    expect(discoverSiteFields([field('parent', 'Parent'), field('issuekey', 'Key')])).toEqual({});
  });
});

describe('issues with missing or odd fields', () => {
  it('reads an epic whose fields are all missing', () => {
    const epic = toScopeEpic(parseIssue({ id: '10001', key: 'PAY-1' }), SITE);
    expect(epic).toMatchObject({
      key: 'PAY-1',
      summary: '',
      projectKey: 'PAY',
      status: { name: 'Unknown', category: 'new' },
      storyPoints: null,
      links: [],
    });
    expect(epic.team).toBeUndefined();
    expect(epic.restricted).toBeUndefined();
  });

  it('marks an epic under an issue security level as restricted, and one with `security: null` as not', () => {
    const secured = { self: 'https://x/rest/api/3/securitylevel/10100', id: '10100', name: 'Finance only' };
    expect(toScopeEpic(parseIssue(issue('PAY-1', { security: secured })), SITE).restricted).toBe(true);
    expect(toScopeEpic(parseIssue(issue('PAY-2', { security: null })), SITE).restricted).toBeUndefined();
  });

  it('reads a child whose parent is null through its Epic Link', () => {
    const raw = parseIssue(
      issue('PAY-7', { parent: null, [SITE.epicLink]: 'PAY-1', status: status('Done', 'done') }),
    );
    expect(epicRefOf(raw, SITE, new Set(['10001']))).toBe('PAY-1');
    expect(toScopeChild(raw, 'PAY-1', SITE).status.category).toBe('done');
  });

  it('finds the epic of a child by the epic id the search asked for', () => {
    const raw = parseIssue(issue('PAY-8', { parent: { id: '10001', key: 'PAY-1', fields: {} } }));
    expect(epicRefOf(raw, SITE, new Set(['10001']))).toBe('PAY-1');
    expect(epicRefOf(raw, {}, new Set(['20000']))).toBeUndefined();
  });

  it.each([
    [
      {
        id: 'a1b2',
        name: 'Checkout Crew',
        avatarUrl: '',
        isVisible: true,
        isVerified: false,
        title: 'Checkout Crew',
        isShared: true,
      },
      'Checkout Crew',
    ],
    [{ id: '42', title: 'Legacy Team' }, 'Legacy Team'],
    ['a1b2-c3d4', 'Payments'],
    [null, 'Payments'],
    [{ id: 'no-name' }, 'Payments'],
  ])('reads the team value %j as %s', (team, expected) => {
    const epic = toScopeEpic(
      parseIssue(issue('PAY-1', { project: { key: 'PAY', name: 'Payments' }, [SITE.team]: team })),
      SITE,
    );
    expect(epic.team?.name ?? epic.projectName).toBe(expected);
  });

  it('ignores sprint arrays, future sprints without dates included', () => {
    const raw = parseIssue(
      issue('PAY-9', {
        customfield_10020: [
          { id: 1, name: 'Sprint 1', state: 'closed', boardId: 1, startDate: '2026-01-01T00:00:00.000Z' },
          { id: 2, name: 'Sprint 2', state: 'future', boardId: 1 },
        ],
        status: status('In Progress', 'indeterminate'),
      }),
    );
    expect(toScopeChild(raw, 'PAY-1', SITE).status.category).toBe('indeterminate');
  });

  it.each([
    [8, 8],
    [2.5, 2.5],
    ['5', 5],
    ['', null],
    [null, null],
    [{ value: 3 }, null],
  ])('reads story points %j as %p', (value, expected) => {
    expect(readStoryPoints(value)).toBe(expected);
  });

  it('refuses an issue without an id with a shape error, not a crash elsewhere', () => {
    expect(() => parseIssue({ key: 'PAY-1' })).toThrow(JiraShapeError);
    expect(() => parseIssue('PAY-1')).toThrow(JiraShapeError);
  });
});

describe('issue links in odd shapes', () => {
  it('reads both directions with the other issue’s summary and status', () => {
    const links = readIssueLinks([
      {
        id: '1',
        self: '',
        type: blocks,
        outwardIssue: {
          id: '2',
          key: 'ID-2',
          self: '',
          fields: { summary: 'Login', status: status('Done', 'done') },
        },
      },
      { id: '3', self: '', type: blocks, inwardIssue: { id: '4', key: 'MOB-4', self: '' } },
    ]);
    expect(links).toEqual([
      {
        linkId: '1',
        type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
        direction: 'outward',
        other: { id: '2', key: 'ID-2', summary: 'Login', status: { name: 'Done', category: 'done' } },
      },
      {
        linkId: '3',
        type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
        direction: 'inward',
        other: { id: '4', key: 'MOB-4' },
      },
    ]);
  });

  it('leaves out links it cannot read instead of failing the load', () => {
    expect(
      readIssueLinks([
        null,
        'Blocks',
        { id: '5', type: blocks },
        { id: '6', outwardIssue: { id: '7', key: 'ID-7' } },
        { id: '8', type: { id: 10000, name: 'Blocks' }, outwardIssue: { key: 'OTHER-1' } },
      ]),
    ).toEqual([
      {
        linkId: '8',
        type: { id: '10000', name: 'Blocks', inward: '', outward: '' },
        direction: 'outward',
        other: { key: 'OTHER-1' },
      },
    ]);
    expect(readIssueLinks(undefined)).toEqual([]);
    expect(readIssueLinks({})).toEqual([]);
  });

  it('reads the real link type list, Relates with the same phrase both ways included', () => {
    const types = readLinkTypes(sample('jira-issueLinkType--go-atlassian.json'));
    expect(types.length).toBeGreaterThan(3);
    expect(types.find((t) => t.name === 'Blocks')).toMatchObject({
      inward: 'is blocked by',
      outward: 'blocks',
    });
    expect(readLinkTypes({})).toEqual([]);
    expect(readLinkTypes(null)).toEqual([]);
  });
});

describe('real captured samples through the scope mappers', () => {
  it.each([
    'jira-search-v3--go-atlassian.json',
    'jira-search-v2--go-atlassian.json',
    'agile-epic-issues--go-atlassian.json',
    'agile-sprint-issues--go-atlassian.json',
  ])('reads every issue of %s as an epic and as a child without error', (file) => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    for (const raw of (sample(file) as { issues: unknown[] }).issues) {
      const parsed = parseIssue(raw);
      const epic = toScopeEpic(parsed, fields);
      const child = toScopeChild(parsed, 'KP-16', fields);
      expect(epic.links).toEqual([]);
      expect(epic.restricted).toBeUndefined(); // every sample issue has `security: null`
      expect(child.storyPoints === null || typeof child.storyPoints === 'number').toBe(true);
    }
  });

  it('reads the single-issue sample, a child of KP-16 through Epic Link only', () => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    const story = parseIssue(sample('jira-issue-story--go-atlassian.json'));
    expect(epicRefOf(story, fields, new Set(['10029']))).toBe('KP-16');
  });
});

describe('epic and child dates', () => {
  const dated = { ...SITE, startDate: 'customfield_10022', targetDate: 'customfield_10023' };

  it('reads start and target from the site fields, the resolution time as ISO', () => {
    const epic = toScopeEpic(
      issue('PAY-1', {
        summary: 'Payments',
        status: status('Done', 'done'),
        customfield_10022: '2027-01-04',
        customfield_10023: '2027-03-26',
        duedate: '2027-04-30',
        resolutiondate: '2027-03-20T16:05:00.000+0100',
      }),
      dated,
    );
    expect(epic).toMatchObject({
      startDate: '2027-01-04',
      targetDate: '2027-03-26',
      resolvedAt: '2027-03-20T15:05:00.000Z',
    });
  });

  it('falls back to the due date and leaves unset or malformed dates absent', () => {
    const epic = toScopeEpic(
      issue('PAY-2', {
        summary: 'x',
        customfield_10022: 'soon',
        customfield_10023: null,
        duedate: '2027-02-01',
      }),
      dated,
    );
    expect(epic.targetDate).toBe('2027-02-01');
    expect(epic).not.toHaveProperty('startDate');
    expect(epic).not.toHaveProperty('resolvedAt');
    const bare = toScopeEpic(issue('PAY-3', { summary: 'x', duedate: 12, resolutiondate: 'never' }), SITE);
    expect(bare).not.toHaveProperty('targetDate');
    expect(bare).not.toHaveProperty('resolvedAt');
  });

  it('gives a resolved child its resolution time', () => {
    const child = toScopeChild(
      issue('PAY-10', { status: status('Done', 'done'), resolutiondate: '2027-01-15T09:00:00.000+0000' }),
      'PAY-1',
      SITE,
    );
    expect(child.resolvedAt).toBe('2027-01-15T09:00:00.000Z');
  });
});
