import type { Issue } from '../../seed/index';
import type { Caller, SiteState } from '../state';
import { JqlError, parseJql, type JqlExpr, type JqlSortKey, type JqlValue } from './parse';

export interface JqlContext {
  state: SiteState;
  caller: Caller;
  now: number;
  /** Issue ids to evaluate against the latest writes (search/jql `reconcileIssues`). */
  reconcile: ReadonlySet<string>;
}

type Predicate = (issue: Issue) => boolean;

interface Compiled {
  test: Predicate;
  /** A superset of the matches taken from an index, or null when every issue must be tested. */
  candidates: Issue[] | null;
}

/** Runs a JQL query: the visible matching issues, ordered as asked (default: key ascending). */
export function runJql(jql: string, ctx: JqlContext): Issue[] {
  const query = parseJql(jql);
  if (!query.where)
    throw new JqlError(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  const compiled = compile(query.where, ctx);
  const { state, caller } = ctx;
  const pool = compiled.candidates ? dedupeInKeyOrder(compiled.candidates, state) : state.sortedByKey;
  const matches = pool.filter((issue) => state.canSee(caller, issue) && compiled.test(issue));
  return query.orderBy.length > 0 ? sortIssues(matches, query.orderBy, state) : matches;
}

function dedupeInKeyOrder(issues: Issue[], state: SiteState): Issue[] {
  return [...new Set(issues)].sort((a, b) => (state.keyOrder.get(a) ?? 0) - (state.keyOrder.get(b) ?? 0));
}

function sortIssues(issues: Issue[], orderBy: JqlSortKey[], state: SiteState): Issue[] {
  const keyOf: Record<string, (i: Issue) => number | string> = {
    key: (i) => state.keyOrder.get(i) ?? 0,
    issuekey: (i) => state.keyOrder.get(i) ?? 0,
    id: (i) => Number(i.id),
    created: (i) => i.created,
    updated: (i) => i.updated,
    summary: (i) => i.summary.toLowerCase(),
    rank: (i) => i.rank,
  };
  const comparators = orderBy.map(({ field, direction }) => {
    const get = keyOf[field.toLowerCase()];
    if (!get)
      throw new JqlError(
        `The emulator does not support ORDER BY '${field}'. Supported: key, id, created, updated, summary, rank.`,
      );
    const sign = direction === 'desc' ? -1 : 1;
    return (a: Issue, b: Issue): number => {
      const x = get(a);
      const y = get(b);
      return x < y ? -sign : x > y ? sign : 0;
    };
  });
  return [...issues].sort((a, b) => {
    for (const c of comparators) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return (state.keyOrder.get(a) ?? 0) - (state.keyOrder.get(b) ?? 0);
  });
}

function compile(expr: JqlExpr, ctx: JqlContext): Compiled {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.items.map((e) => compile(e, ctx));
      const indexed = parts
        .filter((p) => p.candidates !== null)
        .sort((a, b) => (a.candidates?.length ?? 0) - (b.candidates?.length ?? 0));
      return { test: (i) => parts.every((p) => p.test(i)), candidates: indexed[0]?.candidates ?? null };
    }
    case 'or': {
      const parts = expr.items.map((e) => compile(e, ctx));
      const everyIndexed = parts.every((p) => p.candidates !== null);
      return {
        test: (i) => parts.some((p) => p.test(i)),
        candidates: everyIndexed ? parts.flatMap((p) => p.candidates ?? []) : null,
      };
    }
    case 'not': {
      const inner = compile(expr.item, ctx);
      return { test: (i) => !inner.test(i), candidates: null };
    }
    case 'clause':
      return compileClause(expr, ctx);
  }
}

type Clause = Extract<JqlExpr, { kind: 'clause' }>;

const literals = (clause: Clause): string[] =>
  clause.values.map((v) => {
    if (v.kind === 'literal') return v.text;
    if (v.kind === 'function')
      throw new JqlError(
        `The emulator does not support the function '${v.name}()' in JQL (field '${clause.fieldText}').`,
      );
    return '';
  });

const hasEmpty = (values: JqlValue[]): boolean => values.some((v) => v.kind === 'empty');

/** Builds a clause on a single- or multi-valued field from how to read the field and the set of wanted values. */
function valueClause(
  clause: Clause,
  read: (issue: Issue) => string[],
  wanted: Set<string> | null,
  candidates: Issue[] | null = null,
): Compiled {
  const emptyWanted = hasEmpty(clause.values);
  const matchesValue = (issue: Issue): boolean => {
    const values = read(issue);
    if (values.length === 0) return emptyWanted;
    return wanted !== null && values.some((v) => wanted.has(v));
  };
  switch (clause.op) {
    case '=':
    case 'in':
      return { test: matchesValue, candidates: emptyWanted ? null : candidates };
    case '!=':
    case 'not in':
      // Jira leaves out issues whose field is empty unless EMPTY is among the excluded values' complement.
      return { test: (i) => read(i).length > 0 && !matchesValue(i), candidates: null };
    case 'is':
      return { test: (i) => read(i).length === 0, candidates: null };
    case 'is not':
      return { test: (i) => read(i).length > 0, candidates: null };
  }
}

function compileClause(clause: Clause, ctx: JqlContext): Compiled {
  const { state } = ctx;
  const field = clause.field;
  if (field.kind === 'property') return propertyClause(clause, field.key, field.path, ctx);
  const ids = state.site.customFieldIds;
  const cfName = (id: string): number => Number(id.replace('customfield_', ''));
  let name = field.kind === 'cf' ? `cf[${field.id}]` : field.name.toLowerCase();
  if (name.startsWith('customfield_')) name = `cf[${name.slice('customfield_'.length)}]`;
  if (name === `cf[${cfName(ids.epicLink)}]`) name = 'epic link';
  if (name === `cf[${cfName(ids.team)}]` || name === 'team[team]') name = 'team';

  const given = literals(clause).filter((v) => v !== '');
  switch (name) {
    case 'project': {
      const keys = new Set<string>();
      for (const v of given) {
        const p =
          state.projectsByKey.get(v.toUpperCase()) ??
          state.projectsById.get(v) ??
          state.site.projects.find((x) => x.name.toLowerCase() === v.toLowerCase());
        if (!p || !state.canBrowse(ctx.caller, p.key))
          throw new JqlError(`The value '${v}' does not exist for the field 'project'.`);
        keys.add(p.key);
      }
      return valueClause(
        clause,
        (i) => [i.projectKey],
        keys,
        [...keys].flatMap((k) => state.byProject.get(k) ?? []),
      );
    }
    case 'issuetype':
    case 'type': {
      const typeIds = new Set<string>();
      for (const v of given) {
        const t =
          state.typesById.get(v) ??
          state.site.issueTypes.find((x) => x.name.toLowerCase() === v.toLowerCase());
        if (!t) throw new JqlError(`The value '${v}' does not exist for the field '${clause.fieldText}'.`);
        typeIds.add(t.id);
      }
      return valueClause(
        clause,
        (i) => [i.issueTypeId],
        typeIds,
        [...typeIds].flatMap((t) => state.byType.get(t) ?? []),
      );
    }
    case 'status': {
      const statusIds = new Set<string>();
      for (const v of given) {
        const s =
          state.statusesById.get(v) ??
          state.site.statuses.find((x) => x.name.toLowerCase() === v.toLowerCase());
        if (!s) throw new JqlError(`The value '${v}' does not exist for the field 'status'.`);
        statusIds.add(s.id);
      }
      return valueClause(clause, (i) => [i.statusId], statusIds);
    }
    case 'statuscategory': {
      const keys = new Set<string>();
      for (const v of given) {
        const c = state.site.statuses
          .map((s) => s.category)
          .find(
            (x) =>
              x.key === v.toLowerCase() || x.name.toLowerCase() === v.toLowerCase() || String(x.id) === v,
          );
        if (!c) throw new JqlError(`The value '${v}' does not exist for the field 'statusCategory'.`);
        keys.add(c.key);
      }
      return valueClause(clause, (i) => [state.statusesById.get(i.statusId)?.category.key ?? ''], keys);
    }
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id': {
      const found: Issue[] = [];
      for (const v of given) {
        const issue = state.visibleIssue(ctx.caller, v);
        if (!issue)
          throw new JqlError(`An issue with key '${v}' does not exist for field '${clause.fieldText}'.`);
        found.push(issue);
      }
      return valueClause(clause, (i) => [i.id], new Set(found.map((i) => i.id)), found);
    }
    case 'parent': {
      const keys = new Set(given.map((v) => state.findIssue(v)?.key ?? v.toUpperCase()));
      return valueClause(
        clause,
        (i) => (i.parentKey ? [i.parentKey] : []),
        keys,
        [...keys].flatMap((k) => state.byParent.get(k) ?? []),
      );
    }
    case 'epic link': {
      const keys = new Set(given.map((v) => state.findIssue(v)?.key ?? v.toUpperCase()));
      return valueClause(
        clause,
        (i) => (i.epicLinkKey ? [i.epicLinkKey] : []),
        keys,
        [...keys].flatMap((k) => state.byEpicLink.get(k) ?? []),
      );
    }
    case 'labels': {
      const wanted = new Set(given.map((v) => v.toLowerCase()));
      return valueClause(
        clause,
        (i) => i.labels.map((l) => l.toLowerCase()),
        wanted,
        [...wanted].flatMap((l) => state.byLabel.get(l) ?? []),
      );
    }
    case 'assignee': {
      const wanted = new Set<string>();
      for (const v of clause.values) {
        if (v.kind === 'function' && v.name.toLowerCase() === 'currentuser') {
          if (ctx.caller.kind === 'user') wanted.add(ctx.caller.user.accountId);
        } else if (v.kind === 'literal') wanted.add(v.text);
        else if (v.kind === 'function')
          throw new JqlError(
            `The emulator does not support the function '${v.name}()' in JQL (field 'assignee').`,
          );
      }
      return valueClause(clause, (i) => (i.assigneeAccountId ? [i.assigneeAccountId] : []), wanted);
    }
    case 'team':
      return valueClause(clause, (i) => (i.teamId ? [i.teamId] : []), new Set(given));
    default:
      if (
        state.site.fields.some(
          (f) => f.clauseNames.some((c) => c.toLowerCase() === name) || f.name.toLowerCase() === name,
        )
      ) {
        throw new JqlError(
          `The emulator does not support the field '${clause.fieldText}' in JQL. Supported: project, issuetype, status, statusCategory, key, id, parent, "Epic Link", labels, assignee, Team, issue.property[...].`,
        );
      }
      throw new JqlError(
        `Field '${clause.fieldText}' does not exist or you do not have permission to view it.`,
      );
  }
}

/** Values at a path of a property value; arrays along the way fan out, so array-valued paths match any element. */
function valuesAt(value: unknown, path: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return typeof value === 'object' ? [] : [String(value)];
  if (typeof value !== 'object') return [];
  const [head, ...rest] = path;
  return valuesAt((value as Record<string, unknown>)[head as string], rest);
}

function propertyClause(clause: Clause, key: string, path: string[], ctx: JqlContext): Compiled {
  const wanted = new Set(literals(clause).filter((v) => v !== ''));
  const read = (issue: Issue): string[] =>
    valuesAt(ctx.state.searchedProperty(issue, key, ctx.now, ctx.reconcile.has(issue.id)), path);
  return valueClause(clause, read, wanted);
}
