// Use cases of the epic panel: which programs an epic is in, and adding or removing it explicitly.
import type { EpicMembershipChange, EpicProgram, EpicPrograms, MembershipSource } from '../../contract';
import type { ProgramRecord } from '../../domain/program/program';
import { BadRequestError, ConflictError } from '../../ports/atlassian-errors';
import type { ProgramStore } from '../../ports/program-store';
import { authorize, canRead } from '../access';
import { NotAllowedError } from '../errors';
import { toProgramSummary } from '../load-program-initiatives';
import { parseMembership, withoutProgram, withProgram, type MembershipEdit } from './membership';

/** What the panel needs from Jira, always as the viewer. */
export interface EpicPanelJira {
  /** Whether the issue matches the JQL (as the viewer sees it). */
  matchesJql(issueId: string, jql: string): Promise<boolean>;
  /** The `programs.membership` property's value; undefined when there is none. */
  readMembership(issueId: string): Promise<unknown>;
  writeMembership(issueId: string, value: Record<string, unknown>): Promise<void>;
  canEdit(issueId: string): Promise<boolean>;
}

export interface EpicPanelDeps {
  jira: EpicPanelJira;
  programs: ProgramStore;
  /** The viewer: only programs they have a role in are shown or changed. */
  accountId: string | undefined;
}

/** The epic the panel is shown on, from the panel's Forge context. */
export interface PanelEpic {
  id: string;
  key: string;
}

/** Write attempts before a membership change gives up to a concurrent writer. */
const MAX_WRITE_ATTEMPTS = 3;

export async function readablePrograms(deps: EpicPanelDeps): Promise<ProgramRecord[]> {
  return (await deps.programs.list()).filter((program) => canRead(program, deps.accountId));
}

/** Every program the viewer may read, with how the epic belongs to it (by filter, explicitly, or not). */
export async function loadEpicPrograms(deps: EpicPanelDeps, epic: PanelEpic): Promise<EpicPrograms> {
  const [programs, canEdit, property] = await Promise.all([
    readablePrograms(deps),
    deps.jira.canEdit(epic.id),
    deps.jira.readMembership(epic.id),
  ]);
  const explicit = new Set(parseMembership(property).programIds);
  const warnings: string[] = [];
  const rows = await Promise.all(
    programs.map(async (program): Promise<EpicProgram> => {
      const via: MembershipSource[] = [];
      if (await matchesScopeFilter(deps.jira, epic, program, warnings)) via.push('filter');
      if (explicit.has(program.id)) via.push('explicit');
      return { program: toProgramSummary(program), via };
    }),
  );
  return { issue: { id: epic.id, key: epic.key }, programs: rows, canEdit, warnings };
}

async function matchesScopeFilter(
  jira: EpicPanelJira,
  epic: PanelEpic,
  program: ProgramRecord,
  warnings: string[],
): Promise<boolean> {
  const filter = withoutOrderBy(program.scopeJql);
  if (filter === '') return false;
  try {
    return await jira.matchesJql(epic.id, `issue = ${epic.id} AND (${filter})`);
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    warnings.push(`The scope filter of “${program.name}” is not valid JQL, so it matches nothing.`);
    return false;
  }
}

/**
 * A scope filter may end with ORDER BY, which cannot sit inside parentheses. Only an ORDER BY outside quoted
 * values counts: `summary ~ "sort order by date"` keeps its text.
 */
export function withoutOrderBy(jql: string): string {
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (
      (c === 'o' || c === 'O') &&
      (i === 0 || !/[\w.]/.test(jql[i - 1] ?? '')) &&
      /^order\s+by\b/i.test(jql.slice(i, i + 256))
    )
      return jql.slice(0, i).trim();
  }
  return jql.trim();
}

export type MembershipChange = 'add' | 'remove';

/**
 * Adds the epic to the program's explicit members, or removes it, as the viewer. Idempotent. Jira issue
 * properties have no version to compare, so the value is re-read right before each write, the write
 * keeps every other program, and a read-back confirms it survived a concurrent writer.
 */
export async function changeEpicMembership(
  deps: EpicPanelDeps,
  epic: PanelEpic,
  programId: string,
  change: MembershipChange,
): Promise<EpicMembershipChange> {
  await authorize(deps.programs, programId, deps.accountId, 'contribute');
  if (!(await deps.jira.canEdit(epic.id)))
    throw new NotAllowedError(
      `You cannot edit ${epic.key} in Jira, so you cannot ${change === 'add' ? 'add it to' : 'remove it from'} a program.`,
    );

  const apply = (current: unknown): MembershipEdit =>
    change === 'add' ? withProgram(current, programId) : withoutProgram(current, programId);
  let changed = false;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const next = apply(await deps.jira.readMembership(epic.id));
    if (!next.changed) return { issueKey: epic.key, programId, programIds: next.programIds, changed };
    await deps.jira.writeMembership(epic.id, next.value);
    changed = true;
    const stored = parseMembership(await deps.jira.readMembership(epic.id)).programIds;
    if (stored.includes(programId) === (change === 'add'))
      return { issueKey: epic.key, programId, programIds: stored, changed };
  }
  throw new ConflictError(`Membership of ${epic.key} kept changing under us`, {
    operation: 'setIssueProperty',
  });
}
