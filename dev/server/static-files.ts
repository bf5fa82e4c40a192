import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

// @fastify/static pulls in an ESM-only dependency (content-disposition 3) that Jest's CommonJS runtime
// cannot load on Node 20, and the browser test runs this server inside Jest; a few built files need no more.
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under root that a URL path names, or undefined when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const segments = decoded.split(/[\\/]/);
  if (decoded.includes('\0') || segments.includes('..')) return undefined;
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, ...segments.filter((segment) => segment !== '' && segment !== '.'));
  return file.startsWith(resolvedRoot + path.sep) ? file : undefined;
}

/** Serves the files under `root` at `prefix` (GET and HEAD), with extra headers on every answer. */
export function serveDirectory(
  app: FastifyInstance,
  options: { prefix: string; root: string; headers?: Record<string, string> },
): void {
  const prefix = options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  app.route<{ Params: { '*': string } }>({
    method: ['GET', 'HEAD'],
    url: `${prefix}*`,
    handler: async (request, reply) => {
      const file = resolveInside(options.root, request.params['*']);
      const info = file ? await stat(file).catch(() => undefined) : undefined;
      if (!file || !info?.isFile()) return reply.callNotFound();
      reply
        .headers(options.headers ?? {})
        .header('content-type', contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
        .header('content-length', info.size)
        .header('cache-control', 'no-cache');
      return request.method === 'HEAD' ? reply.send() : reply.send(createReadStream(file));
    },
  });
}
