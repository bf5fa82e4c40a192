// Our Jira adapters must read every real captured Jira Cloud response in test/contract/samples.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { discoverSiteFields, jqlFieldRef } from './field-discovery';
import { epicOf, parseIssue, readStatus, toChildIssue, toInitiative } from './issue-mapper';

const SAMPLES = join(__dirname, '..', '..', '..', 'test', 'contract', 'samples');
const sample = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8'));
const issuesOf = (name: string): unknown[] => (sample(name) as { issues: unknown[] }).issues;

describe('reading real Jira Cloud responses', () => {
  it('discovers story points, sprint, team, dates and Epic Link from a real /field list', () => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    expect(fields).toEqual({
      storyPoints: 'customfield_10016',
      sprint: 'customfield_10020',
      team: 'customfield_10001',
      startDate: 'customfield_10022',
      targetDate: 'customfield_10023',
      epicLink: 'customfield_10014',
    });
    expect(jqlFieldRef(fields.epicLink!)).toBe('cf[10014]');
  });

  it('tolerates a site without any of the custom fields', () => {
    const systemOnly = (sample('jira-field-list--go-atlassian.json') as Array<{ custom?: boolean }>).filter(
      (f) => f.custom === false,
    );
    expect(discoverSiteFields(systemOnly)).toEqual({});
  });

  it.each([
    'jira-search-v3--go-atlassian.json',
    'jira-search-v2--go-atlassian.json',
    'agile-epic-issues--go-atlassian.json',
    'agile-sprint-issues--go-atlassian.json',
  ])('maps every issue of %s to an initiative with a status category', (file) => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    const issues = issuesOf(file).map(parseIssue);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      const initiative = toInitiative(issue, fields);
      expect(initiative.key).toMatch(/^[A-Z]+-\d+$/);
      expect(['new', 'indeterminate', 'done']).toContain(initiative.status.category);
      expect(initiative.status.name).not.toBe('Unknown');
    }
  });

  it('finds an epic’s children through the legacy Epic Link when they have no parent', () => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    const issues = issuesOf('jira-search-v3--go-atlassian.json').map(parseIssue);
    const epics = new Set(
      issues.filter((i) => (i.fields.issuetype as { name?: string })?.name === 'Epic').map((i) => i.key),
    );
    expect([...epics]).toEqual(['KP-16']);
    const children = issues.flatMap((i) => {
      const epicKey = epicOf(i, fields, epics);
      return epicKey ? [toChildIssue(i, epicKey)] : [];
    });
    expect(children.map((c) => c.key).sort()).toEqual(['KP-17', 'KP-18', 'KP-19']);
  });

  it('does not mistake a sub-task’s parent story for an epic', () => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    const issues = issuesOf('jira-search-v3--go-atlassian.json').map(parseIssue);
    const subtask = issues.find((i) => (i.fields.issuetype as { subtask?: boolean })?.subtask === true);
    expect(subtask).toBeDefined();
    expect(epicOf(subtask!, fields, new Set(['KP-16']))).toBeUndefined();
  });

  it('reads the single-issue response and the Team field left empty', () => {
    const fields = discoverSiteFields(sample('jira-field-list--go-atlassian.json'));
    const story = parseIssue(sample('jira-issue-story--go-atlassian.json'));
    const initiative = toInitiative(story, fields);
    expect(initiative.key).toBe('KP-19');
    expect(initiative.team).toBeUndefined();
    expect(initiative.projectKey).toBe('KP');
  });

  it('reads every sample file in the folder without throwing', () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const body = sample(file);
      if (file.startsWith('jira-field-list')) discoverSiteFields(body);
      const issues = (body as { issues?: unknown[] }).issues;
      if (Array.isArray(issues)) for (const raw of issues) readStatus(parseIssue(raw).fields.status);
    }
  });
});

describe('status categories', () => {
  it.each([
    [{ name: 'Done', statusCategory: { key: 'done' } }, 'done'],
    [{ name: 'In Review', statusCategory: { key: 'indeterminate' } }, 'indeterminate'],
    [{ name: 'Backlog', statusCategory: { key: 'new' } }, 'new'],
    [{ name: 'Odd', statusCategory: { key: 'undefined' } }, 'new'],
    [null, 'new'],
  ])('reads %j as %s', (status, category) => {
    expect(readStatus(status).category).toBe(category);
  });
});
