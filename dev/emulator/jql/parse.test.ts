import { JqlError, parseJql } from './parse';

describe('parseJql', () => {
  it('binds AND tighter than OR and keeps parentheses', () => {
    const { where } = parseJql('project = PAY OR project = ID AND labels = x');
    expect(where?.kind).toBe('or');
    const grouped = parseJql('(project = PAY OR project = ID) AND labels = x').where;
    expect(grouped?.kind).toBe('and');
  });

  it.each([
    [
      'issue.property[programs.membership].programIds = "prog-1"',
      { kind: 'property', key: 'programs.membership', path: ['programIds'] },
    ],
    ['cf[10014] in (PAY-1)', { kind: 'cf', id: 10014 }],
    ['"Epic Link" = PAY-1', { kind: 'name', name: 'Epic Link' }],
    ['issuetype = Epic', { kind: 'name', name: 'issuetype' }],
  ])('reads the field of %s', (jql, field) => {
    const { where } = parseJql(jql);
    expect(where).toMatchObject({ kind: 'clause', field });
  });

  it.each([
    ['key in (PAY-1, "ID-2")', 'in', ['PAY-1', 'ID-2']],
    ['labels not in (a, b)', 'not in', ['a', 'b']],
    ['status != Done', '!=', ['Done']],
    ["summary = 'it\\'s'", '=', ["it's"]],
  ])('reads operator and values of %s', (jql, op, texts) => {
    const { where } = parseJql(jql);
    expect(where).toMatchObject({
      kind: 'clause',
      op,
      values: texts.map((text) => ({ kind: 'literal', text })),
    });
  });

  it('reads IS EMPTY, NOT and functions', () => {
    expect(parseJql('parent is EMPTY').where).toMatchObject({ op: 'is', values: [{ kind: 'empty' }] });
    expect(parseJql('parent IS NOT null').where).toMatchObject({ op: 'is not' });
    expect(parseJql('NOT labels = x').where).toMatchObject({ kind: 'not', item: { kind: 'clause' } });
    expect(parseJql('assignee = currentUser()').where).toMatchObject({
      values: [{ kind: 'function', name: 'currentUser' }],
    });
  });

  it('reads ORDER BY with several keys, keywords in any case', () => {
    expect(parseJql('project = PAY order by rank desc, KEY').orderBy).toEqual([
      { field: 'rank', direction: 'desc' },
      { field: 'KEY', direction: 'asc' },
    ]);
  });

  it.each([
    'project =',
    'project PAY',
    '(project = PAY',
    'project = PAY AND',
    'project in (PAY,',
    'labels = "x',
    'project = PAY #',
    'ORDER key',
  ])('rejects %s with a JqlError', (jql) => {
    expect(() => parseJql(jql)).toThrow(JqlError);
  });

  it('tells where a syntax error is, as Jira does', () => {
    expect(() => parseJql('project PAY')).toThrow("Expecting operator but got 'PAY'");
    expect(() => parseJql('project PAY')).toThrow('(line 1, character 9)');
  });
});
