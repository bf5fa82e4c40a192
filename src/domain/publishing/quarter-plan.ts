// The quarter plan page: schedule (with a sprint timeline chart), estimates, dependencies and commitments,
// success criteria and the communication plan of one quarter.
import type { IssueStatus } from '../initiative/initiative';
import type { Commitment, CommitmentStatus, QuarterPlan } from '../plan/types';
import type { QuarterSchedule } from '../schedule/types';
import type { Chart } from './charts';
import { quarterPlanTitle, type ProgramContent, type RenderedPage } from './documents';
import {
  attachedImage,
  el,
  escapeXml,
  expand,
  heading,
  jiraLink,
  join,
  lozenge,
  paragraphs,
  table,
  type LozengeColour,
} from './storage-format';

export interface QuarterPlanContent {
  plan: QuarterPlan;
  initiatives: readonly {
    key: string;
    summary: string | null;
    team: string | null;
    status: IssueStatus | null;
  }[];
  schedule: QuarterSchedule;
  dependencies: readonly {
    from: string;
    to: string;
    crossTeam: boolean;
    commitment: Commitment | null;
    late: boolean;
  }[];
}

const COMMITMENT_COLOUR: Record<CommitmentStatus, LozengeColour> = {
  proposed: 'Grey',
  committed: 'Green',
  declined: 'Red',
  'at-risk': 'Yellow',
};

/** One bar per placed initiative across the quarter's sprints. */
export function sprintTimelineChart(plan: QuarterPlan, schedule: QuarterSchedule): Chart {
  const sprints = plan.calendar.sprints;
  const col = 60;
  const left = 110;
  const rows = schedule.initiatives.slice(0, 60);
  const header = sprints
    .map(
      (s, i) =>
        `<text x="${left + i * col + 4}" y="14" font-size="11">${escapeXml(s.name.slice(0, 9))}</text>` +
        `<line x1="${left + i * col}" y1="18" x2="${left + i * col}" y2="${24 + rows.length * 22}" stroke="#DFE1E6"/>`,
    )
    .join('');
  const bars = rows
    .map((p, r) => {
      const y = 24 + r * 22;
      const x = left + p.startSprint * col;
      const w = Math.max(8, (p.endSprint - p.startSprint + 1) * col - 4);
      return (
        `<text x="0" y="${y + 13}" font-size="12">${escapeXml(p.key)}</text>` +
        `<rect x="${x + 2}" y="${y}" width="${w}" height="16" rx="3" fill="${p.pinned ? '#6554C0' : '#0065FF'}"/>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + Math.max(1, sprints.length) * col + 10}" height="${30 + rows.length * 22}" font-family="sans-serif">` +
    header +
    bars +
    '</svg>';
  return { filename: `sprint-timeline-${plan.quarter}.svg`, alt: `Sprint timeline of ${plan.quarter}`, svg };
}

export function renderQuarterPlan(content: ProgramContent, quarter: QuarterPlanContent): RenderedPage {
  const { plan, schedule } = quarter;
  const { program, siteUrl } = content;
  const teamName = (id: string) => program.teams.find((t) => t.id === id)?.name ?? id;
  const person = (id: string | null) =>
    id ? (program.people.find((p) => p.accountId === id)?.displayName ?? id) : '—';
  const sprintName = (index: number) => plan.calendar.sprints[index]?.name ?? `Sprint ${index + 1}`;
  const byKey = new Map(quarter.initiatives.map((i) => [i.key, i]));
  const timeline = sprintTimelineChart(plan, schedule);
  const body = join([
    el(
      'p',
      {},
      el(
        'em',
        {},
        `Published by Programs for Jira & Confluence on ${content.today}. This section is replaced on every publish; write your own notes outside it.`,
      ),
    ),
    heading(2, 'Schedule'),
    attachedImage(timeline.filename, timeline.alt),
    table(
      ['Initiative', 'Summary', 'Team', 'Starts', 'Ends', 'Pinned'],
      schedule.initiatives.map((p) => [
        jiraLink(siteUrl, p.key),
        byKey.get(p.key)?.summary ?? '',
        p.perTeam.map((t) => t.team).join(', '),
        sprintName(p.startSprint),
        sprintName(p.endSprint),
        p.pinned ? 'yes' : '',
      ]),
      'Nothing scheduled yet.',
    ),
    heading(3, 'Not scheduled'),
    table(
      ['Initiative', 'Why'],
      schedule.unplaced.map((u) => [jiraLink(siteUrl, u.key), u.detail]),
      'Everything fits the quarter.',
    ),
    heading(2, 'Estimates'),
    expand(
      `Estimates (${plan.estimates.length})`,
      table(
        ['Initiative', 'Team', 'Sprints', 'Load per sprint', 'Story points'],
        plan.estimates.map((e) => [
          jiraLink(siteUrl, e.initiativeKey),
          teamName(e.teamId),
          e.sprints,
          e.load,
          e.storyPoints ?? '—',
        ]),
        'No estimates yet.',
      ),
    ),
    heading(2, 'Dependencies and commitments'),
    table(
      ['Upstream', 'Downstream', 'Cross-team', 'Commitment', 'By', 'Reason'],
      quarter.dependencies.map((d) => {
        const status = d.commitment?.status ?? 'proposed';
        return [
          jiraLink(siteUrl, d.from),
          jiraLink(siteUrl, d.to),
          d.crossTeam ? 'yes' : 'no',
          join([
            d.crossTeam ? lozenge(COMMITMENT_COLOUR[status], status) : join([]),
            d.late ? lozenge('Red', 'scheduled late') : join([]),
          ]),
          person(d.commitment?.by ?? null),
          d.commitment?.reason ?? '',
        ];
      }),
      'No dependencies between the quarter’s initiatives.',
    ),
    heading(2, 'Alignment session'),
    el(
      'p',
      {},
      `Date: ${plan.session.date ?? 'not set'}. Attendees: ${plan.session.attendees.map(person).join(', ') || '—'}.`,
    ),
    paragraphs(plan.session.outcome, 'No outcome recorded yet.'),
    heading(2, 'Success criteria'),
    table(
      ['Criterion', 'Metric', 'Target'],
      plan.successCriteria.map((c) => [c.statement, c.metric, c.target]),
      'No success criteria yet.',
    ),
    heading(2, 'Communication plan'),
    table(
      ['Channel', 'Where'],
      [
        ['Slack', plan.communication.slackChannelUrl ?? '—'],
        ['Confluence space', plan.communication.confluenceSpaceKey ?? '—'],
        ...plan.communication.otherChannels.map((c) => [c.name, c.url ?? '—']),
        ['Status report cadence', plan.communication.reportCadence],
      ],
    ),
    table(
      ['Meeting', 'Cadence', 'Audience', 'Owner'],
      plan.communication.meetings.map((m) => [m.name, m.cadence, m.audience, person(m.ownerAccountId)]),
      'No recurring meetings yet.',
    ),
  ]);
  return {
    artifact: 'quarter-plan',
    period: plan.quarter,
    title: quarterPlanTitle(program, plan.quarter),
    body,
    charts: [timeline],
  };
}
