// Rolls Jira issue links up to dependencies between initiatives (epics), keeping the links behind each one.
import { compareIds, compareIssueKeys } from './issue-key';
import { prerequisiteEnd, type DependencyLinkTypes } from './link-types';
import type { IssueLinkRef, LinkedIssueRef, ScopeChild, ScopeEpic } from './types';

/** One Jira link behind a dependency: `fromKey` must finish before `toKey`. */
export interface DependencyEvidence {
  linkId: string;
  linkType: string;
  fromKey: string;
  toKey: string;
}

/** Initiative `to` depends on initiative `from`. */
export interface EpicDependency {
  from: string;
  to: string;
  evidence: DependencyEvidence[];
}

/** A dependency link between an issue in scope and one outside it. */
export interface ExternalLink {
  initiativeKey: string;
  viaKey: string;
  otherKey: string;
  direction: 'upstream' | 'downstream';
  linkId: string;
  linkType: string;
  otherSummary?: string;
  otherStatus?: NonNullable<LinkedIssueRef['status']>;
}

/** A dependency link between two issues of the same initiative: real, but no edge between initiatives. */
export interface InternalLink extends DependencyEvidence {
  initiativeKey: string;
}

export interface RolledUpDependencies {
  edges: EpicDependency[];
  external: ExternalLink[];
  internal: InternalLink[];
}

interface Member {
  key: string;
  epicKey: string;
}

/**
 * Epic-level dependencies from the dependency links on the epics and their children: each link counted once
 * (it shows on both ends), edges and their evidence in a stable order whatever order Jira answered in.
 */
export function rollUpDependencies(input: {
  epics: readonly ScopeEpic[];
  children: readonly ScopeChild[];
  linkTypes: DependencyLinkTypes;
}): RolledUpDependencies {
  const byId = new Map<string, Member>();
  const byKey = new Map<string, Member>();
  const remember = (id: string, key: string, epicKey: string) => {
    const member = { key, epicKey };
    byId.set(id, member);
    byKey.set(key, member);
  };
  for (const epic of input.epics) remember(epic.id, epic.key, epic.key);
  const epicKeys = new Set(input.epics.map((e) => e.key));
  for (const child of input.children)
    if (epicKeys.has(child.epicKey) && !byKey.has(child.key)) remember(child.id, child.key, child.epicKey);

  // The other end of a link: by id first (a moved issue keeps its id, its key changes), then by key.
  const memberOf = (ref: LinkedIssueRef): Member | undefined =>
    (ref.id !== undefined ? byId.get(ref.id) : undefined) ?? byKey.get(ref.key);

  const edges = new Map<string, EpicDependency>();
  const external: ExternalLink[] = [];
  const internal: InternalLink[] = [];
  const seen = new Set<string>();

  const consider = (holder: Member, link: IssueLinkRef) => {
    if (!input.linkTypes.matches(link.type)) return;
    const other = memberOf(link.other);
    const otherKey = other?.key ?? link.other.key;
    const [sourceKey, targetKey] =
      link.direction === 'outward' ? [holder.key, otherKey] : [otherKey, holder.key];
    const [fromKey, toKey] =
      prerequisiteEnd(link.type) === 'source' ? [sourceKey, targetKey] : [targetKey, sourceKey];
    const identity = link.linkId !== '' ? link.linkId : `${link.type.id}:${sourceKey}>${targetKey}`;
    // Seen from both ends when both are in scope; once from each in-scope end when the other is outside.
    const seenKey = other ? identity : `${identity}@${holder.key}`;
    if (seen.has(seenKey)) return;
    seen.add(seenKey);
    const evidence: DependencyEvidence = { linkId: link.linkId, linkType: link.type.name, fromKey, toKey };

    if (!other) {
      const entry: ExternalLink = {
        initiativeKey: holder.epicKey,
        viaKey: holder.key,
        otherKey,
        direction: fromKey === otherKey ? 'upstream' : 'downstream',
        linkId: link.linkId,
        linkType: link.type.name,
      };
      if (link.other.summary !== undefined) entry.otherSummary = link.other.summary;
      if (link.other.status !== undefined) entry.otherStatus = link.other.status;
      external.push(entry);
      return;
    }
    if (other.key === holder.key) return; // a link from an issue to itself says nothing
    if (other.epicKey === holder.epicKey) {
      internal.push({ ...evidence, initiativeKey: holder.epicKey });
      return;
    }
    const fromEpic = fromKey === holder.key ? holder.epicKey : other.epicKey;
    const toEpic = fromKey === holder.key ? other.epicKey : holder.epicKey;
    const edgeKey = `${fromEpic}\u0000${toEpic}`;
    const edge = edges.get(edgeKey);
    if (edge) edge.evidence.push(evidence);
    else edges.set(edgeKey, { from: fromEpic, to: toEpic, evidence: [evidence] });
  };

  for (const epic of input.epics) for (const link of epic.links) consider(byKey.get(epic.key)!, link);
  for (const child of input.children) {
    const member = byKey.get(child.key);
    if (!member || member.epicKey !== child.epicKey) continue;
    for (const link of child.links) consider(member, link);
  }

  const byEvidence = (a: DependencyEvidence, b: DependencyEvidence) =>
    compareIssueKeys(a.fromKey, b.fromKey) ||
    compareIssueKeys(a.toKey, b.toKey) ||
    compareIds(a.linkId, b.linkId);
  const sortedEdges = [...edges.values()]
    .map((edge) => ({ ...edge, evidence: edge.evidence.sort(byEvidence) }))
    .sort((a, b) => compareIssueKeys(a.from, b.from) || compareIssueKeys(a.to, b.to));
  external.sort(
    (a, b) =>
      compareIssueKeys(a.initiativeKey, b.initiativeKey) ||
      compareIssueKeys(a.viaKey, b.viaKey) ||
      compareIssueKeys(a.otherKey, b.otherKey) ||
      compareIds(a.linkId, b.linkId),
  );
  internal.sort((a, b) => compareIssueKeys(a.initiativeKey, b.initiativeKey) || byEvidence(a, b));
  return { edges: sortedEdges, external, internal };
}

/** Upstream: what an initiative waits for (initiatives and outside issues); downstream: what waits for it. */
export function dependencyCounts(
  rolled: Pick<RolledUpDependencies, 'edges' | 'external'>,
): Map<string, { upstream: number; downstream: number }> {
  const counts = new Map<string, { upstream: number; downstream: number }>();
  const of = (key: string) => {
    let entry = counts.get(key);
    if (!entry) {
      entry = { upstream: 0, downstream: 0 };
      counts.set(key, entry);
    }
    return entry;
  };
  for (const edge of rolled.edges) {
    of(edge.to).upstream++;
    of(edge.from).downstream++;
  }
  const outside = new Set<string>();
  for (const link of rolled.external) {
    const id = `${link.initiativeKey}\u0000${link.direction}\u0000${link.otherKey}`;
    if (outside.has(id)) continue;
    outside.add(id);
    of(link.initiativeKey)[link.direction]++;
  }
  return counts;
}

/** An epic's estimate: its own story points when set, else the sum of its children's; null when nobody estimated. */
export function estimateOf(epic: ScopeEpic, children: readonly ScopeChild[]): number | null {
  if (epic.storyPoints !== null) return epic.storyPoints;
  let sum: number | null = null;
  for (const child of children) if (child.storyPoints !== null) sum = (sum ?? 0) + child.storyPoints;
  return sum;
}
