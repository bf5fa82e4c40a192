import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else /usr/bin/chromium, if that file exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string; found: boolean } {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return { path, found: existsSync(path) };
}

/**
 * The Chromium to run browser tests with, or undefined to skip them. Skipping is loud, and on CI
 * (env CI set) a missing browser fails the run instead: there it means the pipeline is broken.
 */
export function chromiumOrSkip(suite: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { path, found } = findChromium(env);
  if (found) return path;
  const message = `BROWSER TESTS SKIPPED: no Chromium at ${path} (set CHROMIUM_PATH) — "${suite}" did not run.`;
  if (env.CI)
    throw new Error(
      `${message.replace('SKIPPED', 'CANNOT RUN')} CI is set, so this fails instead of skipping.`,
    );
  const rule = '!'.repeat(Math.min(message.length, 100));
  console.warn(`\n${rule}\n${message}\n${rule}\n`);
  return undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
