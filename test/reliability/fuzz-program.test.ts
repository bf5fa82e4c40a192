// Every program/* resolver key fuzzed (initiation, scope, lookups, close and reopen).
import { fuzzShard } from './fuzz-harness';

fuzzShard('program', (key) => key.startsWith('program/'));
