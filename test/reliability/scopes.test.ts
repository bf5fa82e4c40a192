// Minimal scopes: every Atlassian REST call in src/adapters maps to an operation in contract/operations.json,
// whose OpenAPI security names the scopes it needs; the manifest must grant one full alternative for each call
// and hold no scope that no call (or Forge storage) needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { recordFigures } from './security-figures';

const root = resolve(__dirname, '..', '..');
const manifestScopes = (
  parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { permissions: { scopes: string[] } }
).permissions.scopes;

interface Operation {
  spec: string;
  method: string;
  path: string;
  operationId: string;
}
const contract = JSON.parse(readFileSync(join(root, 'contract', 'operations.json'), 'utf8')) as {
  specs: Record<string, { file: string; basePath: string }>;
  operations: Operation[];
};

type OperationDoc = {
  security?: Record<string, unknown>[];
  'x-atlassian-oauth2-scopes'?: { scopes?: string[] }[];
};

/** The scope alternatives of one operation: Atlassian's scope extension, or the OAuth entries of `security`. */
function scopeAlternatives(op: Operation): string[][] {
  const spec = contract.specs[op.spec]!;
  const document = JSON.parse(readFileSync(join(root, 'contract', 'openapi', spec.file), 'utf8')) as {
    paths: Record<string, Record<string, OperationDoc>>;
  };
  const specPath =
    spec.basePath && op.path.startsWith(spec.basePath) ? op.path.slice(spec.basePath.length) : op.path;
  const doc = document.paths[specPath]?.[op.method.toLowerCase()] ?? {};
  const extension = (doc['x-atlassian-oauth2-scopes'] ?? []).map((entry) => entry.scopes ?? []);
  const security = (doc.security ?? []).flatMap((entry): string[][] =>
    Object.entries(entry)
      .filter(([scheme, scopes]) => scheme !== 'basicAuth' && Array.isArray(scopes) && scopes.length > 0)
      .map(([, scopes]) => scopes as string[]),
  );
  return [...extension, ...security];
}

interface AppCall {
  file: string;
  method: string;
  path: string;
}

/** Every `route\`…\`` in the adapters, with the method its request options name (GET when none). */
function appCalls(): AppCall[] {
  const dir = join(root, 'src', 'adapters');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return files.flatMap((file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const matches = [...source.matchAll(/route`([^`]+)`/g)];
    return matches.map((match, i) => {
      const until = matches[i + 1]?.index ?? source.length;
      const options = source.slice(match.index, Math.min(until, match.index + 600));
      const method = /method:\s*'([A-Z]+)'/.exec(options)?.[1] ?? 'GET';
      const path = match[1]!.split('?')[0]!.replace(/\$\{[^}]+\}/g, '{}');
      return { file, method, path };
    });
  });
}

/** Whether an app path (`{}` for what it fills in) is an instance of an operation's path template. */
function sameShape(template: string, path: string): boolean {
  const want = template.split('/');
  const have = path.split('/');
  return (
    want.length === have.length &&
    want.every((segment, i) => (/^\{[^}]+\}$/.test(segment) ? have[i] !== '' : segment === have[i]))
  );
}
/** The path as the app calls it: a spec's paths lack the base path Forge routes put in front. */
const fullPath = (op: Operation) =>
  op.path.startsWith('/wiki') || op.path.startsWith('/rest')
    ? op.path
    : `${contract.specs[op.spec]!.basePath}${op.path}`;

const calls = appCalls();
const resolved = calls.map((call) => {
  const op = contract.operations.find((o) => o.method === call.method && sameShape(fullPath(o), call.path));
  const alternatives = op ? scopeAlternatives(op) : [];
  const granted = alternatives.find((scopes) => scopes.every((s) => manifestScopes.includes(s)));
  return { call, op, alternatives, granted };
});
const usesStorage = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .some((f) => /from '@forge\/kvs'/.test(readFileSync(join(root, 'src', f), 'utf8')));
const used = new Set([...resolved.flatMap((r) => r.granted ?? []), ...(usesStorage ? ['storage:app'] : [])]);
const unused = manifestScopes.filter((s) => !used.has(s));

it('reads the app’s REST calls from the adapters', () => {
  expect(calls.length).toBeGreaterThan(10);
});

it.each(resolved.map((r) => [`${r.call.method} ${r.call.path}`, r] as const))(
  '%s is a contract operation the manifest grants a scope for',
  (_name, r) => {
    expect(r.op).toBeDefined();
    expect(r.alternatives.length).toBeGreaterThan(0);
    expect(r.granted).toBeDefined();
  },
);

it('asks for no scope that no call needs', () => {
  expect(unused).toEqual([]);
});

afterAll(() =>
  recordFigures([
    {
      name: 'scopes: manifest scopes no API call needs',
      target: '0',
      measured: `${unused.length} of ${manifestScopes.length}${unused.length ? ` (${unused.join(', ')})` : ''}`,
      pass: unused.length === 0,
    },
    {
      name: 'scopes: API calls without a granted scope',
      target: '0',
      measured: `${resolved.filter((r) => !r.granted).length} of ${calls.length}`,
      pass: resolved.every((r) => r.granted),
    },
  ]),
);
