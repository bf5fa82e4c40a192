/**
 * Validates Atlassian REST requests and responses against the pruned OpenAPI 3.0 specs in contract/openapi/.
 *
 * The specs are read once, turned into JSON Schema (draft-07, as Ajv reads it) with the quirks of Atlassian's
 * published specs handled (see contract/openapi/SOURCES.md and the input SOURCES.md it copies), the known
 * differences from live sites in contract/overlays.json applied, and every validator compiled once and cached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface OperationRef {
  operationId: string;
  spec: string;
  /** The template as the app's routes see it: Confluence v2 paths carry `/wiki/api/v2` in front. */
  pathTemplate: string;
}

export interface ListedOperation extends OperationRef {
  method: string;
}

export interface ResponseExchange {
  method: string;
  path: string;
  status: number;
  contentType?: string;
  body: unknown;
}

export interface RequestExchange {
  method: string;
  /** A pathname, optionally with `?query`; the query is used when `query` is not given. */
  path: string;
  query?: Record<string, string | string[]>;
  contentType?: string;
  body?: unknown;
}

/** A rewrite applied to the published specs while loading them, and where it applied. */
export interface AppliedQuirk {
  spec: string;
  quirk:
    | 'overlapping-oneOf-as-anyOf'
    | 'format-string-without-type'
    | 'items-on-non-array'
    | 'format-on-composition'
    | 'object-typed-parameter'
    | 'widened-enum'
    | 'added-properties'
    | 'response-without-schema';
  pointer: string;
}

type JsonObject = { [key: string]: unknown };
type Direction = 'request' | 'response';

interface ContractFile {
  specs: Record<string, { file: string; basePath: string }>;
  operations: Array<{ spec: string; method: string; path: string; operationId: string }>;
}

interface OverlaysFile {
  platformStatuses: Record<string, string>;
  undeclaredStatuses: Array<{ operationId: string; status: string; reason: string }>;
  widenedEnums: Array<{ spec: string; pointer: string; add: string[]; reason: string }>;
  responseSchemas: Array<{
    operationId: string;
    status: string;
    mediaType: string;
    schema: JsonObject;
    reason: string;
  }>;
  addedProperties: Array<{
    spec: string;
    pointer: string;
    properties: Record<string, JsonObject>;
    reason: string;
  }>;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  explode: boolean;
  schema: JsonObject;
}

interface Operation {
  operationId: string;
  spec: string;
  method: string;
  specPath: string;
  pathTemplate: string;
  matcher: RegExp;
  paramNames: string[];
  literalSegments: number;
  parameters: Parameter[];
  requestBody: { required: boolean; content: Record<string, JsonObject> } | undefined;
  responses: Record<string, { content: Record<string, JsonObject> | undefined }>;
  extraStatuses: Set<string>;
}

const CONTRACT_DIR = join(__dirname, '..', '..', 'contract');
const SCHEMA_BASE = 'https://contract.invalid/';
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/;
/** Keywords that carry subschemas, so the rewrite below walks them and nothing else. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'additionalItems'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
/** OpenAPI-only annotations that JSON Schema does not know; dropped so Ajv sees plain JSON Schema. */
const OPENAPI_ONLY = new Set(['nullable', 'discriminator', 'xml', 'externalDocs', 'example', 'deprecated']);

function noteQuirk(quirks: Map<string, AppliedQuirk>, quirk: AppliedQuirk): void {
  quirks.set(`${quirk.spec} ${quirk.quirk} ${quirk.pointer}`, quirk);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(...segments: string[]): unknown {
  return JSON.parse(readFileSync(join(CONTRACT_DIR, ...segments), 'utf8')) as unknown;
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointer.split('/').slice(1).map(unescapePointer)) {
    node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
  }
  return node;
}

/** Follows a local `$ref` chain within one spec. */
function deref(spec: JsonObject, value: unknown): unknown {
  let node = value;
  for (let hops = 0; isObject(node) && typeof node['$ref'] === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref cycle at ${String(node['$ref'])}`);
    node = resolvePointer(spec, node['$ref'].slice(1));
  }
  return node;
}

function schemaId(spec: string, direction: Direction): string {
  return `${SCHEMA_BASE}${direction}/${spec}.json`;
}

/**
 * Rewrites one OpenAPI 3.0 schema into JSON Schema for Ajv. `required` loses readOnly properties in requests
 * and writeOnly properties in responses, as OpenAPI 3.0 says; `nullable` becomes a `null` type; `$ref`
 * siblings are dropped (OpenAPI 3.0 ignores them); refs point at the per-spec component document.
 */
class SchemaRewriter {
  readonly formats = new Set<string>();

  constructor(
    private readonly specName: string,
    private readonly spec: JsonObject,
    private readonly direction: Direction,
    private readonly quirks: Map<string, AppliedQuirk>,
  ) {}

  rewrite(schema: unknown, pointer: string): unknown {
    if (typeof schema === 'boolean') return schema;
    if (!isObject(schema)) return {};
    if (typeof schema['$ref'] === 'string') {
      const ref = schema['$ref'];
      if (!ref.startsWith('#/components/schemas/'))
        throw new Error(`${this.specName}: unsupported $ref ${ref}`);
      return { $ref: `${schemaId(this.specName, this.direction)}${ref}` };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
      if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(key) && isObject(value)) {
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [name, this.rewrite(sub, `${pointer}/${key}/${name}`)]),
        );
      } else if (
        (SCHEMA_KEYWORDS as readonly string[]).includes(key) &&
        (isObject(value) || typeof value === 'boolean')
      ) {
        out[key] = this.rewrite(value, `${pointer}/${key}`);
      } else if ((SCHEMA_LIST_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) {
        out[key] = value.map((sub, i) => this.rewrite(sub, `${pointer}/${key}/${i}`));
      } else {
        out[key] = value;
      }
    }
    this.fixQuirks(schema, out, pointer);
    if (Array.isArray(out['required'])) {
      const properties = isObject(schema['properties']) ? schema['properties'] : {};
      const hidden = this.direction === 'request' ? 'readOnly' : 'writeOnly';
      out['required'] = out['required'].filter((name) => {
        const property = deref(this.spec, properties[String(name)]);
        return !(isObject(property) && property[hidden] === true);
      });
    }
    if (typeof out['format'] === 'string') this.formats.add(out['format']);
    return schema['nullable'] === true ? this.nullable(out) : out;
  }

  private fixQuirks(original: JsonObject, out: JsonObject, pointer: string): void {
    const note = (quirk: AppliedQuirk['quirk']): void =>
      noteQuirk(this.quirks, { spec: this.specName, quirk, pointer });
    // Confluence v2 write bodies: `oneOf` alternatives that every object matches. Strict oneOf rejects them all.
    if (
      Array.isArray(original['oneOf']) &&
      original['oneOf'].length > 1 &&
      original['oneOf'].every((alt) => this.isOpenObject(alt))
    ) {
      out['anyOf'] = out['oneOf'];
      delete out['oneOf'];
      note('overlapping-oneOf-as-anyOf');
    }
    // `format: "string"` (no type) on PageUpdateRequest ids: the values are strings.
    if (out['format'] === 'string') {
      delete out['format'];
      out['type'] ??= 'string';
      note('format-string-without-type');
    }
    // `format` next to a oneOf/anyOf and no type (v1 ContentPropertyUpdate.version.number): it belongs to no type.
    if (
      typeof out['format'] === 'string' &&
      out['type'] === undefined &&
      (out['oneOf'] ?? out['anyOf'] ?? out['allOf'])
    ) {
      delete out['format'];
      note('format-on-composition');
    }
    // `items` on a string (v2 `sort` parameters): it has no effect on a string, so it is dropped.
    if (out['items'] !== undefined && out['type'] !== undefined && out['type'] !== 'array') {
      delete out['items'];
      note('items-on-non-array');
    }
  }

  /** True for an object schema that can never make a oneOf exclusive: no `required`, open to more properties. */
  private isOpenObject(alternative: unknown): boolean {
    const schema = deref(this.spec, alternative);
    if (!isObject(schema)) return false;
    const objectLike =
      schema['type'] === 'object' || (schema['type'] === undefined && isObject(schema['properties']));
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    return objectLike && required.length === 0 && schema['additionalProperties'] !== false;
  }

  private nullable(out: JsonObject): JsonObject {
    const type = out['type'];
    if (typeof type === 'string') {
      out['type'] = [type, 'null'];
      if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
}

/** Turns a parameter schema into one Ajv can coerce a query or path string into. */
function parameterSchema(
  specName: string,
  schema: JsonObject,
  pointer: string,
  quirks: Map<string, AppliedQuirk>,
): JsonObject {
  // jira-software declares `type` (getAllBoards) and `state` (getAllSprints) as `{type: object}` with no
  // properties, but they are plain strings such as `scrum` or `active,future`.
  if (schema['type'] === 'object' && !isObject(schema['properties'])) {
    noteQuirk(quirks, { spec: specName, quirk: 'object-typed-parameter', pointer });
    return { type: 'string' };
  }
  return schema;
}

/** Applies contract/overlays.json to one spec, in place; an entry that points nowhere is a mistake. */
function applyOverlays(
  specName: string,
  spec: JsonObject,
  overlays: OverlaysFile,
  quirks: Map<string, AppliedQuirk>,
): void {
  for (const widen of overlays.widenedEnums.filter((w) => w.spec === specName)) {
    const target = resolvePointer(spec, widen.pointer);
    if (!isObject(target) || !Array.isArray(target['enum'])) {
      throw new Error(`contract/overlays.json: ${specName}${widen.pointer} is not an enum schema`);
    }
    const known = target['enum'] as unknown[];
    target['enum'] = [...known, ...widen.add.filter((value) => !known.includes(value))];
    noteQuirk(quirks, { spec: specName, quirk: 'widened-enum', pointer: widen.pointer });
  }
  for (const added of overlays.addedProperties.filter((a) => a.spec === specName)) {
    const target = resolvePointer(spec, added.pointer);
    if (!isObject(target) || !isObject(target['properties'])) {
      throw new Error(`contract/overlays.json: ${specName}${added.pointer} is not an object schema`);
    }
    target['properties'] = { ...target['properties'], ...added.properties };
    noteQuirk(quirks, { spec: specName, quirk: 'added-properties', pointer: added.pointer });
  }
}

function errorText(error: ErrorObject): string {
  const where = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (typeof params['additionalProperty'] === 'string') detail = ` (${params['additionalProperty']})`;
  else if (Array.isArray(params['allowedValues']))
    detail = ` (${params['allowedValues'].map(String).join(', ')})`;
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

function pickMedia(content: Record<string, JsonObject>, mediaType: string | undefined): string | undefined {
  const declared = Object.keys(content);
  if (mediaType === undefined) return declared.find((type) => JSON_MEDIA.test(type)) ?? declared[0];
  return (
    declared.find((type) => type.toLowerCase() === mediaType) ??
    declared.find((type) => type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1))) ??
    declared.find((type) => type === '*/*')
  );
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

class Contract {
  private readonly operations: Operation[] = [];
  private readonly ajv: Record<Direction | 'parameters', Ajv>;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly platformStatuses: Set<string>;
  readonly quirks = new Map<string, AppliedQuirk>();

  constructor() {
    const contract = readJson('operations.json') as ContractFile;
    const overlays = readJson('overlays.json') as OverlaysFile;
    this.platformStatuses = new Set(Object.keys(overlays.platformStatuses));
    const options = { strict: false, allErrors: true, allowUnionTypes: true, logger: false } as const;
    this.ajv = {
      request: new Ajv(options),
      response: new Ajv(options),
      // Query and path values arrive as strings; `array` also wraps a single value of an array parameter.
      parameters: new Ajv({ ...options, coerceTypes: 'array' }),
    };
    const formats = new Set<string>();
    for (const [specName, { file, basePath }] of Object.entries(contract.specs)) {
      const spec = readJson('openapi', file) as JsonObject;
      applyOverlays(specName, spec, overlays, this.quirks);
      const components =
        isObject(spec['components']) && isObject(spec['components']['schemas'])
          ? spec['components']['schemas']
          : {};
      const rewriters = {
        request: new SchemaRewriter(specName, spec, 'request', this.quirks),
        response: new SchemaRewriter(specName, spec, 'response', this.quirks),
      };
      for (const direction of ['request', 'response'] as const) {
        const rewriter = rewriters[direction];
        const schemas = Object.fromEntries(
          Object.entries(components).map(([name, schema]) => [
            name,
            rewriter.rewrite(schema, `/components/schemas/${name}`),
          ]),
        );
        const document = { $id: schemaId(specName, direction), components: { schemas } };
        this.ajv[direction].addSchema(document);
        if (direction === 'request') this.ajv.parameters.addSchema(document);
      }
      for (const operation of contract.operations.filter((op) => op.spec === specName)) {
        this.operations.push(this.loadOperation(specName, spec, basePath, operation, rewriters, overlays));
      }
      for (const rewriter of Object.values(rewriters))
        for (const format of rewriter.formats) formats.add(format);
    }
    for (const instance of Object.values(this.ajv)) this.addFormats(instance, formats);
  }

  private addFormats(ajv: Ajv, used: Set<string>): void {
    addFormats(ajv);
    // ajv-formats' `url` refuses localhost and private addresses, where the emulator runs; Atlassian's
    // `url`/`URL` fields are plain absolute URIs.
    const uri = addFormats.get('uri');
    ajv.addFormat('url', uri);
    ajv.addFormat('URL', uri);
    // Formats neither JSON Schema nor OpenAPI defines are annotations, not checks.
    for (const format of used) if (!ajv.formats[format]) ajv.addFormat(format, true);
  }

  private loadOperation(
    specName: string,
    spec: JsonObject,
    basePath: string,
    listed: ContractFile['operations'][number],
    rewriters: Record<Direction, SchemaRewriter>,
    overlays: OverlaysFile,
  ): Operation {
    const pathItem = resolvePointer(spec, `/paths/${escapePointer(listed.path)}`);
    const method = listed.method.toLowerCase();
    const operation = isObject(pathItem) ? pathItem[method] : undefined;
    if (!isObject(pathItem) || !isObject(operation) || operation['operationId'] !== listed.operationId) {
      throw new Error(
        `contract/openapi/${specName}: ${listed.method} ${listed.path} (${listed.operationId}) is missing; run npm run contract:prune`,
      );
    }
    const pointer = `/paths/${escapePointer(listed.path)}/${method}`;
    const byKey = new Map<string, Parameter>();
    const pathLevel = Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : [];
    const opLevel = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
    for (const raw of [...pathLevel, ...opLevel]) {
      const parameter = deref(spec, raw);
      if (
        !isObject(parameter) ||
        typeof parameter['name'] !== 'string' ||
        typeof parameter['in'] !== 'string'
      )
        continue;
      const where = `${pointer}/parameters/${parameter['name']}`;
      const schema = parameterSchema(
        specName,
        isObject(parameter['schema']) ? parameter['schema'] : {},
        where,
        this.quirks,
      );
      byKey.set(`${parameter['in']}:${parameter['name']}`, {
        name: parameter['name'],
        in: parameter['in'],
        required: parameter['required'] === true || parameter['in'] === 'path',
        explode: parameter['explode'] !== false && (parameter['style'] ?? 'form') === 'form',
        schema: rewriters.request.rewrite(schema, where) as JsonObject,
      });
    }
    const mediaSchemas = (
      content: unknown,
      direction: Direction,
      at: string,
    ): Record<string, JsonObject> | undefined => {
      if (!isObject(content) || Object.keys(content).length === 0) return undefined;
      return Object.fromEntries(
        Object.entries(content).map(([type, media]) => [
          type,
          isObject(media) && media['schema'] !== undefined
            ? (rewriters[direction].rewrite(media['schema'], `${at}/${type}/schema`) as JsonObject)
            : {},
        ]),
      );
    };
    const body = deref(spec, operation['requestBody']);
    const responses: Operation['responses'] = {};
    for (const [status, raw] of Object.entries(
      isObject(operation['responses']) ? operation['responses'] : {},
    )) {
      const response = deref(spec, raw);
      const at = `${pointer}/responses/${status}/content`;
      const content = isObject(response) && isObject(response['content']) ? { ...response['content'] } : {};
      for (const supplied of overlays.responseSchemas.filter(
        (o) => o.operationId === listed.operationId && o.status === status,
      )) {
        const media = content[supplied.mediaType];
        if (!isObject(media) || media['schema'] !== undefined) {
          throw new Error(
            `contract/overlays.json: ${listed.operationId} ${status} ${supplied.mediaType} must exist and have no schema`,
          );
        }
        content[supplied.mediaType] = { ...media, schema: supplied.schema };
        noteQuirk(this.quirks, { spec: specName, quirk: 'response-without-schema', pointer: at });
      }
      responses[status] = { content: mediaSchemas(content, 'response', at) };
    }
    const pathTemplate = `${basePath}${listed.path}`;
    const paramNames: string[] = [];
    const segments = pathTemplate.split('/').slice(1);
    const pattern = segments
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (param?.[1] !== undefined) {
          paramNames.push(param[1]);
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return {
      operationId: listed.operationId,
      spec: specName,
      method: listed.method.toUpperCase(),
      specPath: listed.path,
      pathTemplate,
      matcher: new RegExp(`^/${pattern}$`),
      paramNames,
      literalSegments: segments.length - paramNames.length,
      parameters: [...byKey.values()],
      requestBody: isObject(body)
        ? {
            required: body['required'] === true,
            content: mediaSchemas(body['content'], 'request', `${pointer}/requestBody/content`) ?? {},
          }
        : undefined,
      responses,
      extraStatuses: new Set(
        overlays.undeclaredStatuses.filter((u) => u.operationId === listed.operationId).map((u) => u.status),
      ),
    };
  }

  list(): ListedOperation[] {
    return this.operations.map(({ operationId, method, pathTemplate, spec }) => ({
      operationId,
      method,
      pathTemplate,
      spec,
    }));
  }

  match(
    method: string,
    path: string,
  ): { operation: Operation; pathParams: Record<string, string> } | undefined {
    const pathname = path.split(/[?#]/)[0] ?? '';
    const upper = method.toUpperCase();
    let best: { operation: Operation; pathParams: Record<string, string> } | undefined;
    for (const operation of this.operations) {
      if (operation.method !== upper) continue;
      const found = operation.matcher.exec(pathname);
      if (!found || (best && best.operation.literalSegments >= operation.literalSegments)) continue;
      const pathParams: Record<string, string> = {};
      operation.paramNames.forEach((name, i) => {
        const raw = found[i + 1] ?? '';
        try {
          pathParams[name] = decodeURIComponent(raw);
        } catch {
          pathParams[name] = raw;
        }
      });
      best = { operation, pathParams };
    }
    return best;
  }

  validator(key: string, ajv: Ajv, schema: JsonObject): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  validateResponse(x: ResponseExchange): string[] {
    const matched = this.match(x.method, x.path);
    if (!matched)
      return [`${x.method.toUpperCase()} ${x.path}: no operation in contract/operations.json matches`];
    const { operation } = matched;
    const status = String(x.status);
    const label = `${operation.operationId} (${operation.method} ${operation.pathTemplate}) ${status} response`;
    const declaredKey =
      status in operation.responses
        ? status
        : `${status[0] ?? ''}XX` in operation.responses
          ? `${status[0] ?? ''}XX`
          : 'default' in operation.responses
            ? 'default'
            : undefined;
    if (declaredKey === undefined) {
      if (operation.extraStatuses.has(status) || this.platformStatuses.has(status)) return [];
      return [
        `${label}: status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    if (x.status === 204 && !isEmptyBody(x.body)) return [`${label}: a 204 response must have no body`];
    const content = operation.responses[declaredKey]?.content;
    if (content === undefined) return [];
    const mediaType = mediaTypeOf(x.contentType);
    const media = pickMedia(content, mediaType);
    if (media === undefined) {
      return [
        `${label}: content type ${x.contentType ?? '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`,
      ];
    }
    if (!JSON_MEDIA.test(media) && media !== '*/*') return [];
    const schema = content[media] ?? {};
    const validate = this.validator(
      `${operation.operationId}:res:${declaredKey}:${media}`,
      this.ajv.response,
      schema,
    );
    return validate(x.body) ? [] : (validate.errors ?? []).map((error) => `${label}: ${errorText(error)}`);
  }

  validateRequest(x: RequestExchange): string[] {
    const matched = this.match(x.method, x.path);
    if (!matched)
      return [`${x.method.toUpperCase()} ${x.path}: no operation in contract/operations.json matches`];
    const { operation, pathParams } = matched;
    const label = `${operation.operationId} (${operation.method} ${operation.pathTemplate}) request`;
    const errors: string[] = [];
    const query = x.query ?? Object.fromEntries(groupQuery(new URLSearchParams(x.path.split('?')[1] ?? '')));
    for (const name of Object.keys(query)) {
      if (!operation.parameters.some((p) => p.in === 'query' && p.name === name))
        errors.push(`${label}: unknown query parameter ${name}`);
    }
    for (const location of ['path', 'query'] as const) {
      const values: Record<string, unknown> = {};
      const parameters = operation.parameters.filter((p) => p.in === location);
      for (const parameter of parameters) {
        const raw = location === 'path' ? pathParams[parameter.name] : query[parameter.name];
        if (raw === undefined) continue;
        const list = Array.isArray(raw) ? raw : [raw];
        const split =
          !parameter.explode && isObject(parameter.schema) && parameter.schema['type'] === 'array';
        values[parameter.name] = split
          ? list.flatMap((value) => value.split(','))
          : Array.isArray(raw)
            ? [...raw]
            : raw;
      }
      const schema = {
        type: 'object',
        properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
        required: parameters.filter((p) => p.required).map((p) => p.name),
      };
      const validate = this.validator(`${operation.operationId}:${location}`, this.ajv.parameters, schema);
      if (!validate(values)) {
        for (const error of validate.errors ?? [])
          errors.push(`${label}: ${location} parameter ${errorText(error)}`);
      }
    }
    errors.push(...this.validateRequestBody(operation, label, x));
    return errors;
  }

  private validateRequestBody(operation: Operation, label: string, x: RequestExchange): string[] {
    const declared = operation.requestBody;
    if (declared === undefined)
      return isEmptyBody(x.body) ? [] : [`${label}: the operation takes no request body`];
    if (isEmptyBody(x.body)) return declared.required ? [`${label}: the request body is required`] : [];
    const mediaType = mediaTypeOf(x.contentType);
    const media = pickMedia(declared.content, mediaType);
    if (media === undefined) {
      return [
        `${label}: content type ${x.contentType ?? '(none)'} is not declared (declared: ${Object.keys(declared.content).join(', ')})`,
      ];
    }
    // A multipart body arrives as bytes; its parts are the server's to parse.
    if (!JSON_MEDIA.test(media)) return [];
    const validate = this.validator(
      `${operation.operationId}:req:${media}`,
      this.ajv.request,
      declared.content[media] ?? {},
    );
    return validate(x.body)
      ? []
      : (validate.errors ?? []).map((error) => `${label}: body ${errorText(error)}`);
  }
}

function groupQuery(params: URLSearchParams): Map<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const [name, value] of params) {
    const existing = grouped.get(name);
    grouped.set(
      name,
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value],
    );
  }
  return grouped;
}

let contract: Contract | undefined;

function loaded(): Contract {
  contract ??= new Contract();
  return contract;
}

/** The listed operation a request for `pathname` (e.g. `/wiki/api/v2/pages/123`) would reach, if any. */
export function findOperation(method: string, pathname: string): OperationRef | undefined {
  const matched = loaded().match(method, pathname);
  if (!matched) return undefined;
  const { operationId, spec, pathTemplate } = matched.operation;
  return { operationId, spec, pathTemplate };
}

/** Problems with a response, each naming the operation, the status and the JSON pointer; [] when valid. */
export function validateResponse(x: ResponseExchange): string[] {
  return loaded().validateResponse(x);
}

/** Problems with a request's path and query parameters and its JSON body; [] when valid. */
export function validateRequest(x: RequestExchange): string[] {
  return loaded().validateRequest(x);
}

export function listOperations(): ListedOperation[] {
  return loaded().list();
}

/** The spec rewrites that were needed while loading, so tests can pin them down. */
export function appliedQuirks(): AppliedQuirk[] {
  return [...loaded().quirks.values()];
}
