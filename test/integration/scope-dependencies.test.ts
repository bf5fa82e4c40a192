// program/dependencies end to end: real resolvers, services and adapters against the emulator's seeded site.
import type { ProgramDependencies } from '../../src/contract';
import type { NewProgram } from '../../src/domain/program/program';
import { validateRequest, validateResponse } from '../contract/openapi';
import { accountIdOf, startAppStack, type AppStack } from '../support/app-stack';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => stack.close());
afterEach(async () => stack.faults({}));

async function dependencies(
  programId = 'prog-atlas',
  email = 'tpm@example.com',
): Promise<ProgramDependencies> {
  const envelope = await stack.invoke('program/dependencies', { programId }, email);
  if (!envelope.success) throw new Error(JSON.stringify(envelope.errors));
  return envelope.data;
}

async function createProgram(program: Partial<NewProgram> & Pick<NewProgram, 'id'>): Promise<void> {
  await stack.runtime.runAsUser(accountIdOf('tpm@example.com'), async () => {
    const { KvsProgramStore } = await import('../../src/adapters/storage/kvs-program-store');
    await new KvsProgramStore().create({
      name: program.id,
      stage: 'planning',
      scopeJql: 'labels = "program-atlas" AND issuetype = Epic',
      owners: [accountIdOf('tpm@example.com')],
      createdAt: '2026-11-25T00:00:00.000Z',
      ...program,
    });
  });
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${stack.emulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** The initiative an issue of the emulated site belongs to: an epic itself, or its children's epic. */
function epicOf(key: string): string | undefined {
  const site = stack.emulator.site();
  const issue = site.issues.find((i) => i.key === key);
  if (!issue) return undefined;
  if (site.program.epicKeys.includes(issue.key)) return issue.key;
  return issue.parentKey ?? issue.epicLinkKey ?? undefined;
}

const rotations = (cycle: string[]): string[][] => {
  const open = cycle.slice(0, -1);
  return open.map((_, i) => {
    const rotated = [...open.slice(i), ...open.slice(0, i)];
    return [...rotated, rotated[0]!];
  });
};

describe('program/dependencies on the emulator', () => {
  it('names the seeded cross-team cycle with the Jira links that close it', async () => {
    const seeded = stack.emulator.site().program.cycle;
    const data = await dependencies();
    expect(data.cycles).toHaveLength(1);
    expect(rotations(seeded)).toContainEqual(data.cycles[0]!.path);
    expect(data.cycles[0]!.evidence).toHaveLength(seeded.length - 1);
    expect(data.warnings.join(' ')).toMatch(/dependency cycle/);
    for (const key of seeded) expect(data.nodes.find((n) => n.key === key)?.generation).toBeNull();
  });

  it('traces every edge to Blocks links on the site, rolled up from children to their epics', async () => {
    const site = stack.emulator.site();
    const blocks = site.linkTypes.find((t) => t.name === 'Blocks')!;
    const data = await dependencies();
    expect(data.edges.length).toBeGreaterThan(5);
    const rolledFromChildren = data.edges
      .flatMap((e) => e.evidence)
      .filter((x) => !site.program.epicKeys.includes(x.fromKey));
    expect(rolledFromChildren.length).toBeGreaterThan(0);
    for (const edge of data.edges) {
      expect(edge.from).not.toBe(edge.to);
      for (const evidence of edge.evidence) {
        const link = site.links.find((l) => l.id === evidence.linkId);
        expect(link).toMatchObject({
          typeId: blocks.id,
          sourceKey: evidence.fromKey,
          targetKey: evidence.toKey,
        });
        expect(epicOf(evidence.fromKey)).toBe(edge.from);
        expect(epicOf(evidence.toKey)).toBe(edge.to);
      }
    }
    const pairs = data.edges.map((e) => `${e.from}>${e.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('accounts for every Blocks link that touches the scope: an edge, external, or inside one initiative', async () => {
    const site = stack.emulator.site();
    const data = await dependencies();
    const inScope = (key: string) => {
      const epic = epicOf(key);
      return epic !== undefined && site.program.epicKeys.includes(epic);
    };
    const touching = site.links.filter(
      (l) => l.typeId === '10000' && (inScope(l.sourceKey) || inScope(l.targetKey)),
    );
    const accounted = new Set([
      ...data.edges.flatMap((e) => e.evidence.map((x) => x.linkId)),
      ...data.external.map((x) => x.linkId),
    ]);
    const inside = touching.filter(
      (l) => inScope(l.sourceKey) && inScope(l.targetKey) && epicOf(l.sourceKey) === epicOf(l.targetKey),
    );
    expect(touching.filter((l) => !accounted.has(l.id))).toEqual(inside);
  });

  it('lists links to epics outside the program as external dependencies, with their summary and status', async () => {
    const site = stack.emulator.site();
    const data = await dependencies();
    expect(data.external.length).toBeGreaterThan(0);
    for (const x of data.external) {
      expect(site.program.outsideEpicKeys).toContain(x.otherKey);
      expect(x.otherSummary).toBe(site.issues.find((i) => i.key === x.otherKey)?.summary);
      expect(x.otherStatus?.name).toBeTruthy();
    }
    expect(new Set(data.external.map((x) => x.direction))).toEqual(new Set(['upstream', 'downstream']));
  });

  it('answers the same graph, in the same order, every time', async () => {
    const a = await dependencies();
    const b = await dependencies();
    expect(b).toEqual(a);
  });

  it('marks cross-team edges and gives a critical path along edges', async () => {
    const data = await dependencies();
    const team = new Map(data.nodes.map((n) => [n.key, n.team]));
    for (const edge of data.edges) expect(edge.crossTeam).toBe(team.get(edge.from) !== team.get(edge.to));
    const pairs = new Set(data.edges.map((e) => `${e.from}>${e.to}`));
    for (let i = 1; i < data.criticalPath.length; i++)
      expect(pairs.has(`${data.criticalPath[i - 1]}>${data.criticalPath[i]}`)).toBe(true);
    for (const key of data.criticalPath)
      expect(data.nodes.find((n) => n.key === key)?.onCriticalPath).toBe(true);
  });

  it('places every initiative outside the cycle after the ones it waits for', async () => {
    const data = await dependencies();
    const generation = new Map(data.nodes.map((n) => [n.key, n.generation]));
    for (const edge of data.edges) {
      const from = generation.get(edge.from);
      const to = generation.get(edge.to);
      if (from !== null && from !== undefined && to !== null && to !== undefined)
        expect(from).toBeLessThan(to);
    }
  });

  it('estimates an initiative by its story points, else the sum of its children’s', async () => {
    const site = stack.emulator.site();
    const data = await dependencies();
    const key = site.program.epicKeys[0]!;
    const children = site.issues.filter(
      (i) => i.parentKey === key || (i.epicLinkKey === key && !i.parentKey),
    );
    const points = children.filter((c) => c.storyPoints !== null);
    const expected = points.length > 0 ? points.reduce((n, c) => n + c.storyPoints!, 0) : null;
    expect(data.nodes.find((n) => n.key === key)?.estimate).toBe(expected);
  });

  it('picks up a link added in Jira and drops it when it is deleted', async () => {
    const site = stack.emulator.site();
    const [a, b] = [site.program.epicKeys[3]!, site.program.epicKeys[4]!];
    const childOf = (epic: string) =>
      site.issues.find((i) => i.parentKey === epic || i.epicLinkKey === epic)!.key;
    const before = await dependencies();
    const link = (await admin('POST', '/__emulator/links', {
      type: 'Blocks',
      source: childOf(b),
      target: childOf(a),
    })) as { id: string };
    const after = await dependencies();
    const edge = after.edges.find((e) => e.from === b && e.to === a);
    expect(edge?.evidence).toContainEqual({
      linkId: link.id,
      linkType: 'Blocks',
      fromKey: childOf(b),
      toKey: childOf(a),
    });
    await admin('DELETE', `/__emulator/links/${link.id}`);
    expect(await dependencies()).toEqual(before);
  });

  it('adds an epic the program lists in its membership property, even when the scope JQL misses it', async () => {
    const site = stack.emulator.site();
    const outside = site.issues.find((i) => i.key === site.program.outsideEpicKeys[0])!;
    outside.properties['programs.membership'] = { programIds: ['prog-atlas'] };
    try {
      const data = await dependencies();
      expect(data.nodes.map((n) => n.key)).toContain(outside.key);
      expect(data.external.map((x) => x.otherKey)).not.toContain(outside.key);
      const initiatives = await stack.invoke('program/initiatives', { programId: 'prog-atlas' });
      expect(initiatives.success && initiatives.data.initiatives.map((i) => i.key)).toContain(outside.key);
    } finally {
      delete outside.properties['programs.membership'];
    }
  });

  it('shows a viewer only what they can browse: links to hidden issues are absent, not errors', async () => {
    const data = await dependencies('prog-atlas', 'contractor@example.com');
    expect(data.nodes.length).toBeGreaterThan(0);
    expect(data.nodes.every((n) => n.key.startsWith('MOB-'))).toBe(true);
    for (const edge of data.edges) {
      expect(edge.from.startsWith('MOB-') && edge.to.startsWith('MOB-')).toBe(true);
      for (const x of edge.evidence)
        expect(x.fromKey.startsWith('MOB-') && x.toKey.startsWith('MOB-')).toBe(true);
    }
    for (const x of data.external) expect(x.otherKey.startsWith('MOB-')).toBe(true);
  });

  it('refuses a viewer who has no role in the program', async () => {
    await createProgram({ id: 'prog-private', stakeholders: [] });
    const envelope = await stack.invoke(
      'program/dependencies',
      { programId: 'prog-private' },
      'contractor@example.com',
    );
    expect(envelope.success).toBe(false);
    if (!envelope.success) expect(envelope.errors[0]?.errorType).toBe('FORBIDDEN');
  });

  it('reads the link types the program names, by id, and keeps reading them after a rename', async () => {
    await createProgram({ id: 'prog-by-id', dependencyLinkTypes: ['10000'] });
    const before = await dependencies('prog-by-id');
    const blocks = stack.emulator.site().linkTypes.find((t) => t.id === '10000')!;
    const name = blocks.name;
    blocks.name = 'Is a prerequisite of';
    try {
      const after = await dependencies('prog-by-id');
      expect(after.edges.map((e) => [e.from, e.to])).toEqual(before.edges.map((e) => [e.from, e.to]));
      expect(after.edges[0]?.evidence[0]?.linkType).toBe('Is a prerequisite of');
    } finally {
      blocks.name = name;
    }
  });

  it('reads nothing as a dependency when the program names link types the site does not have, and says so', async () => {
    await createProgram({ id: 'prog-no-such-type', dependencyLinkTypes: ['Depends'] });
    const data = await dependencies('prog-no-such-type');
    expect(data.edges).toEqual([]);
    expect(data.cycles).toEqual([]);
    expect(data.linkTypes).toEqual(['Depends']);
    expect(data.warnings.join(' ')).toMatch(/no issue link type “Depends”/);
  });

  it('rides out rate limiting and answers UPSTREAM when Jira keeps failing', async () => {
    await stack.faults({ bulkFetchIssues: { status: 429, rate: 0.3, retryAfterS: 0 } });
    expect((await dependencies()).nodes.length).toBe(stack.emulator.site().program.epicKeys.length);
    await stack.faults({ bulkFetchIssues: { status: 503, rate: 1, retryAfterS: 0 } });
    const envelope = await stack.invoke('program/dependencies', { programId: 'prog-atlas' });
    expect(!envelope.success && envelope.errors[0]?.errorType).toBe('UPSTREAM');
  });

  it.each([[{}], [{ programId: 'Bad Id' }], [{ programId: 'prog-atlas', more: true }]])(
    'rejects the payload %j with a VALIDATION error',
    async (payload) => {
      const envelope = await stack.invokeRaw('program/dependencies', payload);
      expect(!envelope.success && envelope.errors[0]?.errorType).toBe('VALIDATION');
    },
  );

  it('sends only requests, and reads only answers, that match the official OpenAPI spec; nothing unmodelled', async () => {
    stack.exchanges.length = 0;
    await dependencies();
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
  });
});
