// Confluence storage format (XHTML with ac:/ri: elements) built from escaped pieces. Every user string goes
// through `text`, so no program text can open a tag, a macro or a CDATA section.

/** A fragment of storage format that is already safe to place in a page. */
export interface Markup {
  readonly __markup: string;
}

const markup = (value: string): Markup => ({ __markup: value });
export const raw = (fragment: Markup): string => fragment.__markup;
export const EMPTY: Markup = markup('');

// XML 1.0 allows tab, LF, CR and these ranges; lone surrogates and other controls cannot appear at all.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content or a double-quoted attribute; drops characters XML cannot hold. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const text = (value: string): Markup => markup(escapeXml(value));
export const join = (parts: readonly Markup[], separator = ''): Markup =>
  markup(parts.map(raw).join(separator));

type Child = Markup | string;
const content = (children: readonly Child[]): string =>
  children.map((c) => (typeof c === 'string' ? escapeXml(c) : raw(c))).join('');

/** An element with escaped attributes; string children are escaped text. */
export function el(name: string, attributes: Record<string, string>, ...children: Child[]): Markup {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return markup(
    children.length === 0 ? `<${name}${attrs} />` : `<${name}${attrs}>${content(children)}</${name}>`,
  );
}

export const heading = (level: 1 | 2 | 3 | 4, title: string): Markup => el(`h${level}`, {}, title);

/** Multi-line text as paragraphs; blank input gives an italic placeholder. */
export function paragraphs(value: string, placeholder = 'Not written yet.'): Markup {
  const blocks = value
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (blocks.length === 0) return el('p', {}, el('em', {}, placeholder));
  return join(blocks.map((b) => el('p', {}, join(b.split(/\r?\n/).map(text), '<br />'))));
}

export type LozengeColour = 'Grey' | 'Red' | 'Yellow' | 'Green' | 'Blue' | 'Purple';

const parameter = (name: string, value: string): Markup => el('ac:parameter', { 'ac:name': name }, value);

/** The `status` macro: a coloured lozenge. */
export function lozenge(colour: LozengeColour, title: string): Markup {
  return el(
    'ac:structured-macro',
    { 'ac:name': 'status', 'ac:schema-version': '1' },
    parameter('colour', colour),
    parameter('title', title),
  );
}

/** The `expand` macro: a collapsed section with a title. */
export function expand(title: string, body: Markup): Markup {
  return el(
    'ac:structured-macro',
    { 'ac:name': 'expand', 'ac:schema-version': '1' },
    parameter('title', title),
    el('ac:rich-text-body', {}, body),
  );
}

export type Cell = Markup | string | number;
const cell = (value: Cell): Child => (typeof value === 'number' ? String(value) : value);

/** A table with a header row; an empty body says so in one spanning row. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  empty = 'None.',
): Markup {
  const head = el('tr', {}, ...headers.map((h) => el('th', {}, h)));
  const body =
    rows.length === 0
      ? [el('tr', {}, el('td', { colspan: String(Math.max(1, headers.length)) }, el('em', {}, empty)))]
      : rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, cell(c)))));
  return el('table', {}, el('tbody', {}, head, ...body));
}

/** A link to a Jira issue on the site. Keys are checked so a bad one renders as plain text. */
export function jiraLink(siteUrl: string, key: string): Markup {
  if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) return text(key);
  return el('a', { href: `${siteUrl.replace(/\/+$/, '')}/browse/${key}` }, key);
}

/** An image attached to the page itself. */
export function attachedImage(filename: string, alt: string): Markup {
  return el('ac:image', { 'ac:alt': alt }, el('ri:attachment', { 'ri:filename': filename }));
}
