import { XMLValidator } from 'fast-xml-parser';
import type { QuarterPlan } from '../plan/types';
import type { QuarterSchedule } from '../schedule/types';
import { managedSection } from './managed-section';
import { renderQuarterPlan, type QuarterPlanContent } from './quarter-plan';
import { raw } from './storage-format';
import { buildContent } from './test-builders';

const HOSTILE = '<script>x</script> ]]> <ac:structured-macro ac:name="html"/> \u0000';

const buildPlan = (overrides: Partial<QuarterPlan> = {}): QuarterPlan => ({
  programId: 'prog-atlas',
  quarter: '2027-Q1',
  calendar: {
    source: 'generated',
    boardId: null,
    boardName: null,
    lengthDays: 14,
    firstStart: '2027-01-04',
    sprints: [0, 1, 2].map((index) => ({
      id: `s${index}`,
      name: `Sprint ${index + 1}`,
      start: '2027-01-04',
      end: '2027-01-17',
      index,
      source: 'generated' as const,
    })),
    refreshedAt: '2026-11-25T00:00:00.000Z',
  },
  initiatives: [],
  estimates: [],
  pins: [],
  session: { date: '2026-12-10', attendees: ['tpm-1'], outcome: HOSTILE, updatedBy: null, updatedAt: null },
  commitments: [],
  successCriteria: [{ id: 'c1', statement: HOSTILE, metric: 'p95', target: '400 ms', goalIds: [] }],
  communication: {
    slackChannelUrl: 'https://acme.slack.com/archives/C1?a=1&b=2',
    confluenceSpaceKey: 'PROG',
    otherChannels: [{ name: HOSTILE, url: null }],
    meetings: [{ id: 'm', name: HOSTILE, cadence: 'weekly', audience: 'Leads', ownerAccountId: 'tpm-1' }],
    reportCadence: 'weekly',
  },
  okrLinks: [],
  baselines: [],
  createdAt: '2026-11-25T00:00:00.000Z',
  createdBy: 'tpm-1',
  updatedAt: '2026-11-25T00:00:00.000Z',
  version: 1,
  ...overrides,
});

const schedule: QuarterSchedule = {
  initiatives: [{ key: 'PAY-1', startSprint: 0, endSprint: 1, perTeam: [], pinned: false }],
  unplaced: [{ key: 'ID-4', reason: 'capacity', detail: 'Identity is full in Sprint 2', blockedBy: {} }],
  load: [],
  warnings: [],
};

const quarter = (overrides: Partial<QuarterPlanContent> = {}): QuarterPlanContent => ({
  plan: buildPlan(),
  initiatives: [{ key: 'PAY-1', summary: 'Checkout', team: 'Payments', status: null }],
  schedule,
  dependencies: [
    {
      from: 'PAY-1',
      to: 'ID-4',
      crossTeam: true,
      commitment: { from: 'PAY-1', to: 'ID-4', status: 'declined', reason: HOSTILE, by: 'tpm-1', at: null },
      late: true,
    },
  ],
  ...overrides,
});

describe('quarter plan page', () => {
  it('renders the plan to well-formed XHTML with every planner string escaped', () => {
    const page = renderQuarterPlan(buildContent(), quarter());
    const xhtml = managedSection(page.body);
    expect(XMLValidator.validate(`<root xmlns:ac="urn:ac" xmlns:ri="urn:ri">${xhtml}</root>`)).toBe(true);
    expect(xhtml).not.toContain('<script>');
    expect(xhtml).not.toContain('ac:name="html"');
    expect(XMLValidator.validate(page.charts[0]!.svg)).toBe(true);
  });

  it('shows a declined cross-team commitment as a red lozenge and the schedule in sprint names', () => {
    const body = raw(renderQuarterPlan(buildContent(), quarter()).body);
    expect(body).toContain(
      '<ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">declined</ac:parameter>',
    );
    expect(body).toContain('<td>Sprint 1</td><td>Sprint 2</td>');
    expect(body).toContain('Identity is full in Sprint 2');
  });

  it('is one page per quarter, named after it', () => {
    const page = renderQuarterPlan(buildContent(), quarter());
    expect(page).toMatchObject({ artifact: 'quarter-plan', period: '2027-Q1' });
    expect(page.title).toBe('Atlas — Quarter plan 2027-Q1');
  });
});
