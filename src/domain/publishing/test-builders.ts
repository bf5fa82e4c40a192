// Test builders for publishing: a program's content with sensible defaults, overridable per test.
import type { Goal } from '../goals/goal';
import type { Milestone } from '../milestones/milestone';
import { newProgramRecord, type ProgramRecord } from '../program/program';
import type { Risk } from '../risks/risk';
import type { ProgramContent, ScopeRow } from './documents';

export const buildProgram = (overrides: Partial<ProgramRecord> = {}): ProgramRecord => ({
  ...newProgramRecord({
    id: 'prog-atlas',
    name: 'Atlas',
    stage: 'execution',
    scopeJql: 'labels = atlas',
    owners: ['tpm-1'],
    createdAt: '2026-11-01T00:00:00.000Z',
  }),
  people: [{ accountId: 'tpm-1', displayName: 'Morgan Reyes' }],
  ...overrides,
});

export const buildRisk = (overrides: Partial<Risk> = {}): Risk => ({
  id: 'r1',
  title: 'Vendor late',
  probability: 3,
  impact: 4,
  ownerAccountId: 'tpm-1',
  mitigation: 'Second vendor',
  status: 'open',
  source: 'manual',
  ...overrides,
});

export const buildMilestone = (overrides: Partial<Milestone> = {}): Milestone => ({
  id: 'm1',
  name: 'Beta',
  targetDate: '2027-01-15',
  initiativeKeys: ['PAY-1'],
  status: 'on-track',
  agreement: null,
  history: [],
  ...overrides,
});

export const buildGoal = (overrides: Partial<Goal> = {}): Goal => ({
  id: 'g1',
  statement: 'Faster checkout',
  metric: 'p95 ms',
  baseline: '900',
  target: '400',
  dueDate: '2027-03-31',
  agreement: null,
  history: [],
  ...overrides,
});

export const buildScopeRow = (overrides: Partial<ScopeRow> = {}): ScopeRow => ({
  key: 'PAY-1',
  summary: 'New checkout',
  team: 'Payments',
  status: { name: 'In Progress', category: 'indeterminate' },
  progress: { total: 4, done: 1, inProgress: 2, toDo: 1 },
  ...overrides,
});

export const buildContent = (overrides: Partial<ProgramContent> = {}): ProgramContent => ({
  program: buildProgram(),
  strategies: [],
  strategicInitiatives: [],
  goals: [buildGoal()],
  milestones: [buildMilestone()],
  risks: [buildRisk()],
  scope: [buildScopeRow()],
  scopeWarnings: [],
  siteUrl: 'https://example.atlassian.net',
  today: '2026-11-25',
  ...overrides,
});
