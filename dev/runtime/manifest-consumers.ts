// The queue consumers manifest.yml declares (`consumer` modules and their functions), bound to the app's
// exported handlers, so the local runtime delivers each queue to the function Forge would call.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ConsumerDeclaration, ConsumerHandler } from './queues';

const manifestPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest.yml');

interface Manifest {
  modules?: {
    consumer?: Array<{ key: string; queue: string; function: string }>;
    function?: Array<{ key: string; handler: string; timeoutSeconds?: number }>;
  };
}

/** `app` is the module manifest handlers point into (`index.publishQueueConsumer` → src/index.ts). */
export function manifestConsumers(app: Record<string, unknown>, file = manifestPath): ConsumerDeclaration[] {
  const manifest = parse(readFileSync(file, 'utf8')) as Manifest;
  const functions = manifest.modules?.function ?? [];
  return (manifest.modules?.consumer ?? []).map((consumer) => {
    const fn = functions.find((f) => f.key === consumer.function);
    if (!fn)
      throw new Error(`Consumer ${consumer.key} names function ${consumer.function}, which is not declared`);
    const [moduleName, exportName] = fn.handler.split('.');
    const handler = exportName === undefined ? undefined : app[exportName];
    if (moduleName !== 'index' || typeof handler !== 'function')
      throw new Error(`Function ${fn.key}: the app exports no handler ${fn.handler}`);
    return {
      queue: consumer.queue,
      handler: handler as ConsumerHandler,
      moduleKey: consumer.key,
      ...(fn.timeoutSeconds === undefined ? {} : { timeoutSeconds: fn.timeoutSeconds }),
    };
  });
}
