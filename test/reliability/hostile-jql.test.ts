// Every JQL the app builds keeps a value inside its quoting: parsed with the emulator's JQL parser (a real
// tokenizer and recursive-descent parser), a hostile value never becomes an operator, a clause or a group.
import fc from 'fast-check';
import { parseJql, type JqlExpr } from '../../dev/emulator/jql/parse';
import { withoutOrderBy } from '../../src/services/epic-panel/epic-programs';
import { membershipJql } from '../../src/services/scope/load-program-scope';

const HOSTILE = [
  '" OR project = SECRET OR "',
  '\\" OR project = SECRET',
  'x") OR (project = SECRET',
  '<ac:structured-macro ac:name="html"/>',
  ']]><script>alert(1)</script>',
  '\u202eevil\u200b',
  '\ud800',
  'order by key',
  'x'.repeat(5_000),
];

const anyValue = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: 'binary' }));

describe('the membership JQL for a program id', () => {
  it('is one clause on the programs.membership property, whatever the id', () => {
    fc.assert(
      fc.property(anyValue, (programId) => {
        const where = parseJql(membershipJql(programId)).where;
        expect(where?.kind).toBe('clause');
        if (where?.kind !== 'clause') return;
        expect(where.field).toEqual({ kind: 'property', key: 'programs.membership', path: ['programIds'] });
        expect(where.op).toBe('=');
        expect(where.values).toHaveLength(1);
        expect(where.values[0]).toMatchObject({ kind: 'literal', quoted: true });
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("the epic panel's scope check", () => {
  // A program's scope filter is JQL on purpose (run as the viewer); wrapped as `issue = id AND (filter)`,
  // a filter that parses on its own must stay one group under the AND.
  const wrapped = (filter: string) => `issue = 10001 AND (${withoutOrderBy(filter)})`;
  const isIssueClause = (e: JqlExpr | undefined) =>
    e?.kind === 'clause' && e.fieldText === 'issue' && e.values[0]?.kind === 'literal';

  it.each([
    'project = PAY OR project = ID',
    'project = PAY ORDER BY rank',
    'summary = "sort order by date" AND project = PAY',
    "summary = 'a) OR (project = SECRET' ORDER BY key DESC",
    'labels = "]]>" OR labels = "<ac:structured-macro/>"',
    'project in (PAY, ID) AND status != Done order   by created',
  ])('keeps %s inside its group', (filter) => {
    const where = parseJql(wrapped(filter)).where;
    expect(where?.kind).toBe('and');
    if (where?.kind !== 'and') return;
    expect(where.items).toHaveLength(2);
    expect(isIssueClause(where.items[0])).toBe(true);
    expect(parseJql(wrapped(filter)).orderBy).toEqual([]);
  });

  it('keeps a quoted "order by" as text', () => {
    expect(withoutOrderBy('summary ~ "sort order by date" ORDER BY key')).toBe(
      'summary ~ "sort order by date"',
    );
    expect(withoutOrderBy('reorder = 1')).toBe('reorder = 1');
  });
});
