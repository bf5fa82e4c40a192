// The app's content on a page sits in one managed section: a bodied `details` macro (Page Properties) whose
// `id` parameter is `programs-app-managed`. Everything outside it belongs to people and is carried over
// untouched on every republish; a person may write above it, below it, or delete it (it comes back on top).
//
// Why a bodied macro and not marker comments or anchors:
// - Confluence Cloud's editor converts storage format to ADF and back on every edit. ADF has no comment
//   node, so `<!-- begin -->` markers are not guaranteed to survive a person's edit; an `anchor` macro
//   survives but marks a point, not a span, so the end of our content would be guesswork.
// - A bodied macro becomes an ADF bodied extension that keeps its macro name, its parameters and its body
//   through the round trip, so the start, the end and the owner of the section stay machine-readable.
// - `details` is a stock macro every site has, renders its body as-is, and is meant to hold structured
//   facts. (A Page Properties Report elsewhere may list its first table — harmless, even useful.)
// What is not verified here: a live site's exact re-serialisation (attribute order, added ac:macro-id);
// the parser below tolerates whitespace and extra attributes and matches on the `id` parameter only.
// Ownership itself is not read from the body: the page's `programs-app` content property says whose it is.
import { el, raw, type Markup } from './storage-format';

export const MANAGED_SECTION_ID = 'programs-app-managed';

/** The managed section as it is written to the page. */
export function managedSection(body: Markup): string {
  return raw(
    el(
      'ac:structured-macro',
      { 'ac:name': 'details', 'ac:schema-version': '1' },
      el('ac:parameter', { 'ac:name': 'id' }, MANAGED_SECTION_ID),
      el('ac:parameter', { 'ac:name': 'hidden' }, 'false'),
      el('ac:rich-text-body', {}, body),
    ),
  );
}

const MARKER = new RegExp(`<ac:parameter\\s+ac:name="id"\\s*>\\s*${MANAGED_SECTION_ID}\\s*</ac:parameter>`);
const MACRO_TAG = /<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)ac:structured-macro\b[^>]*?(\/?)>/g;

/** Where the managed section sits in a page body, or undefined when a person removed it. */
export function findManagedSection(body: string): { start: number; end: number } | undefined {
  const marker = MARKER.exec(body);
  if (!marker) return undefined;
  const start = body.lastIndexOf('<ac:structured-macro', marker.index);
  if (start < 0) return undefined;
  MACRO_TAG.lastIndex = start;
  let depth = 0;
  for (let match = MACRO_TAG.exec(body); match; match = MACRO_TAG.exec(body)) {
    if (match[0].startsWith('<![CDATA[') || match[2] === '/') continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return { start, end: match.index + match[0].length };
  }
  return undefined;
}

/** The managed section's current markup on a page, if any. */
export function managedContent(body: string): string | undefined {
  const at = findManagedSection(body);
  return at ? body.slice(at.start, at.end) : undefined;
}

/**
 * The page body with the managed section replaced by `section`; what people wrote before and after it is
 * kept. When the section is gone (a person deleted it), it goes back on top and their text follows.
 */
export function spliceManagedSection(body: string, section: string): string {
  const at = findManagedSection(body);
  if (!at) return section + body;
  return body.slice(0, at.start) + section + body.slice(at.end);
}
