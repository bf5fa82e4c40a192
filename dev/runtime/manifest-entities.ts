// The custom entities manifest.yml declares, read from the manifest itself so the local runtime's
// indexes cannot drift from what Forge is told.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { EntityDeclaration } from './kvs-store';

const manifestPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest.yml');

interface ManifestIndex {
  name: string;
  /** The manifest schema wants a one-element list; the local store takes the attribute itself. */
  range: string | string[];
  partition?: string[];
}

interface ManifestEntity {
  name: string;
  attributes?: EntityDeclaration['attributes'];
  indexes?: Array<string | ManifestIndex>;
}

const toIndex = (index: string | ManifestIndex) =>
  typeof index === 'string'
    ? index
    : { ...index, range: Array.isArray(index.range) ? (index.range[0] ?? '') : index.range };

export function manifestEntities(file = manifestPath): Record<string, EntityDeclaration> {
  const manifest = parse(readFileSync(file, 'utf8')) as {
    app?: { storage?: { entities?: ManifestEntity[] } };
  };
  const entities = manifest.app?.storage?.entities ?? [];
  return Object.fromEntries(
    entities.map(({ name, attributes, indexes }): [string, EntityDeclaration] => [
      name,
      {
        ...(attributes ? { attributes } : {}),
        ...(indexes ? { indexes: indexes.map(toIndex) } : {}),
      },
    ]),
  );
}
