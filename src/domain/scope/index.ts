export * from './types';
export * from './link-types';
export * from './issue-key';
export * from './rollup';
