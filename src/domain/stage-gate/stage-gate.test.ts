import { newGoal } from '../goals/goal';
import { newMilestone } from '../milestones/milestone';
import { newProgramRecord } from '../program/program';
import { missingArtifacts, moveStage, StageGateError, type InitiationArtifacts } from './stage-gate';

const AT = '2027-01-10T09:00:00.000Z';
const agreement = { agreedBy: ['sponsor'], at: AT, recordedBy: 'tpm', note: '' };

function anInitiation(overrides: Partial<InitiationArtifacts> = {}): InitiationArtifacts {
  return {
    program: newProgramRecord({
      id: 'p',
      name: 'P',
      stage: 'initiation',
      scopeJql: 'project = PAY',
      owners: ['tpm'],
      createdAt: AT,
      description: 'd',
      expectedBenefits: 'b',
      resourcesNeeded: 'r',
      sponsor: 'sponsor',
      teams: [{ id: 't', name: 'Payments', jiraTeam: 'PAY', leadAccountId: null, capacityPerSprint: 10 }],
    }),
    strategies: [{ id: 's', level: 'company', name: 'S', objective: 'O', keyResults: [] }],
    strategicInitiatives: [{ id: 'i', name: 'I', description: '', strategyIds: ['s'], epicKeys: [] }],
    goals: [
      {
        ...newGoal('g', { statement: 's', metric: 'm', baseline: '1', target: '2', dueDate: '2027-06-30' }),
        agreement,
      },
    ],
    milestones: [
      {
        ...newMilestone('m', { name: 'M', targetDate: '2027-03-31', initiativeKeys: [] }, 'planned'),
        agreement,
      },
    ],
    risks: [
      {
        id: 'r',
        title: 'R',
        probability: 2,
        impact: 3,
        ownerAccountId: null,
        mitigation: '',
        status: 'open',
        source: 'manual',
      },
    ],
    ...overrides,
  };
}

describe('the initiation gate', () => {
  it('lets a complete initiation move to planning and dates the move', () => {
    const moved = moveStage(anInitiation(), 'planning', null, AT, 'tpm');
    expect(moved.stage).toBe('planning');
    expect(moved.stageHistory.at(-1)).toEqual({
      from: 'initiation',
      to: 'planning',
      at: AT,
      by: 'tpm',
      override: null,
    });
  });

  it('names what is missing: unagreed goals, no sponsor, no risks', () => {
    const base = anInitiation();
    const missing = missingArtifacts('initiation', {
      ...base,
      program: { ...base.program, sponsor: null },
      goals: base.goals.map((g) => ({ ...g, agreement: null })),
      risks: [],
    });
    expect(missing).toEqual(
      expect.arrayContaining([
        'Agreement on 1 goal(s)',
        'A sponsor',
        'A risk assessment (at least one risk)',
      ]),
    );
  });

  it('refuses to move on with artifacts missing unless a reason is given, and keeps the reason', () => {
    const incomplete = anInitiation({ goals: [] });
    expect(() => moveStage(incomplete, 'planning', '  ', AT, 'tpm')).toThrow(StageGateError);
    const moved = moveStage(incomplete, 'planning', 'Sponsor wants to start', AT, 'tpm');
    expect(moved.stageHistory.at(-1)?.override).toEqual({
      reason: 'Sponsor wants to start',
      missing: ['At least one goal'],
    });
  });

  it('moves one stage at a time', () => {
    expect(() => moveStage(anInitiation(), 'execution', 'skip', AT, 'tpm')).toThrow(/one stage at a time/);
  });
});

describe('the completion gate', () => {
  const inCompletion = (completion?: InitiationArtifacts['completion']): InitiationArtifacts => {
    const base = anInitiation();
    return {
      ...base,
      program: { ...base.program, stage: 'completion' },
      ...(completion ? { completion } : {}),
    };
  };
  const assessedGoal = { id: 'goal-g' };
  const lesson = { id: 'l1' };
  const accepted = {
    id: 'handover',
    receivingTeam: 'SRE',
    contactAccountId: 'sre',
    items: [{ kind: 'issue' as const, key: 'PLAT-1' }],
    links: [],
    handoverDate: '2027-09-15',
    waiver: null,
    acceptance: { status: 'accepted' as const, by: 'sre', at: AT, note: '' },
    updatedBy: 'tpm',
    updatedAt: AT,
  };

  it('closes a program whose goals are assessed, with a lesson and an accepted handover', () => {
    const closed = moveStage(
      inCompletion({ assessments: [assessedGoal], lessons: [lesson], handover: accepted }),
      'closed',
      null,
      AT,
      'tpm',
    );
    expect(closed.stage).toBe('closed');
    expect(closed.stageHistory.at(-1)).toMatchObject({ from: 'completion', to: 'closed', override: null });
  });

  it('names what closing still needs when nothing was recorded', () => {
    expect(missingArtifacts('completion', inCompletion())).toEqual([
      'An assessment of 1 goal(s)',
      'At least one lesson learned',
      'A transition to support accepted by the receiving team, or waived with a reason',
    ]);
  });

  it('closes with records missing only with a reason, kept with what was missing', () => {
    const partial = inCompletion({ assessments: [], lessons: [lesson], handover: accepted });
    expect(() => moveStage(partial, 'closed', null, AT, 'tpm')).toThrow(/An assessment of 1 goal/);
    const closed = moveStage(partial, 'closed', 'Sponsor signed off the goal in steering', AT, 'tpm');
    expect(closed.stageHistory.at(-1)?.override).toEqual({
      reason: 'Sponsor signed off the goal in steering',
      missing: ['An assessment of 1 goal(s)'],
    });
  });
});
