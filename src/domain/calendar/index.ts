export * from './types';
export * from './quarter';
export * from './sprints';
