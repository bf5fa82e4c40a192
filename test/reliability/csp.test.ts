// Forge's Content Security Policy: the built Custom UI runs no inline script, and the manifest relaxes the
// policy for inline styles only (Atlaskit and Emotion inject <style> elements at run time; no script relaxation).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { recordFigures } from './security-figures';

const root = resolve(__dirname, '..', '..');
interface Manifest {
  resources: { key: string; path: string }[];
  permissions: { content?: Record<string, string[]>; external?: unknown };
}
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;

/** Every HTML file of every resource the manifest serves. */
function builtPages(): string[] {
  const pages = manifest.resources.flatMap((resource) => {
    const dir = join(root, resource.path);
    if (!existsSync(join(dir, 'index.html')))
      throw new Error(`${resource.path}/index.html is missing: run \`npm run build:ui\` first`);
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(dir, f));
  });
  // One resource may be served from inside another's folder (the macro's config page).
  return [...new Set(pages)].sort();
}

/** What in one page Forge's CSP (script-src 'self', no unsafe-inline) would block. */
export function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(tag[1] ?? '')) problems.push('a <script> without src');
    if ((tag[2] ?? '').trim() !== '') problems.push('a <script> with inline code');
  }
  for (const handler of html.matchAll(/<[^>]+\s(on[a-z]+)\s*=/gi))
    problems.push(`an inline ${handler[1]} handler`);
  if (/(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push('a javascript: URL');
  return problems;
}

describe('the built Custom UI', () => {
  const pages = builtPages();

  it('finds every resource the manifest serves', () => {
    expect(pages.length).toBeGreaterThanOrEqual(manifest.resources.length);
  });

  it.each(pages.map((p) => [p.slice(root.length + 1), p]))('%s runs no inline script', (_name, page) => {
    expect(inlineScriptProblems(readFileSync(page, 'utf8'))).toEqual([]);
  });

  it('flags what it is meant to flag', () => {
    expect(inlineScriptProblems('<script>alert(1)</script>')).toHaveLength(2);
    expect(inlineScriptProblems('<img src=x onerror="alert(1)">')).toEqual(['an inline onerror handler']);
    expect(inlineScriptProblems('<a href="javascript:alert(1)">x</a>')).toEqual(['a javascript: URL']);
    expect(inlineScriptProblems('<script type="module" src="./a.js"></script>')).toEqual([]);
  });
});

describe('the manifest content permissions', () => {
  it('relax inline styles only, and no script policy', () => {
    expect(manifest.permissions.content ?? {}).toEqual({ styles: ['unsafe-inline'] });
  });
});

afterAll(() => {
  const pages = builtPages();
  const problems = pages.flatMap((p) => inlineScriptProblems(readFileSync(p, 'utf8')));
  const content = JSON.stringify(manifest.permissions.content ?? {});
  recordFigures([
    {
      name: 'CSP: inline scripts, handlers or javascript: URLs in the built Custom UI',
      target: '0',
      measured: `${problems.length} in ${pages.length} pages`,
      pass: problems.length === 0,
    },
    {
      name: 'CSP: manifest relaxations',
      target: "styles 'unsafe-inline' only (Atlaskit/Emotion styles)",
      measured: content,
      pass: content === JSON.stringify({ styles: ['unsafe-inline'] }),
    },
  ]);
});
