import { DEMO_OPTIONS, DEMO_PROGRAM, DEMO_USERS, PROGRAM_LABEL, generateSite } from './index';
import type { Issue, SiteData } from './index';

const NOW = Date.parse('2026-11-25T10:30:00Z');
const demo = generateSite({ ...DEMO_OPTIONS, now: NOW });

const byKey = (site: SiteData): Map<string, Issue> => new Map(site.issues.map((i) => [i.key, i]));
const typeName = (site: SiteData, issue: Issue): string =>
  site.issueTypes.find((t) => t.id === issue.issueTypeId)?.name ?? '?';
const blocks = (site: SiteData) =>
  site.links.filter((l) => site.linkTypes.find((t) => t.id === l.typeId)?.name === 'Blocks');

describe('generateSite', () => {
  it('builds the same site from the same seed and clock', () => {
    expect(JSON.stringify(generateSite({ seed: 42, now: NOW }))).toBe(JSON.stringify(demo));
  });

  it('builds a different site from another seed', () => {
    const other = generateSite({ seed: 7, now: NOW });
    expect(other.customFieldIds).not.toEqual(demo.customFieldIds);
    expect(other.issues.map((i) => i.summary)).not.toEqual(demo.issues.map((i) => i.summary));
  });

  it('gives each demo team its own project, board and Team field value', () => {
    expect(demo.projects.map((p) => `${p.name} ${p.key}`)).toEqual([
      'Payments PAY',
      'Identity ID',
      'Mobile MOB',
      'Data Platform DATA',
      'Platform PLAT',
    ]);
    expect(new Set(demo.teams.map((t) => t.id)).size).toBe(5);
    expect(
      demo.teams.every((t) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(t.id),
      ),
    ).toBe(true);
    expect(demo.boards.map((b) => b.projectKey)).toEqual(['PAY', 'ID', 'MOB', 'DATA', 'PLAT']);
  });

  it('labels every program epic and no other issue with the program label', () => {
    const labelled = demo.issues.filter((i) => i.labels.includes(PROGRAM_LABEL));
    expect(labelled.map((i) => i.key)).toEqual(demo.program.epicKeys);
    expect(labelled).toHaveLength(DEMO_OPTIONS.epics);
    expect(labelled.every((i) => typeName(demo, i) === 'Epic')).toBe(true);
    expect(DEMO_PROGRAM.scopeJql).toContain(PROGRAM_LABEL);
  });

  it('names epics like real initiatives, each one once', () => {
    const summaries = demo.program.epicKeys.map((k) => byKey(demo).get(k)?.summary ?? '');
    expect(new Set(summaries).size).toBe(summaries.length);
    expect(summaries.some((s) => /^Epic \d+$/.test(s))).toBe(false);
  });

  it('links children to epics by parent, and in the legacy project only by Epic Link', () => {
    const issues = byKey(demo);
    const children = demo.issues.filter((i) => typeName(demo, i) === 'Story' || typeName(demo, i) === 'Task');
    const viaParent = children.filter((c) => c.parentKey !== null);
    const viaEpicLink = children.filter((c) => c.epicLinkKey !== null);
    expect(viaParent.length).toBeGreaterThan(viaEpicLink.length);
    expect(viaEpicLink.length).toBeGreaterThan(0);
    expect(
      viaEpicLink.every((c) => c.parentKey === null && demo.program.legacyProjectKeys.includes(c.projectKey)),
    ).toBe(true);
    for (const child of children) {
      const epic = issues.get(child.parentKey ?? child.epicLinkKey ?? '');
      expect(epic && typeName(demo, epic)).toBe('Epic');
    }
    const programChildren = children.filter((c) =>
      demo.program.epicKeys.includes(c.parentKey ?? c.epicLinkKey ?? ''),
    );
    expect(programChildren).toHaveLength(DEMO_OPTIONS.epics * DEMO_OPTIONS.childrenPerEpic);
  });

  it('puts sub-tasks under stories through parent', () => {
    const issues = byKey(demo);
    const subtasks = demo.issues.filter((i) => typeName(demo, i) === 'Sub-task');
    expect(subtasks.length).toBeGreaterThan(0);
    for (const s of subtasks) expect(typeName(demo, issues.get(s.parentKey ?? '') as Issue)).toBe('Story');
  });

  it('contains one dependency cycle that crosses three teams', () => {
    const { cycle } = demo.program;
    expect(cycle).toHaveLength(4);
    expect(cycle[0]).toBe(cycle[3]);
    expect(new Set(cycle.slice(0, 3).map((k) => k.split('-')[0])).size).toBe(3);
    const edges = new Set(blocks(demo).map((l) => `${l.sourceKey}>${l.targetKey}`));
    for (let i = 0; i < 3; i++) expect(edges.has(`${cycle[i]}>${cycle[i + 1]}`)).toBe(true);
  });

  it('has no other cycle once child dependencies are rolled up to epics', () => {
    const issues = byKey(demo);
    const epicOf = (key: string): string => {
      const issue = issues.get(key) as Issue;
      if (typeName(demo, issue) === 'Epic') return key;
      return epicOf(issue.parentKey ?? issue.epicLinkKey ?? key);
    };
    const graph = new Map<string, Set<string>>();
    for (const l of blocks(demo)) {
      const [a, b] = [epicOf(l.sourceKey), epicOf(l.targetKey)];
      if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycleEdges = new Set(
      demo.program.cycle.slice(0, 3).map((k, i) => `${k}>${demo.program.cycle[i + 1]}`),
    );
    for (const e of cycleEdges) {
      const [a, b] = e.split('>') as [string, string];
      graph.get(a)?.delete(b);
    }
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string): boolean => {
      if (state.get(n) === 'open') return true;
      if (state.get(n) === 'done') return false;
      state.set(n, 'open');
      const found = [...(graph.get(n) ?? [])].some(visit);
      state.set(n, 'done');
      return found;
    };
    expect([...graph.keys()].some(visit)).toBe(false);
  });

  it('makes most dependencies cross-team, some between children, some to epics outside the program', () => {
    const issues = byKey(demo);
    const deps = blocks(demo);
    expect(deps.length).toBeGreaterThanOrEqual(DEMO_OPTIONS.links);
    const crossTeam = deps.filter((l) => l.sourceKey.split('-')[0] !== l.targetKey.split('-')[0]);
    expect(crossTeam.length / deps.length).toBeGreaterThan(0.7);
    expect(deps.some((l) => typeName(demo, issues.get(l.sourceKey) as Issue) !== 'Epic')).toBe(true);
    const outside = new Set(demo.program.outsideEpicKeys);
    expect(
      deps.filter((l) => outside.has(l.sourceKey) || outside.has(l.targetKey)).length,
    ).toBeGreaterThanOrEqual(2);
    expect([...outside].every((k) => !issues.get(k)?.labels.includes(PROGRAM_LABEL))).toBe(true);
  });

  it('also has link types that are not dependencies', () => {
    const used = new Set(demo.links.map((l) => demo.linkTypes.find((t) => t.id === l.typeId)?.name));
    expect([...used].sort()).toEqual(['Blocks', 'Cloners', 'Duplicate', 'Problem/Incident', 'Relates']);
  });

  it('declares the custom fields the app discovers by schema.custom, with site-specific ids', () => {
    const bySchema = (custom: string) => demo.fields.find((f) => f.schema?.custom === custom);
    expect(bySchema('com.pyxis.greenhopper.jira:jsw-story-points')).toMatchObject({
      id: demo.customFieldIds.storyPoints,
      name: 'Story point estimate',
    });
    expect(bySchema('com.pyxis.greenhopper.jira:gh-sprint')?.schema).toMatchObject({
      type: 'array',
      items: 'json',
    });
    expect(bySchema('com.atlassian.teams:rm-teams-custom-field-team')?.schema?.type).toBe('any');
    expect(bySchema('com.atlassian.jpo:jpo-custom-field-baseline-start')?.name).toBe('Target start');
    expect(bySchema('com.atlassian.jpo:jpo-custom-field-baseline-end')?.schema?.type).toBe('date');
    expect(bySchema('com.pyxis.greenhopper.jira:gh-epic-link')?.id).toBe(demo.customFieldIds.epicLink);
    expect(bySchema('com.atlassian.jira.plugin.system.customfieldtypes:datepicker')?.name).toBe('Start date');
    expect(demo.fields.filter((f) => f.name.toLowerCase().startsWith('story point'))).toHaveLength(2);
    expect(new Set(demo.fields.map((f) => f.id)).size).toBe(demo.fields.length);
  });

  it('lays a closed, an active and future two-week sprints around today on every board', () => {
    for (const board of demo.boards) {
      const sprints = demo.sprints.filter((s) => s.boardId === board.id);
      const active = sprints.filter((s) => s.state === 'active');
      expect(active).toHaveLength(1);
      expect(sprints.some((s) => s.state === 'closed')).toBe(true);
      expect(sprints.some((s) => s.state === 'future' && s.startDate === null)).toBe(true);
      const [start, end] = [Date.parse(active[0]?.startDate ?? ''), Date.parse(active[0]?.endDate ?? '')];
      expect(Math.round((end - start) / 86_400_000)).toBe(14);
      expect(start).toBeLessThanOrEqual(NOW + 86_400_000);
      expect(end).toBeGreaterThan(NOW);
    }
  });

  it('gives epics dates and children story points, sprints and a team', () => {
    const epics = demo.program.epicKeys.map((k) => byKey(demo).get(k) as Issue);
    expect(epics.filter((e) => e.targetStart && e.targetEnd && e.startDate).length).toBeGreaterThan(
      epics.length * 0.8,
    );
    const children = demo.issues.filter((i) => i.parentKey !== null || i.epicLinkKey !== null);
    expect(children.filter((c) => c.storyPoints !== null).length).toBeGreaterThan(children.length * 0.5);
    expect(children.some((c) => c.sprintIds.length > 0)).toBe(true);
    expect(children.filter((c) => c.teamId !== null).length).toBeGreaterThan(children.length * 0.8);
    expect(new Set(demo.issues.map((i) => i.statusId)).size).toBe(3);
  });

  it('has demo users who sign in with token demo, one of them limited to one project', () => {
    expect(DEMO_USERS.every((u) => u.apiToken === 'demo')).toBe(true);
    expect(DEMO_USERS.map((u) => u.email)).toEqual(
      expect.arrayContaining([
        'tpm@example.com',
        'sponsor@example.com',
        'stakeholder@example.com',
        'contractor@example.com',
        'lead.payments@example.com',
      ]),
    );
    expect(DEMO_USERS.find((u) => u.email === 'contractor@example.com')?.browseProjects).toEqual(['MOB']);
    expect(DEMO_USERS.every((u) => /^([0-9a-f]{24}|712020:[0-9a-f-]{36})$/.test(u.accountId))).toBe(true);
  });

  it('has a Confluence space PROG with a home page', () => {
    const prog = demo.spaces.find((s) => s.key === 'PROG');
    expect(prog?.id).toMatch(/^\d+$/);
    expect(demo.pages.find((p) => p.id === prog?.homepageId)?.spaceId).toBe(prog?.id);
  });

  it('secures no issue by default, yet offers the "Finance only" and "Confidential" levels', () => {
    expect(demo.issues.filter((i) => i.securityLevel)).toEqual([]);
    expect(demo.program.securedEpicKeys).toEqual([]);
    expect(demo.securityLevels.map((l) => `${l.name} ${l.projectKeys.join(',')}`)).toEqual([
      'Finance only PAY',
      'Confidential DATA',
    ]);
    const tpm = DEMO_USERS[0]?.accountId ?? '';
    expect(demo.securityLevels.every((l) => l.memberAccountIds.includes(tpm))).toBe(true);
  });

  it('with securedDemoEpic, puts one DATA program epic under "Confidential" and changes nothing else', () => {
    const secured = generateSite({ ...DEMO_OPTIONS, now: NOW, securedDemoEpic: true });
    const [key] = secured.program.securedEpicKeys;
    expect(key).toMatch(/^DATA-\d+$/);
    expect(demo.program.epicKeys).toContain(key);
    const epic = secured.issues.find((i) => i.key === key);
    expect(epic?.securityLevel?.name).toBe('Confidential');
    delete epic?.securityLevel;
    expect(JSON.stringify({ ...secured, program: { ...secured.program, securedEpicKeys: [] } })).toBe(
      JSON.stringify(demo),
    );
  });

  // How fast it generates is measured by `npm run bench` (emulator.generate_1000x20.ms), not here.
  it('generates 1,000 epics with 20 children each', () => {
    const big = generateSite({ seed: 1, epics: 1000, childrenPerEpic: 20, now: NOW });
    expect(big.program.epicKeys).toHaveLength(1000);
    expect(big.issues.length).toBeGreaterThan(21_000);
  });

  it('grows teams and projects beyond the five demo teams', () => {
    const site = generateSite({ teams: 12, epics: 60, childrenPerEpic: 2, now: NOW });
    expect(new Set(site.projects.map((p) => p.key)).size).toBe(12);
    expect(site.program.legacyProjectKeys.length).toBeGreaterThanOrEqual(1);
  });

  it('rejects nonsense sizes', () => {
    expect(() => generateSite({ teams: 0 })).toThrow(RangeError);
    expect(() => generateSite({ epics: -1 })).toThrow(RangeError);
  });
});
