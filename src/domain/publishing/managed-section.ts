// The app's content on a page sits in one managed section: a bodied `details` macro whose `id` parameter
// names the app. Everything outside it belongs to people and is carried over untouched on every republish.
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
