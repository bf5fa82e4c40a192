export * from './types';
export { schedule } from './schedule';
