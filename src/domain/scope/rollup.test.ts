import { dependencyLinkTypes, prerequisiteEnd } from './link-types';
import { compareIssueKeys } from './issue-key';
import { dependencyCounts, estimateOf, rollUpDependencies } from './rollup';
import type { IssueLinkRef, LinkTypeRef, ScopeChild, ScopeEpic } from './types';

const BLOCKS: LinkTypeRef = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const RELATES: LinkTypeRef = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };
const DEPENDS: LinkTypeRef = {
  id: '10100',
  name: 'Dependency',
  inward: 'is depended on by',
  outward: 'depends on',
};

let nextId = 1;
const idOf = new Map<string, string>();
const issueId = (key: string) => {
  let id = idOf.get(key);
  if (!id) {
    id = String(20000 + nextId++);
    idOf.set(key, id);
  }
  return id;
};

const epic = (key: string, links: IssueLinkRef[] = [], storyPoints: number | null = null): ScopeEpic => ({
  id: issueId(key),
  key,
  summary: `Epic ${key}`,
  projectKey: key.split('-')[0]!,
  projectName: key.split('-')[0]!,
  status: { name: 'To Do', category: 'new' },
  storyPoints,
  links,
});

const child = (
  key: string,
  epicKey: string,
  links: IssueLinkRef[] = [],
  storyPoints: number | null = null,
): ScopeChild => ({
  id: issueId(key),
  key,
  epicKey,
  status: { name: 'To Do', category: 'new' },
  storyPoints,
  links,
});

/** `holder` —outward→ `other` when direction is outward (e.g. holder blocks other). */
const link = (
  linkId: string,
  direction: 'outward' | 'inward',
  otherKey: string,
  type: LinkTypeRef = BLOCKS,
): IssueLinkRef => ({
  linkId,
  type,
  direction,
  other: { id: issueId(otherKey), key: otherKey, summary: `Issue ${otherKey}` },
});

const blocks = dependencyLinkTypes(['Blocks']);

describe('rolling links up to initiative dependencies', () => {
  it('reads "A blocks B" as B depending on A, whichever end the link is read from', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('1', 'outward', 'ID-1')]), epic('ID-1', [link('1', 'inward', 'PAY-1')])],
      children: [],
      linkTypes: blocks,
    });
    expect(rolled.edges).toEqual([
      {
        from: 'PAY-1',
        to: 'ID-1',
        evidence: [{ linkId: '1', linkType: 'Blocks', fromKey: 'PAY-1', toKey: 'ID-1' }],
      },
    ]);
  });

  it('rolls links between children up to their epics and keeps every link as evidence', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1'), epic('ID-1')],
      children: [
        child('PAY-2', 'PAY-1', [link('7', 'outward', 'ID-2')]),
        child('PAY-3', 'PAY-1', [link('5', 'outward', 'ID-3')]),
        child('ID-2', 'ID-1', [link('7', 'inward', 'PAY-2')]),
        child('ID-3', 'ID-1', [link('5', 'inward', 'PAY-3')]),
      ],
      linkTypes: blocks,
    });
    expect(rolled.edges).toHaveLength(1);
    expect(rolled.edges[0]).toMatchObject({ from: 'PAY-1', to: 'ID-1' });
    expect(rolled.edges[0]!.evidence.map((e) => e.linkId)).toEqual(['7', '5']);
    expect(rolled.edges[0]!.evidence[0]).toEqual({
      linkId: '7',
      linkType: 'Blocks',
      fromKey: 'PAY-2',
      toKey: 'ID-2',
    });
  });

  it('rolls a link between an epic and another epic’s child up to the two epics', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('3', 'inward', 'ID-2')]), epic('ID-1')],
      children: [child('ID-2', 'ID-1')],
      linkTypes: blocks,
    });
    expect(rolled.edges.map((e) => [e.from, e.to])).toEqual([['ID-1', 'PAY-1']]);
  });

  it('keeps links inside one initiative apart from the edges', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('9', 'outward', 'PAY-2')])],
      children: [child('PAY-2', 'PAY-1', [link('8', 'outward', 'PAY-3')]), child('PAY-3', 'PAY-1')],
      linkTypes: blocks,
    });
    expect(rolled.edges).toEqual([]);
    expect(rolled.internal.map((l) => [l.initiativeKey, l.fromKey, l.toKey])).toEqual([
      ['PAY-1', 'PAY-1', 'PAY-2'],
      ['PAY-1', 'PAY-2', 'PAY-3'],
    ]);
  });

  it('lists links to issues outside the scope as external, upstream or downstream', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('4', 'inward', 'OPS-9')])],
      children: [child('PAY-2', 'PAY-1', [link('6', 'outward', 'OPS-12')])],
      linkTypes: blocks,
    });
    expect(rolled.edges).toEqual([]);
    expect(rolled.external).toEqual([
      expect.objectContaining({
        initiativeKey: 'PAY-1',
        viaKey: 'PAY-1',
        otherKey: 'OPS-9',
        direction: 'upstream',
      }),
      expect.objectContaining({
        initiativeKey: 'PAY-1',
        viaKey: 'PAY-2',
        otherKey: 'OPS-12',
        direction: 'downstream',
      }),
    ]);
    expect(rolled.external[0]?.otherSummary).toBe('Issue OPS-9');
  });

  it('ignores links of types the program does not treat as dependencies', () => {
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('2', 'outward', 'ID-1', RELATES)]), epic('ID-1')],
      children: [],
      linkTypes: blocks,
    });
    expect(rolled.edges).toEqual([]);
    expect(rolled.external).toEqual([]);
  });

  it('matches a renamed link type by its id', () => {
    const renamed = { ...BLOCKS, name: 'Is prerequisite of' };
    const types = dependencyLinkTypes(['Blocks'], [BLOCKS]);
    expect(types.matches(renamed)).toBe(true);
    expect(dependencyLinkTypes(['10000']).matches(renamed)).toBe(true);
    expect(dependencyLinkTypes(['Blocks']).matches(RELATES)).toBe(false);
  });

  it('takes the direction from the link type’s outward phrase', () => {
    expect(prerequisiteEnd(BLOCKS)).toBe('source');
    expect(prerequisiteEnd(DEPENDS)).toBe('target');
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [link('11', 'outward', 'ID-1', DEPENDS)]), epic('ID-1')],
      children: [],
      linkTypes: dependencyLinkTypes(['Dependency']),
    });
    expect(rolled.edges.map((e) => [e.from, e.to])).toEqual([['ID-1', 'PAY-1']]);
  });

  it('finds the other end by id when its key changed (the issue was moved)', () => {
    const moved: IssueLinkRef = {
      linkId: '12',
      type: BLOCKS,
      direction: 'outward',
      other: { id: issueId('ID-1'), key: 'OLD-77' },
    };
    const rolled = rollUpDependencies({
      epics: [epic('PAY-1', [moved]), epic('ID-1')],
      children: [],
      linkTypes: blocks,
    });
    expect(rolled.edges.map((e) => [e.from, e.to])).toEqual([['PAY-1', 'ID-1']]);
    expect(rolled.edges[0]?.evidence[0]?.toKey).toBe('ID-1');
  });

  it('gives the same answer whatever order Jira listed the issues and links in', () => {
    const epics = [
      epic('PAY-1', [link('30', 'outward', 'ID-1'), link('31', 'outward', 'MOB-1')]),
      epic('ID-1', [link('30', 'inward', 'PAY-1')]),
      epic('MOB-1', [link('31', 'inward', 'PAY-1'), link('32', 'inward', 'ID-10')]),
    ];
    const children = [child('ID-10', 'ID-1', [link('32', 'outward', 'MOB-1')]), child('ID-2', 'ID-1')];
    const a = rollUpDependencies({ epics, children, linkTypes: blocks });
    const b = rollUpDependencies({
      epics: [...epics].reverse().map((e) => ({ ...e, links: [...e.links].reverse() })),
      children: [...children].reverse(),
      linkTypes: blocks,
    });
    expect(b).toEqual(a);
    for (let i = 1; i < a.edges.length; i++)
      expect(compareIssueKeys(a.edges[i - 1]!.from, a.edges[i]!.from)).toBeLessThanOrEqual(0);
  });

  it('counts what each initiative waits for and what waits for it', () => {
    const rolled = rollUpDependencies({
      epics: [
        epic('PAY-1', [link('1', 'outward', 'ID-1'), link('2', 'inward', 'OPS-1')]),
        epic('ID-1', [link('1', 'inward', 'PAY-1')]),
      ],
      children: [],
      linkTypes: blocks,
    });
    const counts = dependencyCounts(rolled);
    expect(counts.get('PAY-1')).toEqual({ upstream: 1, downstream: 1 });
    expect(counts.get('ID-1')).toEqual({ upstream: 1, downstream: 0 });
  });
});

describe('initiative estimates', () => {
  it('prefers the epic’s own story points', () => {
    expect(estimateOf(epic('PAY-1', [], 21), [child('PAY-2', 'PAY-1', [], 5)])).toBe(21);
  });

  it('sums the children’s story points when the epic has none, skipping unestimated children', () => {
    expect(
      estimateOf(epic('PAY-1'), [
        child('PAY-2', 'PAY-1', [], 5),
        child('PAY-3', 'PAY-1', [], null),
        child('PAY-4', 'PAY-1', [], 3),
      ]),
    ).toBe(8);
  });

  it('is null when nobody estimated', () => {
    expect(estimateOf(epic('PAY-1'), [child('PAY-2', 'PAY-1')])).toBeNull();
  });
});

describe('issue key order', () => {
  it.each([
    ['PAY-2', 'PAY-10', -1],
    ['ID-9', 'PAY-1', -1],
    ['PAY-1', 'PAY-1', 0],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
  });
});
