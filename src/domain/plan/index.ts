export * from './types';
export * from './commitments';
export * from './commitment-property';
export * from './baseline';
export * from './team-okrs';
export * from './estimates';
