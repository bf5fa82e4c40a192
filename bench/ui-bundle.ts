// `ui.bundle.gzip_kb.<entry>`: what each Custom UI entry makes the browser download before its first paint
// (the scripts, module preloads and stylesheets its index.html names), gzipped at level 9 as a CDN would
// serve it; `.all` adds every lazy chunk and asset of the entry's build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureUiBuilt, type UiResource } from '../test/e2e/browser';
import type { Emit } from './emit';

/** Issue 10's budget per Custom UI entry. */
export const BUNDLE_TARGET_KB = 250;

const repoRoot = path.resolve(__dirname, '..');

interface UiEntry {
  name: string;
  resource: UiResource;
  /** The entry's build directory, holding its index.html. */
  buildDir: string;
  /** Sub-directories of buildDir that belong to another entry. */
  exclude: readonly string[];
}

const macroBuild = path.join(repoRoot, 'static', 'status-macro', 'build');

export const UI_ENTRIES: readonly UiEntry[] = [
  {
    name: 'program-view',
    resource: 'program-view',
    buildDir: path.join(repoRoot, 'static', 'program-view', 'build'),
    exclude: [],
  },
  {
    name: 'epic-panel',
    resource: 'epic-panel',
    buildDir: path.join(repoRoot, 'static', 'epic-panel', 'build'),
    exclude: [],
  },
  { name: 'status-macro', resource: 'status-macro', buildDir: macroBuild, exclude: ['config'] },
  {
    name: 'status-macro-config',
    resource: 'status-macro',
    buildDir: path.join(macroBuild, 'config'),
    exclude: [],
  },
];

/**
 * The files an index.html makes the browser fetch before the app runs: module scripts, module preloads
 * (Vite lists every chunk the entry imports statically) and stylesheets. Lazy chunks are not named there.
 */
export function initialAssets(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (tag.toLowerCase().startsWith('<script')) {
      const src = attribute('src');
      if (src) urls.add(src);
      continue;
    }
    const rel = attribute('rel')?.toLowerCase();
    const href = attribute('href');
    if (href && (rel === 'stylesheet' || rel === 'modulepreload')) urls.add(href);
  }
  return [...urls].filter((url) => !/^([a-z]+:)?\/\//i.test(url));
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function filesUnder(dir: string, exclude: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (exclude.includes(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, []) : [full];
  });
}

export function measureEntry(entry: UiEntry): { initialKb: number; allKb: number; initialFiles: number } {
  const html = readFileSync(path.join(entry.buildDir, 'index.html'), 'utf8');
  const initial = initialAssets(html).map((url) => path.resolve(entry.buildDir, url.split(/[?#]/)[0]!));
  const all = filesUnder(entry.buildDir, entry.exclude).filter((file) => !file.endsWith('.map'));
  const kb = (files: readonly string[]) => files.reduce((sum, file) => sum + gzipBytes(file), 0) / 1024;
  return {
    initialKb: kb([path.join(entry.buildDir, 'index.html'), ...initial]),
    allKb: kb(all),
    initialFiles: initial.length,
  };
}

export function run(emit: Emit): Promise<void> {
  for (const resource of new Set(UI_ENTRIES.map((entry) => entry.resource))) ensureUiBuilt(resource);
  for (const entry of UI_ENTRIES) {
    const { initialKb, allKb } = measureEntry(entry);
    emit({
      name: `ui.bundle.gzip_kb.${entry.name}`,
      value: initialKb,
      unit: 'KB',
      peer: 'target',
      peer_value: BUNDLE_TARGET_KB,
    });
    emit({ name: `ui.bundle.gzip_kb.${entry.name}.all`, value: allKb, unit: 'KB' });
  }
  return Promise.resolve();
}
