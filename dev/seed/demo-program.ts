import { KvsProgramStore } from '../../src/adapters/storage/kvs-program-store';
import { newGoal } from '../../src/domain/goals/goal';
import { newMilestone } from '../../src/domain/milestones/milestone';
import { newProgramRecord, type Person } from '../../src/domain/program/program';
import { DEMO_OPTIONS, DEMO_PROGRAM, DEMO_USERS, generateSite } from './index';

const accountOf = (email: string): string => {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.accountId;
};

/**
 * Stores the demo program through the app's own KVS adapter (run inside the local Forge runtime), rich
 * enough to show Initiation: OKRs at three levels, strategic initiatives mapped to the seeded epics,
 * parties, goals, milestones and risks. Idempotent: an existing program, with whatever the TPM changed
 * since, is left alone.
 */
export async function seedDemoProgram(now: () => Date = () => new Date()): Promise<void> {
  const store = new KvsProgramStore();
  if (await store.get(DEMO_PROGRAM.id)) return;
  const at = now().toISOString();
  const site = generateSite(DEMO_OPTIONS);
  const tpm = accountOf('tpm@example.com');
  const people: Person[] = DEMO_USERS.map((u) => ({ accountId: u.accountId, displayName: u.displayName }));
  const leadByProject: Record<string, string> = {
    PAY: 'lead.payments@example.com',
    ID: 'lead.identity@example.com',
    MOB: 'lead.mobile@example.com',
    DATA: 'lead.data@example.com',
    PLAT: 'lead.platform@example.com',
  };
  const teams = site.teams.slice(0, 5).map((team, i) => ({
    id: `team-${team.projectKey.toLowerCase()}`,
    name: team.name,
    jiraTeam: team.projectKey,
    leadAccountId: leadByProject[team.projectKey] ? accountOf(leadByProject[team.projectKey] ?? '') : null,
    capacityPerSprint: 20 + 5 * (i % 3),
  }));

  await store.create(
    newProgramRecord({
      id: DEMO_PROGRAM.id,
      name: DEMO_PROGRAM.name,
      stage: 'initiation',
      scopeJql: DEMO_PROGRAM.scopeJql,
      owners: [tpm],
      createdAt: at,
      description:
        'One checkout for every market: replace the per-country checkouts with one flow, serving the company OKR on international growth.',
      expectedBenefits:
        'Faster market launches (weeks instead of quarters); +0.5 pt conversion; one payments stack to run.',
      resourcesNeeded: 'Payments, Identity, Mobile, Data and Platform teams for three quarters.',
      sponsor: accountOf('sponsor@example.com'),
      // The contractor follows the program from the one project they can browse.
      stakeholders: [accountOf('stakeholder@example.com'), accountOf('contractor@example.com')],
      teams,
      people,
      stageHistory: [{ from: null, to: 'initiation', at, by: tpm, override: null }],
    }),
  );

  const id = DEMO_PROGRAM.id;
  const epics = site.program.epicKeys;
  const strategies = [
    {
      id: 'okr-company-growth',
      level: 'company' as const,
      name: 'International growth',
      objective: 'Win in five new markets this year',
      keyResults: [
        { id: 'kr-markets', description: 'Markets launched', metric: 'count', target: '5' },
        { id: 'kr-revenue', description: 'Revenue outside home market', metric: '% of total', target: '35' },
      ],
    },
    {
      id: 'okr-division-commerce',
      level: 'division' as const,
      name: 'Commerce platform',
      objective: 'A checkout any market can use on day one',
      keyResults: [
        {
          id: 'kr-launch-time',
          description: 'Time to launch checkout in a market',
          metric: 'weeks',
          target: '4',
        },
      ],
    },
    {
      id: 'okr-cluster-payments',
      level: 'cluster' as const,
      name: 'Payments cluster',
      objective: 'Local payment methods everywhere',
      keyResults: [
        { id: 'kr-methods', description: 'Local methods supported', metric: 'count', target: '12' },
      ],
    },
  ];
  for (const s of strategies) await store.createItem(id, 'strategy', s);
  const third = Math.ceil(epics.length / 3);
  const initiatives = [
    {
      id: 'si-unified-checkout',
      name: 'Unified checkout',
      description: 'One checkout flow for web and mobile.',
      strategyIds: ['okr-company-growth', 'okr-division-commerce'],
      epicKeys: epics.slice(0, third),
    },
    {
      id: 'si-local-payments',
      name: 'Local payment methods',
      description: 'Wallets, bank transfers and cards per market.',
      strategyIds: ['okr-cluster-payments'],
      epicKeys: epics.slice(third, 2 * third),
    },
    // Serves nothing yet: the traceability view flags it (and the epics left unmapped).
    {
      id: 'si-observability',
      name: 'Checkout observability',
      description: '',
      strategyIds: [],
      epicKeys: [],
    },
  ];
  for (const i of initiatives) await store.createItem(id, 'strategic-initiative', i);

  const goal = newGoal('goal-conversion', {
    statement: 'Checkout conversion up in every launched market',
    metric: 'conversion %',
    baseline: '2.1',
    target: '2.6',
    dueDate: '2027-09-30',
  });
  await store.createItem(id, 'goal', {
    ...goal,
    agreement: {
      agreedBy: [accountOf('sponsor@example.com')],
      at,
      recordedBy: tpm,
      note: 'Steering committee',
    },
  });
  await store.createItem(
    id,
    'goal',
    newGoal('goal-launch', {
      statement: 'Launch checkout in a new market in four weeks',
      metric: 'weeks to launch',
      baseline: '16',
      target: '4',
      dueDate: '2027-12-31',
    }),
  );
  await store.createItem(
    id,
    'milestone',
    newMilestone(
      'ms-beta',
      { name: 'Unified checkout beta', targetDate: '2027-03-31', initiativeKeys: epics.slice(0, 3) },
      'planned',
    ),
  );
  await store.createItem(
    id,
    'milestone',
    newMilestone(
      'ms-first-market',
      { name: 'First new market live', targetDate: '2027-06-30', initiativeKeys: epics.slice(3, 6) },
      'planned',
    ),
  );
  const risks = [
    {
      id: 'risk-psp',
      title: 'Payment provider contract late',
      probability: 3,
      impact: 5,
      owner: 'lead.payments@example.com',
      mitigation: 'Start legal review now; second provider as fallback.',
    },
    {
      id: 'risk-cycle',
      title: 'Cross-team dependency cycle between Payments, Identity and Mobile',
      probability: 4,
      impact: 4,
      owner: 'tpm@example.com',
      mitigation: 'Break the cycle in the planning session.',
    },
    {
      id: 'risk-capacity',
      title: 'Mobile team capacity shared with another program',
      probability: 2,
      impact: 3,
      owner: 'lead.mobile@example.com',
      mitigation: 'Agree capacity with the other TPM.',
    },
  ];
  for (const r of risks)
    await store.createItem(id, 'risk', {
      id: r.id,
      title: r.title,
      probability: r.probability,
      impact: r.impact,
      ownerAccountId: accountOf(r.owner),
      mitigation: r.mitigation,
      status: 'open',
      source: 'manual',
    });
}
