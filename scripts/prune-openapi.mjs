#!/usr/bin/env node
// Prunes Atlassian's published OpenAPI specs to the operations in contract/operations.json.
// Input: ../shared/atlassian-openapi/ (relative to the repository root), read only here.
// Output: contract/openapi/<same file names>.json and contract/openapi/SOURCES.md, which tests read.
// Usage: npm run contract:prune [-- --source <dir>]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceFlag = process.argv.indexOf('--source');
const sourceDir =
  sourceFlag >= 0 && process.argv[sourceFlag + 1]
    ? resolve(process.argv[sourceFlag + 1])
    : resolve(repoRoot, '../shared/atlassian-openapi');
const contractDir = join(repoRoot, 'contract');
const outDir = join(contractDir, 'openapi');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Component sections whose entries can be the target of a `$ref`. */
const REF_SECTIONS = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'links',
  'callbacks',
];

function fail(message) {
  console.error(`prune-openapi: ${message}`);
  process.exit(1);
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes one JSON-pointer token (RFC 6901). */
function unescapePointer(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Visits every `$ref` string inside a JSON value. */
function eachRef(value, visit) {
  if (Array.isArray(value)) {
    for (const item of value) eachRef(item, visit);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') visit(child);
      else eachRef(child, visit);
    }
  }
}

/** Collects `{section, name}` for every component reachable from `roots`, following refs transitively. */
function reachableComponents(spec, specName, roots) {
  const seen = new Map(REF_SECTIONS.map((section) => [section, new Set()]));
  const queue = [...roots];
  while (queue.length > 0) {
    const value = queue.pop();
    eachRef(value, (ref) => {
      const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
      if (!match) fail(`${specName}: unsupported $ref "${ref}" (only local component refs are handled)`);
      const section = match[1];
      const name = unescapePointer(match[2]);
      const names = seen.get(section);
      if (!names) fail(`${specName}: $ref "${ref}" points outside the component sections`);
      if (names.has(name)) return;
      const target = spec.components?.[section]?.[name];
      if (target === undefined) fail(`${specName}: $ref "${ref}" does not resolve`);
      names.add(name);
      queue.push(target);
    });
  }
  return seen;
}

function sortedObject(entries) {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Builds the pruned document: top-level order and each operation's own key order follow the input. */
function prune(spec, specName, wanted, extraRoots) {
  const paths = {};
  const kept = [];
  for (const [pathTemplate, pathItem] of Object.entries(spec.paths)) {
    const methods = wanted.filter((op) => op.path === pathTemplate);
    if (methods.length === 0) continue;
    const item = {};
    for (const [key, value] of Object.entries(pathItem)) {
      const isMethod = HTTP_METHODS.includes(key);
      if (!isMethod || methods.some((op) => op.method.toLowerCase() === key)) item[key] = value;
    }
    paths[pathTemplate] = item;
  }
  for (const op of wanted) {
    const operation = spec.paths[op.path]?.[op.method.toLowerCase()];
    if (!operation) fail(`${specName}: ${op.method} ${op.path} is not in the spec`);
    if (operation.operationId !== op.operationId) {
      fail(
        `${specName}: ${op.method} ${op.path} has operationId "${operation.operationId}", not "${op.operationId}"`,
      );
    }
    kept.push(op);
  }

  const reachable = reachableComponents(spec, specName, [...Object.values(paths), ...extraRoots]);
  const components = {};
  for (const [section, value] of Object.entries(spec.components ?? {})) {
    if (section === 'securitySchemes') {
      const used = new Set();
      for (const item of Object.values(paths)) {
        for (const method of HTTP_METHODS) {
          for (const requirement of item[method]?.security ?? spec.security ?? []) {
            for (const name of Object.keys(requirement)) used.add(name);
          }
        }
      }
      const schemes = Object.entries(value).filter(([name]) => used.has(name));
      if (schemes.length > 0) components[section] = sortedObject(schemes);
      continue;
    }
    const names = reachable.get(section);
    if (!names || names.size === 0) continue;
    components[section] = sortedObject(Object.entries(value).filter(([name]) => names.has(name)));
  }

  const usedTags = new Set();
  for (const item of Object.values(paths)) {
    for (const method of HTTP_METHODS) for (const tag of item[method]?.tags ?? []) usedTags.add(tag);
  }

  const out = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'paths') out.paths = paths;
    else if (key === 'components') out.components = components;
    else if (key === 'tags') out.tags = value.filter((tag) => usedTags.has(tag.name));
    else if (key === 'x-atlassian-narrative')
      continue; // long prose about the whole API, not about our operations
    else out[key] = value;
  }
  const componentCount = Object.entries(components)
    .filter(([section]) => section !== 'securitySchemes')
    .reduce((sum, [, entries]) => sum + Object.keys(entries).length, 0);
  return { document: out, operations: kept.length, components: componentCount };
}

/** Returns the lines of the first markdown table at or after the first line for which `isStart` holds. */
function tableFrom(markdown, isStart, what) {
  const lines = markdown.split('\n');
  const start = lines.findIndex(isStart);
  if (start < 0) fail(`SOURCES.md in ${sourceDir} has no ${what}`);
  const table = [];
  for (const line of lines.slice(start)) {
    if (line.startsWith('|')) table.push(line);
    else if (table.length > 0) break;
  }
  if (table.length < 3) fail(`SOURCES.md in ${sourceDir}: no table for ${what}`);
  return table;
}

function main() {
  if (!existsSync(sourceDir)) {
    fail(
      `the Atlassian specs are not at ${sourceDir}.\n` +
        'They live in the shared folder next to the repository (../shared/atlassian-openapi/); ' +
        'pass --source <dir> to read them from elsewhere. Tests never need them: they read contract/openapi/.',
    );
  }
  const sourcesPath = join(sourceDir, 'SOURCES.md');
  if (!existsSync(sourcesPath))
    fail(`${sourcesPath} is missing: the provenance of the specs must travel with them`);
  const sourcesMarkdown = readFileSync(sourcesPath, 'utf8');
  const section = (heading) =>
    tableFrom(sourcesMarkdown, (line) => line.trim() === heading, `"${heading}" table`);
  const filesTable = section('## Files');
  const originTable = section('### Where the files came from and what they contain');
  const licenseTable = section('### Licenses');
  const infoLicenseTable = tableFrom(
    sourcesMarkdown,
    (line) => line.startsWith('| file | `info.license`'),
    'info.license table',
  );

  const contract = JSON.parse(readFileSync(join(contractDir, 'operations.json'), 'utf8'));
  // Schemas that contract/overlays.json attaches to operations refer to components that must be kept too.
  const overlays = JSON.parse(readFileSync(join(contractDir, 'overlays.json'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  const summary = [];
  for (const [specName, { file }] of Object.entries(contract.specs)) {
    const inputPath = join(sourceDir, file);
    if (!existsSync(inputPath))
      fail(`${inputPath} is missing (listed for spec "${specName}" in contract/operations.json)`);
    const bytes = readFileSync(inputPath);
    const inputSha = sha256(bytes);
    const row = filesTable.find((line) => line.includes(`\`${file}\``));
    if (!row) fail(`SOURCES.md has no provenance row for ${file}`);
    if (!row.includes(inputSha)) {
      fail(
        `${file} has sha256 ${inputSha}, which SOURCES.md does not record: the input changed; update its provenance first`,
      );
    }
    const spec = JSON.parse(bytes.toString('utf8'));
    const wanted = contract.operations.filter((op) => op.spec === specName);
    const wantedIds = new Set(wanted.map((op) => op.operationId));
    const extraRoots = (overlays.responseSchemas ?? [])
      .filter((o) => wantedIds.has(o.operationId))
      .map((o) => o.schema);
    const { document, operations, components } = prune(spec, specName, wanted, extraRoots);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    writeFileSync(join(outDir, file), text);
    summary.push({
      file,
      inputSha,
      outputSha: sha256(text),
      operations,
      components,
      bytes: Buffer.byteLength(text),
    });
  }

  const when = new Date().toISOString().slice(0, 10);
  const sourceShown = relative(repoRoot, sourceDir) || '.';
  const sources = [
    '# Pruned Atlassian OpenAPI specs',
    '',
    'Generated by `npm run contract:prune` (`scripts/prune-openapi.mjs`); do not edit by hand. Each file keeps,',
    'from the published spec of the same name, only the operations listed in `contract/operations.json` (with',
    'their path-level keys), every component they reference (transitively), the security schemes they name and',
    'the tags they use; everything else in the document (`openapi`, `info`, `servers`, ...) is kept as is, except',
    '`x-atlassian-narrative` (API-wide prose). Operation objects are unchanged: the spec quirks listed in the',
    'input SOURCES.md are handled by `test/contract/openapi.ts` at load time, and known differences between the',
    'specs and live sites are in `contract/overlays.json` (components its schemas reference are kept as well).',
    'Paths keep the input order; components are sorted by name.',
    '',
    `Last regenerated: ${when}, from \`${sourceShown}/\` (the input files' provenance is below, copied from`,
    'its SOURCES.md). The script checks each input against the sha256 recorded there and stops if they differ.',
    'Nothing reads the input folder at run time or in tests.',
    '',
    '## Output',
    '',
    '| file | operations kept | components kept | size (bytes) | sha256 of output | sha256 of input |',
    '|---|---|---|---|---|---|',
    ...summary.map(
      (s) =>
        `| \`${s.file}\` | ${s.operations} | ${s.components} | ${s.bytes} | \`${s.outputSha}\` | \`${s.inputSha}\` |`,
    ),
    '',
    '## Input provenance (copied from the input SOURCES.md)',
    '',
    ...filesTable,
    '',
    ...originTable,
    '',
    '## Licenses (copied from the input SOURCES.md)',
    '',
    ...licenseTable,
    '',
    ...infoLicenseTable,
    '',
    "The spec files are Atlassian's published API descriptions; the repositories above redistribute them.",
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'SOURCES.md'), sources);
  for (const s of summary)
    console.log(`${s.file}: ${s.operations} operations, ${s.components} components, ${s.bytes} bytes`);
}

main();
