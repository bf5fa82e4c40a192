/**
 * A tokenizer and recursive-descent parser for the JQL subset the emulator answers:
 *   query    := [or] [ORDER BY sortKey {, sortKey}]
 *   or       := and {OR and}
 *   and      := not {AND not}
 *   not      := NOT not | '(' or ')' | clause
 *   clause   := field ( ('=' | '!=') value | [NOT] IN list | IS [NOT] EMPTY )
 *   field    := word | "quoted" | cf[123] | issue.property[key].path
 */

export class JqlError extends Error {
  override readonly name = 'JqlError';
}

type TokenKind = 'word' | 'string' | 'op' | '(' | ')' | ',' | '[' | ']' | '.' | 'eof';

interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based character position, as Jira reports it. */
  at: number;
}

export type JqlField =
  | { kind: 'name'; name: string }
  | { kind: 'cf'; id: number }
  | { kind: 'property'; key: string; path: string[] };

export type JqlValue =
  { kind: 'literal'; text: string; quoted: boolean } | { kind: 'empty' } | { kind: 'function'; name: string };

export type JqlOperator = '=' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export type JqlExpr =
  | { kind: 'and'; items: JqlExpr[] }
  | { kind: 'or'; items: JqlExpr[] }
  | { kind: 'not'; item: JqlExpr }
  | { kind: 'clause'; field: JqlField; fieldText: string; op: JqlOperator; values: JqlValue[] };

export interface JqlSortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where: JqlExpr | null;
  orderBy: JqlSortKey[];
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);
const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'];

const isWordChar = (c: string): boolean =>
  (c >= 'a' && c <= 'z') ||
  (c >= 'A' && c <= 'Z') ||
  (c >= '0' && c <= '9') ||
  c === '_' ||
  c === '-' ||
  c === '@' ||
  c === ':' ||
  c === '*' ||
  c === '/' ||
  c === '+' ||
  c.charCodeAt(0) > 127;

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const at = i + 1;
    if (c === '"' || c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= jql.length)
          throw new JqlError(
            `Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${at})`,
          );
        const d = jql[i] as string;
        if (d === '\\' && i + 1 < jql.length) {
          text += jql[i + 1];
          i += 2;
          continue;
        }
        if (d === c) {
          i++;
          break;
        }
        text += d;
        i++;
      }
      tokens.push({ kind: 'string', text, at });
      continue;
    }
    const op = OPERATORS.find((o) => jql.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at });
      i += op.length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '[' || c === ']' || c === '.') {
      tokens.push({ kind: c, text: c, at });
      i++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < jql.length && isWordChar(jql[j] as string)) j++;
      tokens.push({ kind: 'word', text: jql.slice(i, j), at });
      i = j;
      continue;
    }
    throw new JqlError(
      `Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. (line 1, character ${at})`,
    );
  }
  tokens.push({ kind: 'eof', text: '', at: jql.length + 1 });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }

  private fail(expected: string): never {
    const t = this.peek();
    const got = t.kind === 'eof' ? 'the end of the query' : `'${t.text}'`;
    throw new JqlError(
      `Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${t.at})`,
    );
  }

  parseQuery(): JqlQuery {
    let where: JqlExpr | null = null;
    if (this.peek().kind !== 'eof' && !(this.isKeyword('order') && this.isKeyword('by', 1)))
      where = this.parseOr();
    const orderBy: JqlSortKey[] = [];
    if (this.isKeyword('order')) {
      this.advance();
      if (!this.isKeyword('by')) this.fail("'by'");
      this.advance();
      do {
        const t = this.advance();
        if (t.kind !== 'word' && t.kind !== 'string') this.fail('a field name');
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword('asc') || this.isKeyword('desc'))
          direction = this.advance().text.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field: t.text, direction });
      } while (this.peek().kind === ',' && this.advance());
    }
    if (this.peek().kind !== 'eof') this.fail(where ? "'AND', 'OR' or 'ORDER BY'" : 'a field name');
    return { where, orderBy };
  }

  private parseOr(): JqlExpr {
    const items = [this.parseAnd()];
    while (this.isKeyword('or')) {
      this.advance();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as JqlExpr) : { kind: 'or', items };
  }

  private parseAnd(): JqlExpr {
    const items = [this.parseNot()];
    while (this.isKeyword('and')) {
      this.advance();
      items.push(this.parseNot());
    }
    return items.length === 1 ? (items[0] as JqlExpr) : { kind: 'and', items };
  }

  private parseNot(): JqlExpr {
    if (this.isKeyword('not')) {
      this.advance();
      return { kind: 'not', item: this.parseNot() };
    }
    if (this.peek().kind === '(') {
      this.advance();
      const inner = this.parseOr();
      if (this.peek().kind !== ')') this.fail("')'");
      this.advance();
      return inner;
    }
    return this.parseClause();
  }

  private parseField(): { field: JqlField; text: string } {
    const first = this.peek();
    if (first.kind === 'string') {
      this.advance();
      return { field: { kind: 'name', name: first.text }, text: first.text };
    }
    if (first.kind !== 'word' || KEYWORDS.has(first.text.toLowerCase())) this.fail('a field name');
    this.advance();
    const lower = first.text.toLowerCase();
    if (lower === 'cf' && this.peek().kind === '[') {
      this.advance();
      const id = this.advance();
      if (id.kind !== 'word' || !/^\d+$/.test(id.text)) this.fail('a custom field id');
      if (this.advance().kind !== ']') this.fail("']'");
      return { field: { kind: 'cf', id: Number(id.text) }, text: `cf[${id.text}]` };
    }
    if (
      lower === 'issue' &&
      this.peek().kind === '.' &&
      this.peek(1).kind === 'word' &&
      this.peek(1).text.toLowerCase() === 'property'
    ) {
      this.advance();
      this.advance();
      if (this.advance().kind !== '[') this.fail("'['");
      let key = '';
      while (this.peek().kind !== ']') {
        const t = this.advance();
        if (t.kind === 'eof') this.fail("']'");
        key += t.text;
      }
      this.advance();
      const path: string[] = [];
      while (this.peek().kind === '.') {
        this.advance();
        const part = this.advance();
        if (part.kind !== 'word') this.fail('a property path');
        path.push(part.text);
      }
      if (key === '') this.fail('an issue property key');
      return {
        field: { kind: 'property', key, path },
        text: `issue.property[${key}]${path.map((p) => `.${p}`).join('')}`,
      };
    }
    return { field: { kind: 'name', name: first.text }, text: first.text };
  }

  private parseValue(): JqlValue {
    const t = this.peek();
    if (t.kind === 'string') {
      this.advance();
      return { kind: 'literal', text: t.text, quoted: true };
    }
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'empty' || lower === 'null') {
        this.advance();
        return { kind: 'empty' };
      }
      if (KEYWORDS.has(lower)) this.fail('a value');
      this.advance();
      if (this.peek().kind === '(') {
        this.advance();
        while (this.peek().kind !== ')') {
          if (this.peek().kind === 'eof') this.fail("')'");
          this.advance();
        }
        this.advance();
        return { kind: 'function', name: t.text };
      }
      return { kind: 'literal', text: t.text, quoted: false };
    }
    return this.fail('either a value, an empty constant or a function');
  }

  private parseClause(): JqlExpr {
    const { field, text } = this.parseField();
    const t = this.peek();
    let op: JqlOperator;
    if (t.kind === 'op') {
      if (t.text !== '=' && t.text !== '!=') {
        throw new JqlError(
          `The emulator does not support the operator '${t.text}' (field '${text}'). Supported: =, !=, IN, NOT IN, IS, IS NOT.`,
        );
      }
      op = t.text;
      this.advance();
    } else if (this.isKeyword('in')) {
      op = 'in';
      this.advance();
    } else if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      op = 'not in';
      this.advance();
      this.advance();
    } else if (this.isKeyword('is')) {
      this.advance();
      op = 'is';
      if (this.isKeyword('not')) {
        this.advance();
        op = 'is not';
      }
    } else {
      const got = t.kind === 'eof' ? 'the end of the query' : `'${t.text}'`;
      throw new JqlError(
        `Error in the JQL Query: Expecting operator but got ${got}. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character ${t.at})`,
      );
    }
    let values: JqlValue[];
    if (op === 'in' || op === 'not in') {
      if (this.peek().kind !== '(') {
        values = [this.parseValue()];
      } else {
        this.advance();
        values = [this.parseValue()];
        while (this.peek().kind === ',') {
          this.advance();
          values.push(this.parseValue());
        }
        if (this.peek().kind !== ')') this.fail("')'");
        this.advance();
      }
    } else {
      values = [this.parseValue()];
    }
    if ((op === 'is' || op === 'is not') && values[0]?.kind !== 'empty') {
      throw new JqlError(
        `Error in the JQL Query: The operator '${op.toUpperCase()}' can only be used with EMPTY or NULL (field '${text}').`,
      );
    }
    return { kind: 'clause', field, fieldText: text, op, values };
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parseQuery();
}
