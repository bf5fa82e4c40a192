// Loads a program's scope from Jira as the viewer: its epics (by the scope JQL and by explicit membership),
// their children, and the dependency links between them, rolled up to initiatives.
import type { ProgramRecord } from '../../domain/program/program';
import { DEFAULT_DEPENDENCY_LINK_TYPES } from '../../domain/program/program';
import { dependencyLinkTypes } from '../../domain/scope/link-types';
import { rollUpDependencies, type RolledUpDependencies } from '../../domain/scope/rollup';
import type { LinkTypeRef, ScopeChild, ScopeEpic } from '../../domain/scope/types';
import { BadRequestError } from '../../ports/atlassian-errors';
import type { JiraPort, SiteFields } from '../../ports/jira';
import { ScopeJqlError } from '../errors';

export interface LoadedScope {
  fields: SiteFields;
  linkTypes: LinkTypeRef[];
  /** Link type names (or ids) the program reads as dependencies. */
  dependencyLinkTypes: string[];
  /** In the scope JQL's order, then the explicitly added ones. */
  epics: ScopeEpic[];
  childrenByEpic: Map<string, ScopeChild[]>;
  dependencies: RolledUpDependencies;
  warnings: string[];
}

/** JQL for the epics explicitly added to a program (the epic panel writes this indexed issue property). */
export function membershipJql(programId: string): string {
  return `issue.property[programs.membership].programIds = "${programId.replace(/["\\]/g, '')}"`;
}

export function dependencyLinkTypesOf(program: ProgramRecord): string[] {
  const configured = Array.isArray(program.dependencyLinkTypes) ? program.dependencyLinkTypes : [];
  return configured.length > 0 ? [...configured] : [...DEFAULT_DEPENDENCY_LINK_TYPES];
}

export async function loadProgramScope(jira: JiraPort, program: ProgramRecord): Promise<LoadedScope> {
  const warnings: string[] = [];
  const [fields, linkTypes, fromJql, explicit] = await Promise.all([
    jira.siteFields(),
    jira.linkTypes(),
    searchScope(jira, program.scopeJql),
    searchMembers(jira, program.id, warnings),
  ]);
  const ids = [...new Set([...fromJql, ...explicit])];
  // Children are found by the epics' ids, so both lookups run at once.
  const [epics, children] = await Promise.all([jira.fetchInitiatives(ids), jira.fetchChildren(ids)]);

  const epicKeys = new Set(epics.map((e) => e.key));
  const childrenByEpic = new Map<string, ScopeChild[]>();
  const placed = new Set<string>();
  for (const child of children) {
    if (!epicKeys.has(child.epicKey) || placed.has(child.key)) continue;
    placed.add(child.key);
    const list = childrenByEpic.get(child.epicKey);
    if (list) list.push(child);
    else childrenByEpic.set(child.epicKey, [child]);
  }

  const configured = dependencyLinkTypesOf(program);
  const known = new Set(linkTypes.flatMap((t) => [t.id, t.name.toLowerCase()]));
  const unknown = configured.filter((c) => !known.has(c) && !known.has(c.toLowerCase()));
  if (linkTypes.length > 0 && unknown.length > 0)
    warnings.push(
      `This site has no issue link type ${unknown.map((u) => `“${u}”`).join(', ')}: no dependencies are read from it.`,
    );
  if (!fields.team) warnings.push('This site has no Team field: initiatives are grouped by project instead.');
  if (!fields.epicLink)
    warnings.push('This site has no Epic Link field: only children linked through Parent are counted.');
  if (!fields.storyPoints)
    warnings.push('This site has no story points field: initiatives have no estimate.');

  const dependencies = rollUpDependencies({
    epics,
    children: [...childrenByEpic.values()].flat(),
    linkTypes: dependencyLinkTypes(configured, linkTypes),
  });
  return {
    fields,
    linkTypes,
    dependencyLinkTypes: configured,
    epics,
    childrenByEpic,
    dependencies,
    warnings,
  };
}

async function searchScope(jira: JiraPort, jql: string): Promise<string[]> {
  if (jql.trim() === '') return [];
  try {
    return await jira.searchIssueIds(jql);
  } catch (error) {
    if (error instanceof BadRequestError) throw new ScopeJqlError(jql, error.messages);
    throw error;
  }
}

async function searchMembers(jira: JiraPort, programId: string, warnings: string[]): Promise<string[]> {
  try {
    return await jira.searchIssueIds(membershipJql(programId));
  } catch (error) {
    // A site where the property is not indexed yet refuses the clause: the JQL scope still stands.
    if (error instanceof BadRequestError) {
      warnings.push(
        'Jira could not search the epics added to this program explicitly; only the scope JQL is used.',
      );
      return [];
    }
    throw error;
  }
}
