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
export { emulatorSite, realSiteFromEnv, type EmulatorUser, type SiteConnection } from './site';
export {
  LocalKvsStore,
  type EntityDeclaration,
  type EntityIndexDeclaration,
  type KvsReply,
  type KvsSnapshot,
  type LocalKvsStoreOptions,
} from './kvs-store';
