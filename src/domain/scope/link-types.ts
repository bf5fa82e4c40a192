import type { LinkTypeRef } from './types';

/** The link types the program treats as dependencies; an entry matches a type by id or by name. */
export interface DependencyLinkTypes {
  matches(type: LinkTypeRef): boolean;
}

/**
 * Matches link types by id as well as name, so a program configured with `Blocks` keeps working after an
 * admin renames the type: `known` (the site's link types) resolves configured names to ids.
 */
export function dependencyLinkTypes(
  configured: readonly string[],
  known: readonly LinkTypeRef[] = [],
): DependencyLinkTypes {
  const names = new Set(configured.map((c) => c.trim().toLowerCase()).filter((c) => c !== ''));
  const ids = new Set(configured.map((c) => c.trim()));
  for (const type of known) if (names.has(type.name.toLowerCase())) ids.add(type.id);
  return { matches: (type) => ids.has(type.id) || names.has(type.name.toLowerCase()) };
}

const DEPENDS_PHRASE = /\b(depends on|is blocked by|blocked by|requires|needs|waits for|is dependent on)\b/i;

/**
 * Which end of a link must finish first. For `Blocks` (outward "blocks") the source blocks the target, so
 * the source comes first. For types whose outward phrase reads "depends on" / "is blocked by" the target
 * comes first instead.
 */
export function prerequisiteEnd(type: LinkTypeRef): 'source' | 'target' {
  if (DEPENDS_PHRASE.test(type.outward) && !DEPENDS_PHRASE.test(type.inward)) return 'target';
  return 'source';
}
