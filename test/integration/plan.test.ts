// Quarterly planning end to end: the real plan resolvers, services and adapters on the local Forge runtime
// against the emulator's seeded demo site.
import { searchJql } from '../../src/adapters/jira/endpoints';
import { getCommitmentsProperty } from '../../src/adapters/jira/commitment-properties';
import type {
  Envelope,
  ProgramDependencies,
  QuarterPlanView,
  RequestOf,
  ResolverKey,
} from '../../src/contract';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

const programId = 'prog-atlas';
const quarter = '2027-Q2';
const TPM = 'tpm@example.com';
const STAKEHOLDER = 'stakeholder@example.com';
const LEAD_EMAIL: Record<string, string> = {
  'team-pay': 'lead.payments@example.com',
  'team-id': 'lead.identity@example.com',
  'team-mob': 'lead.mobile@example.com',
  'team-data': 'lead.data@example.com',
  'team-plat': 'lead.platform@example.com',
};

let stack: AppStack;
let graph: ProgramDependencies;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startAppStack({ demoPlan: true });
  graph = ok(await stack.invoke('program/dependencies', { programId }));
}, 60_000);
afterAll(async () => {
  await stack.close();
  jest.restoreAllMocks();
});

function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

const errorOf = (envelope: Envelope<unknown>) =>
  envelope.success ? 'success' : envelope.errors[0]?.errorType;

async function call<K extends ResolverKey>(key: K, payload: RequestOf<K>, email = TPM) {
  return stack.invoke(key, payload, email);
}

const snapshot = () => JSON.stringify(stack.runtime.kvs.snapshot());

/** The quarter's plan, created once by the TPM with every in-scope epic outside the seeded cycle. */
async function preparedPlan(): Promise<QuarterPlanView> {
  const existing = await call('plan/get', { programId, quarter });
  if (existing.success) return existing.data;
  const created = ok(
    await call('plan/create', { programId, quarter, calendar: { source: 'generated', lengthDays: 14 } }),
  );
  const onCycle = new Set(graph.cycles.flatMap((c) => c.path));
  const keys = graph.nodes.map((n) => n.key).filter((k) => !onCycle.has(k));
  return ok(
    await call('plan/initiatives/set', {
      programId,
      quarter,
      expectedVersion: created.plan.version,
      initiatives: keys.map((key, i) => ({ key, priority: i < 5 ? i + 1 : null })),
    }),
  );
}

/** Every chosen initiative estimated by the TPM for its owning team: 1–2 sprints. */
async function estimated(): Promise<QuarterPlanView> {
  let view = await preparedPlan();
  if (view.missingEstimates.length === 0) return view;
  view = ok(
    await call('plan/estimates/set', {
      programId,
      quarter,
      expectedVersion: view.plan.version,
      estimates: view.missingEstimates.map((m, i) => ({
        initiativeKey: m.initiativeKey,
        teamId: m.teamId,
        sprints: 1 + (i % 2),
        load: 1,
      })),
    }),
  );
  return view;
}

describe('quarter plan on the emulator', () => {
  it('takes the sprints of a team board when one has sprints in the quarter', async () => {
    const view = ok(
      await call('plan/create', { programId, quarter: '2026-Q4', calendar: { source: 'board' } }),
    );
    expect(view.plan.calendar.source).toBe('board');
    expect(view.plan.calendar.boardId).not.toBeNull();
    expect(view.plan.calendar.sprints.length).toBeGreaterThan(0);
    expect(view.plan.calendar.sprints.some((s) => s.boardSprintId !== undefined)).toBe(true);
    const boards = ok(await call('plan/boards', { programId }));
    expect(boards.boards.map((b) => b.teamId)).toContain('team-pay');
  });

  it('generates the sprints of a quarter with no board sprints, every sprint inside the quarter', async () => {
    const view = await preparedPlan();
    expect(view.plan.calendar.source).toBe('generated');
    expect(view.plan.calendar.sprints.length).toBeGreaterThanOrEqual(6);
    for (const s of view.plan.calendar.sprints) {
      expect(s.start >= '2027-04-01').toBe(true);
      expect(s.end <= '2027-06-30').toBe(true);
    }
    expect(view.initiatives.length).toBeGreaterThan(10);
    // The seeded 2027-Q1 plan's unfinished initiatives come along, flagged.
    expect(view.initiatives.filter((i) => i.carriedOver).length).toBeGreaterThan(0);
    expect(view.initiatives.every((i) => i.carriedOver === (i.status?.category !== 'done'))).toBe(true);
    expect(view.missingEstimates.length).toBe(view.initiatives.filter((i) => i.teamId !== null).length);
  });

  it('refuses a second plan for the same quarter', async () => {
    await preparedPlan();
    const again = await call('plan/create', { programId, quarter });
    expect(errorOf(again)).toBe('CONFLICT');
  });

  it('lets a team lead estimate its own team’s part and refuses another team’s, changing nothing', async () => {
    const view = await preparedPlan();
    const mine = view.initiatives.find((i) => i.teamId === 'team-pay')!;
    const theirs = view.initiatives.find((i) => i.teamId === 'team-id')!;
    const lead = LEAD_EMAIL['team-pay']!;
    const before = snapshot();
    const refused = await call(
      'plan/estimates/set',
      {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        estimates: [{ initiativeKey: theirs.key, teamId: 'team-id', sprints: 2 }],
      },
      lead,
    );
    expect(errorOf(refused)).toBe('FORBIDDEN');
    expect(snapshot()).toBe(before);

    const accepted = ok(
      await call(
        'plan/estimates/set',
        {
          programId,
          quarter,
          expectedVersion: view.plan.version,
          estimates: [{ initiativeKey: mine.key, teamId: 'team-pay', sprints: 2, storyPoints: 16 }],
        },
        lead,
      ),
    );
    const estimate = accepted.plan.estimates.find((e) => e.initiativeKey === mine.key)!;
    expect(estimate).toMatchObject({ teamId: 'team-pay', sprints: 2, storyPoints: 16, load: 8 });
    expect(estimate.by).toBe(accountIdOf(lead));
    expect(accepted.missingEstimates.map((m) => m.initiativeKey)).not.toContain(mine.key);
  });

  it('schedules every dependent after its dependency ends, across teams, within each team’s capacity', async () => {
    const view = await estimated();
    const placed = new Map(view.schedule.initiatives.map((p) => [p.key, p]));
    expect(placed.size).toBeGreaterThan(5);
    const chosen = new Set(view.plan.initiatives.map((i) => i.key));
    let crossTeamChecked = 0;
    for (const edge of graph.edges.filter((e) => chosen.has(e.from) && chosen.has(e.to))) {
      const to = placed.get(edge.to);
      if (!to) continue;
      const from = placed.get(edge.from);
      expect(from).toBeDefined();
      expect(to.startSprint).toBeGreaterThan(from!.endSprint);
      if (edge.crossTeam) crossTeamChecked += 1;
    }
    expect(crossTeamChecked).toBeGreaterThan(0);
    for (const load of view.schedule.load)
      for (const used of load.used) expect(used).toBeLessThanOrEqual(load.capacityPerSprint);
    for (const u of view.schedule.unplaced) expect(u.detail.length).toBeGreaterThan(0);
  });

  it('records a declined commitment on both epics’ issue property, where JQL finds it', async () => {
    const view = await estimated();
    const crossTeam = view.dependencies.filter(
      (d) => d.commitment && d.fromTeamId && LEAD_EMAIL[d.fromTeamId],
    );
    expect(crossTeam.length).toBeGreaterThanOrEqual(2);
    const [declined, committed] = crossTeam as [(typeof crossTeam)[0], (typeof crossTeam)[0]];
    const upstreamLead = LEAD_EMAIL[declined.fromTeamId!]!;

    const downstreamLead = Object.entries(LEAD_EMAIL).find(
      ([team]) => team !== declined.fromTeamId && team === declined.toTeamId,
    )?.[1];
    if (downstreamLead) {
      const refused = await call(
        'plan/commitments/set',
        {
          programId,
          quarter,
          expectedVersion: view.plan.version,
          commitments: [{ from: declined.from, to: declined.to, status: 'committed' }],
        },
        downstreamLead,
      );
      expect(errorOf(refused)).toBe('FORBIDDEN');
    }
    const noReason = await call(
      'plan/commitments/set',
      {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        commitments: [{ from: declined.from, to: declined.to, status: 'declined' }],
      },
      upstreamLead,
    );
    expect(errorOf(noReason)).toBe('VALIDATION');

    const afterDecline = ok(
      await call(
        'plan/commitments/set',
        {
          programId,
          quarter,
          expectedVersion: view.plan.version,
          commitments: [
            { from: declined.from, to: declined.to, status: 'declined', reason: 'No capacity until May' },
          ],
        },
        upstreamLead,
      ),
    );
    const after = ok(
      await call('plan/commitments/set', {
        programId,
        quarter,
        expectedVersion: afterDecline.plan.version,
        commitments: [{ from: committed.from, to: committed.to, status: 'committed' }],
      }),
    );
    expect(after.warnings.filter((w) => /could not be recorded/.test(w))).toEqual([]);
    const recorded = after.dependencies.find((d) => d.from === declined.from && d.to === declined.to)!;
    expect(recorded.commitment).toMatchObject({
      status: 'declined',
      reason: 'No capacity until May',
      by: accountIdOf(upstreamLead),
    });

    const property = (await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      getCommitmentsProperty(declined.to),
    )) as { commitments: Array<Record<string, unknown>>; statuses: string[] };
    expect(property.statuses).toContain('declined');
    expect(property.commitments).toContainEqual(
      expect.objectContaining({
        programId,
        quarter,
        from: declined.from,
        to: declined.to,
        side: 'downstream',
      }),
    );
    const found = (await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      searchJql('user', {
        jql: 'issue.property[programs.commitments].statuses = "declined"',
        fields: ['key'],
      }),
    )) as { issues: Array<{ key: string }> };
    const keys = found.issues.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining([declined.from, declined.to]));

    const okrs = ok(await call('plan/team-okrs', { programId, quarter }));
    const committedTeam = okrs.teams.find((t) => t.teamId === committed.fromTeamId)!;
    expect(committedTeam.keyResults.map((k) => k.from)).toContain(committed.from);
    expect(committedTeam.copyText).toContain(committed.from);
    const decliningTeam = okrs.teams.find((t) => t.teamId === declined.fromTeamId)!;
    expect(decliningTeam.uncommitted).toContainEqual(
      expect.objectContaining({ from: declined.from, to: declined.to, status: 'declined' }),
    );
  });

  it('keeps other data on the commitment property when it mirrors a commitment', async () => {
    const view = await estimated();
    const dep = view.dependencies.find((d) => d.commitment && d.commitment.status === 'proposed')!;
    await stack.runtime.runAsUser(accountIdOf(TPM), async () => {
      const { setCommitmentsProperty } = await import('../../src/adapters/jira/commitment-properties');
      await setCommitmentsProperty(dep.to, {
        note: 'kept',
        commitments: [{ programId: 'other', quarter, from: 'X-1', to: dep.to, status: 'committed' }],
      });
    });
    ok(
      await call('plan/commitments/set', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        commitments: [{ from: dep.from, to: dep.to, status: 'at-risk', reason: 'Vendor late' }],
      }),
    );
    const property = (await stack.runtime.runAsUser(accountIdOf(TPM), () =>
      getCommitmentsProperty(dep.to),
    )) as {
      note: string;
      commitments: Array<Record<string, unknown>>;
      programIds: string[];
    };
    expect(property.note).toBe('kept');
    expect(property.programIds).toEqual(['other', programId]);
    expect(property.commitments).toHaveLength(2);
  });

  it('saves success criteria linked to program goals and refuses an unknown goal', async () => {
    const view = await preparedPlan();
    const saved = ok(
      await call('plan/success-criteria/save', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        fields: {
          statement: 'Checkout live in two markets',
          metric: 'markets live',
          target: '2',
          goalIds: ['goal-conversion'],
        },
      }),
    );
    const criterion = saved.plan.successCriteria.at(-1)!;
    expect(criterion).toMatchObject({ target: '2', goalIds: ['goal-conversion'] });
    const before = snapshot();
    const unknown = await call('plan/success-criteria/save', {
      programId,
      quarter,
      expectedVersion: saved.plan.version,
      id: criterion.id,
      fields: { statement: 'x', metric: 'y', target: 'z', goalIds: ['no-such-goal'] },
    });
    expect(errorOf(unknown)).toBe('VALIDATION');
    expect(snapshot()).toBe(before);
    const deleted = ok(
      await call('plan/success-criteria/delete', {
        programId,
        quarter,
        expectedVersion: saved.plan.version,
        id: criterion.id,
      }),
    );
    expect(deleted.plan.successCriteria.map((c) => c.id)).not.toContain(criterion.id);
  });

  it('stores the communication plan with a Slack link, a space, meetings and the report cadence', async () => {
    const view = await preparedPlan();
    const updated = ok(
      await call('plan/communication/update', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        communication: {
          slackChannelUrl: 'https://acme.slack.com/archives/C0123',
          confluenceSpaceKey: 'ATLAS',
          otherChannels: [],
          meetings: [
            {
              name: 'Program sync',
              cadence: 'weekly',
              audience: 'Team leads',
              ownerAccountId: accountIdOf(TPM),
            },
          ],
          reportCadence: 'biweekly',
        },
      }),
    );
    expect(updated.plan.communication.meetings[0]).toMatchObject({ name: 'Program sync', cadence: 'weekly' });
    expect(updated.plan.communication.meetings[0]?.id).toBeTruthy();
    const notSlack = await call('plan/communication/update', {
      programId,
      quarter,
      expectedVersion: updated.plan.version,
      communication: { ...updated.plan.communication, slackChannelUrl: 'http://evil.example.com/x' },
    });
    expect(errorOf(notSlack)).toBe('VALIDATION');
  });

  it('freezes a baseline that later changes never alter, and reads the current schedule against it', async () => {
    const view = await estimated();
    const frozen = ok(
      await call('plan/baseline/freeze', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        note: 'Agreed',
      }),
    );
    const summary = frozen.plan.baselines.at(-1)!;
    expect(summary).toMatchObject({
      frozenBy: accountIdOf(TPM),
      note: 'Agreed',
      planVersion: view.plan.version,
    });
    expect(frozen.baselineComparison?.variances.every((v) => v.change === 'unchanged')).toBe(true);
    const stored = ok(await call('plan/baseline/get', { programId, quarter, baselineId: summary.id }));

    const placed = frozen.schedule.initiatives.find((p) => p.perTeam.length === 1)!;
    const part = placed.perTeam[0]!;
    const longer = ok(
      await call('plan/estimates/set', {
        programId,
        quarter,
        expectedVersion: frozen.plan.version,
        estimates: [
          {
            initiativeKey: placed.key,
            teamId: part.team,
            sprints: part.endSprint - part.startSprint + 2,
            load: 1,
          },
        ],
      }),
    );
    const variance = longer.baselineComparison?.variances.find((v) => v.key === placed.key);
    expect(['later', 'now-unplaced']).toContain(variance?.change);
    expect(ok(await call('plan/baseline/get', { programId, quarter, baselineId: summary.id }))).toEqual(
      stored,
    );
  });

  it('answers CONFLICT to a write naming a stale version, changing nothing', async () => {
    const view = await preparedPlan();
    const before = snapshot();
    const stale = await call('plan/session/update', {
      programId,
      quarter,
      expectedVersion: view.plan.version - 1,
      session: { date: '2027-03-10', attendees: [], outcome: 'late' },
    });
    expect(errorOf(stale)).toBe('CONFLICT');
    expect(snapshot()).toBe(before);
    const fresh = ok(
      await call('plan/session/update', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        session: { date: '2027-03-10', attendees: [accountIdOf(TPM)], outcome: 'All committed but one' },
      }),
    );
    expect(fresh.plan.session).toMatchObject({ date: '2027-03-10', updatedBy: accountIdOf(TPM) });
  });

  it('lets a stakeholder read the plan and refuses every write, changing nothing', async () => {
    const view = await estimated();
    const read = ok(await call('plan/get', { programId, quarter }, STAKEHOLDER));
    expect(read.canEdit).toBe(false);
    expect(read.editableTeamIds).toEqual([]);
    const v = { programId, quarter, expectedVersion: view.plan.version };
    const dep = view.dependencies.find((d) => d.commitment)!;
    const writes: Array<[string, unknown]> = [
      ['plan/create', { programId, quarter: '2028-Q1' }],
      ['plan/calendar/set', { ...v, calendar: { source: 'generated' } }],
      ['plan/initiatives/set', { ...v, initiatives: [] }],
      [
        'plan/estimates/set',
        { ...v, estimates: [{ initiativeKey: view.initiatives[0]!.key, teamId: 'team-pay', sprints: 1 }] },
      ],
      ['plan/pins/set', { ...v, pins: [{ initiativeKey: view.initiatives[0]!.key, startSprint: 0 }] }],
      ['plan/session/update', { ...v, session: { date: null, attendees: [], outcome: '' } }],
      ['plan/commitments/set', { ...v, commitments: [{ from: dep.from, to: dep.to, status: 'committed' }] }],
      [
        'plan/success-criteria/save',
        { ...v, fields: { statement: 's', metric: 'm', target: 't', goalIds: [] } },
      ],
      ['plan/success-criteria/delete', { ...v, id: 'any' }],
      ['plan/communication/update', { ...v, communication: view.plan.communication }],
      ['plan/team-okrs/link', { ...v, teamId: 'team-pay', url: 'https://example.com/okrs' }],
      ['plan/baseline/freeze', { ...v }],
    ];
    const before = snapshot();
    for (const [key, payload] of writes) {
      const envelope = await stack.invokeRaw(key, payload, STAKEHOLDER);
      expect([key, errorOf(envelope)]).toEqual([key, 'FORBIDDEN']);
    }
    expect(snapshot()).toBe(before);
  });

  it('pins an initiative where the TPM says and reports a pin that breaks a dependency', async () => {
    const view = await estimated();
    const dep = view.dependencies.find(
      (d) =>
        view.schedule.initiatives.some((p) => p.key === d.to) &&
        view.schedule.initiatives.some((p) => p.key === d.from),
    )!;
    const pinned = ok(
      await call('plan/pins/set', {
        programId,
        quarter,
        expectedVersion: view.plan.version,
        pins: [{ initiativeKey: dep.to, startSprint: 0 }],
      }),
    );
    expect(pinned.plan.pins.map((p) => p.initiativeKey)).toContain(dep.to);
    const placed = pinned.schedule.initiatives.find((p) => p.key === dep.to);
    const unplaced = pinned.schedule.unplaced.find((u) => u.key === dep.to);
    expect(placed?.startSprint === 0 || unplaced !== undefined).toBe(true);
    const outside = await call('plan/pins/set', {
      programId,
      quarter,
      expectedVersion: pinned.plan.version,
      pins: [{ initiativeKey: dep.to, startSprint: 40 }],
    });
    expect(errorOf(outside)).toBe('VALIDATION');
    ok(
      await call('plan/pins/set', {
        programId,
        quarter,
        expectedVersion: pinned.plan.version,
        pins: [{ initiativeKey: dep.to, startSprint: null }],
      }),
    );
  });

  it('seeds the demo 2027-Q1 plan: most initiatives estimated, the unplaced explained, one commitment declined', async () => {
    const view = ok(await call('plan/get', { programId, quarter: '2027-Q1' }, STAKEHOLDER));
    expect(view.plan.estimates.length).toBeGreaterThan(view.initiatives.length / 2);
    expect(view.schedule.initiatives.length).toBeGreaterThan(10);
    const reasons = new Set(view.schedule.unplaced.map((u) => u.reason));
    expect(reasons.has('no-estimate')).toBe(true);
    expect(reasons.has('cycle')).toBe(true);
    expect(view.dependencies.filter((d) => d.commitment?.status === 'declined')).toHaveLength(1);
    expect(view.plan.session.attendees.length).toBeGreaterThan(2);
    expect(view.plan.successCriteria.length).toBeGreaterThan(0);
    expect(view.plan.communication.meetings.length).toBeGreaterThan(0);
  });

  it('sends only requests, and reads only answers, that match the official OpenAPI spec; nothing unmodelled', async () => {
    const problems: string[] = [];
    for (const x of stack.exchanges) {
      if (x.path.startsWith('/__emulator')) continue;
      const contentType = x.requestHeaders['content-type'];
      problems.push(
        ...validateRequest({
          method: x.method,
          path: x.path,
          query: x.query,
          body: x.requestBody,
          ...(contentType ? { contentType } : {}),
        }),
      );
      if (x.status < 500 && x.status !== 429)
        problems.push(
          ...validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
        );
    }
    expect(problems).toEqual([]);
    expect((await stack.stats()).unmodelled).toEqual({});
    expect(stack.exchanges.some((x) => x.path.includes('/rest/agile/1.0/board'))).toBe(true);
    expect(stack.exchanges.some((x) => x.path.includes('/properties/programs.commitments'))).toBe(true);
  });
});
