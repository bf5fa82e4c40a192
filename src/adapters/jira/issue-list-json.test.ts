import fc from 'fast-check';
import { parseIssueListJson, parseListInPieces } from './issue-list-json';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the usual `JSON.parse(await response.text())` gives: the value, or the error's class. */
function wholeParse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return (error as Error).constructor;
  }
}

function inPieces(bytes: Uint8Array): unknown {
  try {
    return parseListInPieces(bytes, 'issues');
  } catch (error) {
    return (error as Error).constructor;
  }
}

/** How many times JSON.parse ran while reading `bytes`. */
function parseCalls(bytes: Uint8Array): number {
  const parse = jest.spyOn(JSON, 'parse');
  try {
    parseIssueListJson(bytes);
    return parse.mock.calls.length;
  } finally {
    parse.mockRestore();
  }
}

const issue = (n: number, summary = `Checkout — market ${n}`) => ({
  id: String(10000 + n),
  key: `PAY-${n}`,
  fields: { summary, status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } } },
});

const page = (summary: string, count: number) =>
  bytesOf(
    JSON.stringify({
      issues: Array.from({ length: count }, (_, n) => issue(n, summary)),
      nextPageToken: 'abc',
      isLast: false,
    }),
  );

describe('reading an issue list body', () => {
  it('gives a big page with the same issues, in order, as parsing it whole, one issue at a time', () => {
    const bytes = page('Checkout — phase 2', 1000);
    expect(parseIssueListJson(bytes)).toEqual(wholeParse(bytes));
    expect(parseCalls(bytes)).toBe(1001); // each issue, then the rest of the body
  });

  it('parses whole what decodes to a small string: under 64 KiB, or under 128 KiB of ASCII', () => {
    const ascii = page('Checkout', 700);
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    expect(ascii.length).toBeLessThan(128 * 1024);
    expect(parseCalls(ascii)).toBe(1);
    expect(parseCalls(page('Checkout — phase 2', 300))).toBe(1);
    expect(parseCalls(page('Checkout — phase 2', 700))).toBe(701);
  });

  it.each([
    ['an empty list', '{"issues":[],"isLast":true}'],
    ['an empty list with blanks', '{"issues":[ \n ],"isLast":true}'],
    ['blanks everywhere', ' \n{ "issues" : [ {"id":"1"} , {"id":"2"} ] , "issueErrors" : [ ] } \n'],
    ['members before and after the list', '{"names":{"a":[1,2]},"issues":[{"id":"1"}],"schema":{"b":[3]}}'],
    ['brackets, commas and quotes inside strings', '{"issues":[{"s":"a],[b}{\\",\\\\"},{"s":"\\\\"}]}'],
    ['non-Latin-1 text', '{"issues":[{"s":"Chloé — 東京 🚀"},{"s":"ø"}]}'],
    ['nested lists', '{"issues":[[1,[2,3]],{"l":[{"x":[]}]}]}'],
    ['primitives in the list', '{"issues":[1,"two",null,true,{"id":"5"}]}'],
    ['the list key inside an issue', '{"issues":[{"issues":[1,2]}]}'],
    ['the list key twice, the last winning', '{"issues":[1],"issues":[2,3]}'],
    ['the list key as a value first', '{"issues":1,"issues":[2]}'],
    ['an escaped list key', '{"issues":[1],"issu\\u0065s":[2]}'],
    ['a list that is not an array', '{"issues":{"a":[1]}}'],
    ['no list', '{"isLast":true}'],
    ['a top-level array', '[{"issues":[1]}]'],
    ['a trailing comma in the list', '{"issues":[{"id":"1"},]}'],
    ['a missing comma in the list', '{"issues":[{"id":"1"} {"id":"2"}]}'],
    ['an empty element', '{"issues":[{"id":"1"},,{"id":"2"}]}'],
    ['a truncated body', '{"issues":[{"id":"1"},{"id":"2"'],
    ['an unterminated string', '{"issues":[{"id":"1}]}'],
    ['garbage after the body', '{"issues":[{"id":"1"}]}]{'],
    ['a second body', '{"issues":[{"id":"1"}]}{"issues":[]}'],
    ['an empty body', ''],
  ])('agrees with JSON.parse on %s', (_label, text) => {
    const bytes = bytesOf(text);
    expect(inPieces(bytes)).toEqual(wholeParse(bytes));
  });

  it('skips a byte order mark as response.text() does', () => {
    const body = '{"issues":[{"id":"1"}]}';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(body)]);
    expect(parseListInPieces(bytes, 'issues')).toEqual(JSON.parse(body));
    expect(parseIssueListJson(bytes)).toEqual(JSON.parse(body));
  });

  it('agrees with JSON.parse on any body, and on any body with one byte cut out', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const body = fc.record({ issues: fc.array(value, { maxLength: 8 }), before: value, after: value });
    fc.assert(
      fc.property(body, fc.nat(), (b, cut) => {
        const bytes = bytesOf(JSON.stringify({ before: b.before, issues: b.issues, after: b.after }));
        expect(inPieces(bytes)).toEqual(wholeParse(bytes));
        const at = cut % bytes.length;
        const broken = new Uint8Array(bytes.length - 1);
        broken.set(bytes.subarray(0, at));
        broken.set(bytes.subarray(at + 1), at);
        expect(inPieces(broken)).toEqual(wholeParse(broken));
      }),
      { numRuns: 500 },
    );
  });
});
