/**
 * The local Forge runtime (DESIGN §5): lets the real @forge/api 8.3.0, @forge/kvs 1.6.5 and
 * @forge/resolver 2.0.1 run off Forge, against the emulator or a real site.
 *
 *   const runtime = installForgeRuntime({ site: emulatorSite(url, users, appToken), kvsFile: '.data/kvs.json' });
 *   await runtime.invoke(resolver.getDefinitions(), { key: 'program/list', payload: {}, accountId });
 *   await runtime.runTrigger(publishStatus);   // no user: asUser() fails as on Forge
 *   await runtime.queues.drain();               // delivers what @forge/events pushed to the manifest's consumers
 *   runtime.uninstall();
 */
export {
  installForgeRuntime,
  LOCAL_APP_ID,
  LOCAL_CLOUD_ID,
  type ForgeRuntimeOptions,
  type InvokeCall,
  type LocalForgeRuntime,
  type ResolverEvent,
  type ResolverHandler,
} from './runtime';
export {
  LocalQueues,
  MAX_RETRIES,
  type AsyncEvent,
  type ConsumerDeclaration,
  type ConsumerHandler,
  type Delivery,
  type DrainReport,
  type QueuedEvent,
  type RetryContext,
} from './queues';
export { manifestConsumers } from './manifest-consumers';
export { emulatorSite, realSiteFromEnv, type EmulatorUser, type SiteConnection } from './site';
export {
  LocalKvsStore,
  type EntityDeclaration,
  type EntityIndexDeclaration,
  type KvsReply,
  type KvsSnapshot,
  type LocalKvsStoreOptions,
} from './kvs-store';
