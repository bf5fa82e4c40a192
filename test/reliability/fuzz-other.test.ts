// Every other resolver key fuzzed (epic panel, publishing, macro, status, completion, risks): a key added in
// a new area lands here and fails until it has a valid payload in fuzz-payloads.ts.
import { fuzzShard } from './fuzz-harness';

fuzzShard('other areas', (key) => !key.startsWith('program/') && !key.startsWith('plan/'));
