import type {
  PlanDependency,
  ProgramTeam,
  QuarterPlan,
  QuarterPlanView,
  TeamOkrs,
} from '../../../../src/contract';
import {
  DEFAULT_DIMENSIONS,
  alignmentRows,
  canCommit,
  canEditEstimate,
  capacityCells,
  commitmentProblem,
  defaultQuarter,
  estimateGrid,
  lateDependencies,
  okrClipboardText,
  packRows,
  parseSprints,
  quarterOptions,
  routeArrows,
  scheduleCriticalPath,
  timelineView,
  type TimelineInitiative,
  type TimelineInput,
} from './plan-model';

const sprints = Array.from({ length: 6 }, (_, i) => ({
  name: `Sprint ${i + 1}`,
  start: `2027-01-${String(4 + i * 14).padStart(2, '0')}`,
  end: `2027-01-${String(17 + i * 14).padStart(2, '0')}`,
}));

function placed(key: string, parts: [team: string, start: number, end: number][], pinned = false) {
  return {
    key,
    startSprint: Math.min(...parts.map((p) => p[1])),
    endSprint: Math.max(...parts.map((p) => p[2])),
    perTeam: parts.map(([team, startSprint, endSprint]) => ({ team, startSprint, endSprint, load: 1 })),
    pinned,
  } satisfies TimelineInitiative;
}

function timeline(overrides: Partial<TimelineInput> = {}): TimelineInput {
  return {
    sprints,
    teams: ['pay', 'id'],
    initiatives: [],
    load: [],
    dependencies: [],
    criticalPath: [],
    ...overrides,
  };
}

const team = (id: string, name: string): ProgramTeam => ({
  id,
  name,
  jiraTeam: id.toUpperCase(),
  leadAccountId: null,
  capacityPerSprint: 3,
});

function planView(
  overrides: Partial<QuarterPlanView> = {},
  plan: Partial<QuarterPlan> = {},
): QuarterPlanView {
  return {
    program: { id: 'p', name: 'Atlas', stage: 'planning', scopeJql: '' },
    teams: [team('pay', 'Payments'), team('id', 'Identity')],
    roles: ['owner'],
    canEdit: true,
    editableTeamIds: [],
    plan: {
      programId: 'p',
      quarter: '2027-Q1',
      calendar: {
        source: 'generated',
        boardId: null,
        boardName: null,
        lengthDays: 14,
        firstStart: null,
        sprints: [],
        refreshedAt: '2026-11-25T00:00:00Z',
      },
      initiatives: [],
      estimates: [],
      pins: [],
      session: { date: null, attendees: [], outcome: '', updatedBy: null, updatedAt: null },
      commitments: [],
      successCriteria: [],
      communication: {
        slackChannelUrl: null,
        confluenceSpaceKey: null,
        otherChannels: [],
        meetings: [],
        reportCadence: 'weekly',
      },
      okrLinks: [],
      baselines: [],
      createdAt: '2026-11-25T00:00:00Z',
      createdBy: 'tpm',
      updatedAt: '2026-11-25T00:00:00Z',
      version: 1,
      ...plan,
    },
    initiatives: [],
    candidates: [],
    carryOverCandidates: [],
    missingEstimates: [],
    schedule: { initiatives: [], unplaced: [], load: [], warnings: [] },
    dependencies: [],
    baselineComparison: null,
    warnings: [],
    ...overrides,
  };
}

function dependency(from: string, to: string, fields: Partial<PlanDependency> = {}): PlanDependency {
  return {
    from,
    to,
    fromTeamId: 'pay',
    toTeamId: 'id',
    crossTeam: true,
    evidence: [],
    commitment: null,
    late: false,
    ...fields,
  };
}

describe('timeline bars', () => {
  it('draws one bar per team part, spanning exactly the sprints it occupies', () => {
    const view = timelineView(
      timeline({
        initiatives: [
          placed('PAY-1', [
            ['pay', 1, 3],
            ['id', 2, 2],
          ]),
        ],
      }),
    );
    const pay = view.bars.find((b) => b.id === 'PAY-1-pay')!;
    const id = view.bars.find((b) => b.id === 'PAY-1-id')!;
    const { labelWidth, sprintWidth } = DEFAULT_DIMENSIONS;
    expect(pay.x).toBeGreaterThanOrEqual(labelWidth + sprintWidth);
    expect(pay.x + pay.width).toBeLessThanOrEqual(labelWidth + 4 * sprintWidth);
    expect(pay.width).toBeGreaterThan(2 * sprintWidth);
    expect(id.width).toBeLessThan(sprintWidth);
  });

  it('puts each team in its own swimlane and stacks overlapping bars of a team in rows', () => {
    const view = timelineView(
      timeline({
        initiatives: [
          placed('PAY-1', [['pay', 0, 2]]),
          placed('PAY-2', [['pay', 1, 1]]),
          placed('ID-1', [['id', 0, 0]]),
        ],
      }),
    );
    const [pay, id] = view.lanes;
    expect(pay?.team).toBe('pay');
    expect(pay?.rows).toBe(2);
    const bar = (key: string) => view.bars.find((b) => b.key === key)!;
    expect(bar('PAY-2').y).toBeGreaterThan(bar('PAY-1').y);
    expect(bar('ID-1').y).toBeGreaterThanOrEqual(id!.y);
    expect(bar('PAY-2').y + bar('PAY-2').height).toBeLessThanOrEqual(id!.y);
  });

  it('reuses a row once the bar before it has ended', () => {
    expect(
      packRows([
        { startSprint: 0, endSprint: 1 },
        { startSprint: 1, endSprint: 2 },
        { startSprint: 2, endSprint: 3 },
      ]),
    ).toEqual([0, 1, 0]);
  });

  it('adds a lane for a team the schedule names but the program does not list', () => {
    const view = timelineView(
      timeline({ teams: ['pay'], initiatives: [placed('X-1', [['ghost-team', 0, 0]])] }),
    );
    expect(view.lanes.map((l) => l.team)).toEqual(['pay', 'ghost-team']);
  });

  it('labels lanes with team names and marks pinned and critical-path bars', () => {
    const view = timelineView(
      timeline({
        teamNames: new Map([['pay', 'Payments']]),
        initiatives: [placed('PAY-1', [['pay', 0, 0]], true), placed('ID-1', [['id', 1, 1]])],
        dependencies: [{ from: 'PAY-1', to: 'ID-1' }],
        criticalPath: ['PAY-1', 'ID-1'],
      }),
    );
    expect(view.lanes[0]?.label).toBe('Payments');
    const bar = view.bars.find((b) => b.key === 'PAY-1')!;
    expect(bar.pinned).toBe(true);
    expect(bar.onCriticalPath).toBe(true);
    expect(bar.description).toContain('pinned');
    expect(view.arrows[0]?.onCriticalPath).toBe(true);
  });

  it('draws a baseline ghost under the part that ends the initiative, with the variance in sprints', () => {
    const view = timelineView(
      timeline({
        initiatives: [
          placed('PAY-1', [
            ['pay', 0, 1],
            ['id', 2, 4],
          ]),
        ],
        baseline: [{ key: 'PAY-1', startSprint: 0, endSprint: 2 }],
      }),
    );
    expect(view.ghosts).toHaveLength(1);
    expect(view.ghosts[0]).toMatchObject({ team: 'id', startSprint: 0, endSprint: 2, endDelta: 2 });
  });

  it('draws no ghost for an initiative the baseline did not place', () => {
    const view = timelineView(
      timeline({
        initiatives: [placed('PAY-1', [['pay', 0, 1]])],
        baseline: [{ key: 'PAY-1', startSprint: null, endSprint: null }],
      }),
    );
    expect(view.ghosts).toEqual([]);
  });
});

describe('late dependencies and capacity', () => {
  it('flags a dependent that starts in or before the sprint its dependency ends', () => {
    const initiatives = [
      placed('A-1', [['pay', 0, 2]]),
      placed('B-1', [['id', 2, 3]]),
      placed('C-1', [['id', 3, 3]]),
    ];
    const late = lateDependencies(initiatives, [
      { from: 'A-1', to: 'B-1' },
      { from: 'A-1', to: 'C-1' },
    ]);
    expect([...late]).toEqual(['A-1->B-1']);
  });

  it('ignores a dependency on an initiative that is not placed', () => {
    expect(lateDependencies([placed('B-1', [['id', 0, 0]])], [{ from: 'A-1', to: 'B-1' }]).size).toBe(0);
  });

  it('highlights a team-sprint whose load exceeds the team’s capacity, and only that one', () => {
    const cells = capacityCells([{ team: 'pay', capacityPerSprint: 2, used: [1, 3, 2] }], 3);
    expect(cells.filter((c) => c.over).map((c) => c.sprint)).toEqual([1]);
    expect(cells[1]).toMatchObject({ used: 3, capacity: 2 });
  });

  it('marks the late bar and the late arrow in the timeline', () => {
    const view = timelineView(
      timeline({
        initiatives: [placed('A-1', [['pay', 1, 2]]), placed('B-1', [['id', 0, 1]], true)],
        dependencies: [{ from: 'A-1', to: 'B-1' }],
      }),
    );
    expect(view.late).toEqual(['A-1->B-1']);
    expect(view.bars.find((b) => b.key === 'B-1')?.late).toBe(true);
    expect(view.bars.find((b) => b.key === 'A-1')?.late).toBe(false);
    expect(view.arrows[0]?.late).toBe(true);
  });
});

describe('arrow routing', () => {
  const dims = DEFAULT_DIMENSIONS;
  it('runs from the end of the dependency’s last bar to the start of the dependent’s first bar', () => {
    const view = timelineView(
      timeline({
        initiatives: [
          placed('A-1', [
            ['pay', 0, 0],
            ['id', 0, 1],
          ]),
          placed('B-1', [['pay', 3, 3]]),
        ],
        dependencies: [{ from: 'A-1', to: 'B-1' }],
      }),
      dims,
    );
    const arrow = view.arrows[0]!;
    const fromBar = view.bars.find((b) => b.id === 'A-1-id')!;
    const toBar = view.bars.find((b) => b.id === 'B-1-pay')!;
    expect(arrow.points[0]).toEqual({ x: fromBar.x + fromBar.width, y: fromBar.y + fromBar.height / 2 });
    expect(arrow.points.at(-1)).toEqual({ x: toBar.x, y: toBar.y + toBar.height / 2 });
    expect(arrow.fromTeam).toBe('id');
    expect(arrow.toTeam).toBe('pay');
    // Orthogonal: every segment is horizontal or vertical.
    for (let i = 1; i < arrow.points.length; i++) {
      const [a, b] = [arrow.points[i - 1]!, arrow.points[i]!];
      expect(a.x === b.x || a.y === b.y).toBe(true);
    }
  });

  it('enters a bar that starts before its dependency ends from the left, going back in time', () => {
    const view = timelineView(
      timeline({
        initiatives: [placed('A-1', [['pay', 1, 2]]), placed('B-1', [['id', 0, 0]])],
        dependencies: [{ from: 'A-1', to: 'B-1' }],
      }),
    );
    const points = view.arrows[0]!.points;
    const end = points.at(-1)!;
    const beforeEnd = points.at(-2)!;
    expect(beforeEnd.x).toBeLessThan(end.x);
    expect(points.some((p) => p.x > points[0]!.x)).toBe(true);
  });

  it('draws no arrow when either end is not on the timeline', () => {
    const arrows = routeArrows([], [{ from: 'A-1', to: 'B-1' }], { late: new Set(), critical: new Set() });
    expect(arrows).toEqual([]);
  });
});

describe('critical path', () => {
  it('follows the chain of tight dependencies back from the initiative that ends last', () => {
    const initiatives = [
      placed('A-1', [['pay', 0, 1]]),
      placed('B-1', [['id', 2, 3]]),
      placed('C-1', [['id', 4, 5]]),
      placed('D-1', [['pay', 0, 0]]),
    ];
    const path = scheduleCriticalPath(initiatives, [
      { from: 'A-1', to: 'B-1' },
      { from: 'B-1', to: 'C-1' },
      { from: 'D-1', to: 'C-1' },
    ]);
    expect(path).toEqual(['A-1', 'B-1', 'C-1']);
  });

  it('passes over a late-ending initiative that no dependency holds back', () => {
    const initiatives = [
      placed('A-1', [['pay', 0, 1]]),
      placed('B-1', [['id', 2, 3]]),
      placed('Z-1', [['id', 1, 5]]),
    ];
    const path = scheduleCriticalPath(initiatives, [
      { from: 'A-1', to: 'B-1' },
      { from: 'A-1', to: 'Z-1' },
    ]);
    expect(path).toEqual(['A-1', 'B-1']);
  });

  it('is empty when no dependency links the placed initiatives', () => {
    expect(scheduleCriticalPath([placed('A-1', [['pay', 0, 1]])], [])).toEqual([]);
  });
});

describe('estimates grid', () => {
  const view = planView(
    {
      canEdit: false,
      editableTeamIds: ['pay'],
      initiatives: [
        {
          key: 'PAY-1',
          priority: null,
          carriedOver: false,
          summary: 'Wallets',
          teamId: 'pay',
          team: 'Payments',
          status: null,
          inScope: true,
        },
      ],
      missingEstimates: [{ initiativeKey: 'PAY-1', teamId: 'id' }],
    },
    {
      initiatives: [{ key: 'PAY-1', priority: null, carriedOver: false }],
      estimates: [
        { initiativeKey: 'PAY-1', teamId: 'pay', sprints: 2, load: 1, storyPoints: 13, by: 'x', at: 'y' },
      ],
    },
  );

  it('shows estimates, counts the missing ones and lets a team lead edit only their team’s column', () => {
    const grid = estimateGrid(view);
    expect(grid.missing).toBe(1);
    expect(grid.missingByTeam.get('id')).toBe(1);
    const [pay, id] = grid.rows[0]!.cells;
    expect(pay).toMatchObject({ state: 'estimated', sprints: 2, storyPoints: 13, editable: true });
    expect(id).toMatchObject({ state: 'missing', editable: false });
  });

  it('lets owners edit every column', () => {
    expect(canEditEstimate({ canEdit: true, editableTeamIds: [] }, 'id')).toBe(true);
    expect(canEditEstimate({ canEdit: false, editableTeamIds: [] }, 'id')).toBe(false);
  });

  it.each([
    ['2', 2],
    ['1.5', 1.5],
    ['0,5', 0.5],
    ['', null],
  ])('reads %p sprints as %p', (text, value) => {
    expect(parseSprints(text)).toEqual({ ok: true, value });
  });

  it.each(['0', '-1', 'two', '100'])('refuses %p sprints', (text) => {
    expect(parseSprints(text).ok).toBe(false);
  });
});

describe('quarters', () => {
  const today = new Date('2026-11-25T12:00:00Z');
  it('offers the planned quarters, the current one and the next three', () => {
    expect(quarterOptions(today, ['2026-Q2'])).toEqual([
      '2026-Q2',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
    ]);
  });
  it('opens the next quarter first, the one planning is for', () => {
    expect(defaultQuarter(today, [])).toBe('2027-Q1');
    expect(defaultQuarter(today, ['2026-Q4'])).toBe('2026-Q4');
    expect(defaultQuarter(today, ['2026-Q4', '2027-Q1'])).toBe('2027-Q1');
  });
});

describe('alignment session', () => {
  it('walks only cross-team dependencies, unanswered ones as proposed, and filters to uncommitted', () => {
    const committed = dependency('PAY-1', 'ID-1', {
      commitment: { from: 'PAY-1', to: 'ID-1', status: 'committed', reason: null, by: 'a', at: 'b' },
    });
    const open = dependency('PAY-2', 'ID-2');
    const sameTeam = dependency('PAY-3', 'PAY-4', { crossTeam: false, toTeamId: 'pay' });
    const view = planView({ dependencies: [committed, open, sameTeam] });
    expect(alignmentRows(view, { uncommittedOnly: false }).map((r) => r.commitment.status)).toEqual([
      'committed',
      'proposed',
    ]);
    expect(alignmentRows(view, { uncommittedOnly: true }).map((r) => r.dependency.from)).toEqual(['PAY-2']);
  });

  it('lets the upstream team’s lead answer, not the downstream one', () => {
    expect(canCommit({ canEdit: false, editableTeamIds: ['pay'] }, { fromTeamId: 'pay' })).toBe(true);
    expect(canCommit({ canEdit: false, editableTeamIds: ['id'] }, { fromTeamId: 'pay' })).toBe(false);
  });

  it('requires a reason to decline', () => {
    expect(commitmentProblem('declined', '  ')).not.toBeNull();
    expect(commitmentProblem('declined', 'No capacity in sprint 3')).toBeNull();
    expect(commitmentProblem('at-risk', '')).toBeNull();
  });
});

describe('team OKR text', () => {
  it('puts the team’s key results under a heading and lists what is not committed yet', () => {
    const okrs: TeamOkrs = {
      teamId: 'pay',
      teamName: 'Payments',
      okrUrl: null,
      keyResults: [
        { from: 'PAY-1', to: 'ID-1', status: 'committed', text: 'Deliver PAY-1 for ID-1 by Sprint 2' },
      ],
      copyText: 'Deliver PAY-1 for ID-1 by Sprint 2',
      uncommitted: [{ from: 'PAY-2', to: 'ID-2', status: 'declined', text: '' }],
    };
    const text = okrClipboardText(okrs, '2027-Q1').split('\n');
    expect(text[0]).toContain('Payments');
    expect(text[0]).toContain('2027-Q1');
    expect(text).toContain('Deliver PAY-1 for ID-1 by Sprint 2');
    expect(text.indexOf('Not committed yet:')).toBeGreaterThan(1);
    expect(text.at(-1)).toBe('- PAY-2 → ID-2 (declined)');
  });
});
