import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callAtlassian, parseRetryAfter } from './call';
import {
  BadRequestError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from '../../ports/atlassian-errors';

type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | 'drop';

/** A real HTTP server answering from a script of replies, one per request. */
async function scriptedServer(
  replies: Reply[],
): Promise<{ url: string; hits: number[]; close: () => Promise<void> }> {
  const hits: number[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(Date.now());
    const reply = replies[Math.min(hits.length - 1, replies.length - 1)] ?? { status: 200 };
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rest/api/3/field`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const fastPolicy = { baseDelayMs: 10, maxDelayMs: 40 };

describe('callAtlassian', () => {
  it('retries a 429 only after the Retry-After it was given', async () => {
    const server = await scriptedServer([
      { status: 429, headers: { 'retry-after': '1' }, body: { errorMessages: ['Rate limit exceeded'] } },
      { status: 200, body: [] },
    ]);
    try {
      const response = await callAtlassian('getFields', () => fetch(server.url), { policy: fastPolicy });
      expect(response.status).toBe(200);
      expect(server.hits).toHaveLength(2);
      expect(server.hits[1]! - server.hits[0]!).toBeGreaterThanOrEqual(1000);
    } finally {
      await server.close();
    }
  });

  it('retries a 503 a bounded number of times, then surfaces a ServerError', async () => {
    const server = await scriptedServer([{ status: 503, body: { errorMessages: ['Service unavailable'] } }]);
    try {
      const call = callAtlassian('getFields', () => fetch(server.url), {
        policy: { ...fastPolicy, maxRetries: 3 },
      });
      await expect(call).rejects.toBeInstanceOf(ServerError);
      await expect(call).rejects.toMatchObject({ status: 503, operation: 'getFields' });
      expect(server.hits).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('does not retry a 400 and keeps Jira’s error message', async () => {
    const server = await scriptedServer([
      { status: 400, body: { errorMessages: ["Field 'foo' does not exist"] } },
    ]);
    try {
      const call = callAtlassian('searchAndReconsileIssuesUsingJqlPost', () => fetch(server.url), {
        policy: fastPolicy,
      });
      await expect(call).rejects.toBeInstanceOf(BadRequestError);
      await expect(call).rejects.toThrow("Field 'foo' does not exist");
      expect(server.hits).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('retries a dropped connection and succeeds on the next answer', async () => {
    const server = await scriptedServer(['drop', { status: 200, body: [] }]);
    try {
      const response = await callAtlassian('getFields', () => fetch(server.url), { policy: fastPolicy });
      expect(response.status).toBe(200);
      expect(server.hits).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('does not resend a non-idempotent create after a dropped connection', async () => {
    const server = await scriptedServer(['drop', { status: 200, body: {} }]);
    try {
      const call = callAtlassian('createPage', () => fetch(server.url, { method: 'POST' }), {
        idempotent: false,
        policy: fastPolicy,
      });
      await expect(call).rejects.toBeInstanceOf(NetworkError);
      expect(server.hits).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('gives up on a 429 whose Retry-After is longer than it may wait, telling when to come back', async () => {
    const server = await scriptedServer([{ status: 429, headers: { 'retry-after': '120' } }]);
    try {
      const call = callAtlassian('getFields', () => fetch(server.url), { policy: fastPolicy });
      await expect(call).rejects.toBeInstanceOf(RateLimitError);
      await expect(call).rejects.toMatchObject({ retryAfterMs: 120000 });
    } finally {
      await server.close();
    }
  });

  it('returns an accepted status such as 404 for "no property yet" instead of throwing', async () => {
    const server = await scriptedServer([{ status: 404, body: { errorMessages: ['not found'] } }]);
    try {
      const response = await callAtlassian('getIssueProperty', () => fetch(server.url), { accept: [404] });
      expect(response.status).toBe(404);
      await expect(callAtlassian('getIssueProperty', () => fetch(server.url))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    } finally {
      await server.close();
    }
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1000],
    ['0', 0],
    ['', undefined],
    ['soon', undefined],
  ])('reads %p as %p ms', (value, expected) => {
    expect(parseRetryAfter(value)).toBe(expected);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30000);
  });
});
