import { badRequest } from './kvs-rules';

/** One clause as @forge/kvs 1.6.5 sends it (conditions.js): `{ property?, condition, values }`. */
export interface Clause {
  property?: string;
  condition: string;
  values: unknown[];
}

/** Entity query filters and transaction conditions: `{ and: Clause[] }` or `{ or: Clause[] }`. */
export interface ClauseGroup {
  operator: 'and' | 'or';
  clauses: Clause[];
}

const VALUE_COUNT: Record<string, number> = {
  BETWEEN: 2,
  BEGINS_WITH: 1,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

/** The conditions a range (`where`) on an entity index may use. */
export const RANGE_CONDITIONS = new Set([
  'BETWEEN',
  'BEGINS_WITH',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

export function parseClause(raw: unknown, allowed: ReadonlySet<string> | undefined = undefined): Clause {
  if (raw === null || typeof raw !== 'object')
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: a condition must be an object');
  const { property, condition, values } = raw as Record<string, unknown>;
  const expected = typeof condition === 'string' ? VALUE_COUNT[condition] : undefined;
  if (expected === undefined || (allowed && !allowed.has(condition as string)))
    throw badRequest('INVALID_FILTER_CONDITION', `The condition ${String(condition)} is not supported here.`);
  if (!Array.isArray(values) || values.length < expected) {
    throw expected > 1
      ? badRequest(
          'INSUFFICIENT_FILTER_VALUES',
          `The condition ${String(condition)} needs at least ${expected} values.`,
        )
      : badRequest('INVALID_FILTER_VALUES', `The condition ${String(condition)} needs ${expected} value.`);
  }
  if (values.length > expected)
    throw badRequest(
      'INVALID_FILTER_VALUES',
      `The condition ${String(condition)} takes ${expected} value(s).`,
    );
  if (property !== undefined && typeof property !== 'string')
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: property must be a string');
  return { ...(property === undefined ? {} : { property }), condition: condition as string, values };
}

export function parseClauseGroup(raw: unknown): ClauseGroup | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw badRequest('BAD_REQUEST', 'Provided request body is invalid: filters');
  const { and, or } = raw as { and?: unknown; or?: unknown };
  if (and !== undefined && or !== undefined)
    throw badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  const operator = and !== undefined ? 'and' : 'or';
  const list = and ?? or;
  if (!Array.isArray(list) || list.length === 0)
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  const clauses = list.map((item) => parseClause(item));
  for (const clause of clauses)
    if (clause.property === undefined)
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: every filter names a property');
  return { operator, clauses };
}

type Comparable = string | number;

/** Orders like a typed index: numbers before strings, each in natural order; mixed types are not comparable. */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

function compare(actual: unknown, expected: unknown, test: (order: number) => boolean): boolean {
  const order = compareValues(actual, expected);
  return order !== undefined && test(order);
}

/** Evaluates one clause against a value (`attribute` undefined when the item or attribute is missing). */
export function clauseHolds(clause: Clause, attribute: unknown): boolean {
  const [first, second] = clause.values as [Comparable, Comparable];
  switch (clause.condition) {
    case 'EXISTS':
      return attribute !== undefined;
    case 'NOT_EXISTS':
      return attribute === undefined;
    case 'EQUAL_TO':
      return attribute !== undefined && compare(attribute, first, (o) => o === 0);
    case 'NOT_EQUAL_TO':
      return !(attribute !== undefined && compare(attribute, first, (o) => o === 0));
    case 'GREATER_THAN':
      return compare(attribute, first, (o) => o > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return compare(attribute, first, (o) => o >= 0);
    case 'LESS_THAN':
      return compare(attribute, first, (o) => o < 0);
    case 'LESS_THAN_EQUAL_TO':
      return compare(attribute, first, (o) => o <= 0);
    case 'BETWEEN':
      return compare(attribute, first, (o) => o >= 0) && compare(attribute, second, (o) => o <= 0);
    case 'BEGINS_WITH':
      return typeof attribute === 'string' && attribute.startsWith(String(first));
    case 'CONTAINS':
      return containsValue(attribute, first);
    case 'NOT_CONTAINS':
      return attribute !== undefined && !containsValue(attribute, first);
    default:
      return false;
  }
}

function containsValue(attribute: unknown, needle: unknown): boolean {
  if (typeof attribute === 'string') return typeof needle === 'string' && attribute.includes(needle);
  if (Array.isArray(attribute)) return attribute.some((item) => compareValues(item, needle) === 0);
  return false;
}

export function attributeOf(value: unknown, property: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[property];
}

/** True when the group holds for the item value; a missing item has every attribute missing. */
export function groupHolds(group: ClauseGroup, value: unknown): boolean {
  const results = group.clauses.map((clause) =>
    clauseHolds(clause, attributeOf(value, clause.property ?? '')),
  );
  return group.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}
