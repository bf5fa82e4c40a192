// Every plan/* resolver key fuzzed (quarterly planning, baselines, the adjusted plan).
import { fuzzShard } from './fuzz-harness';

fuzzShard('plan', (key) => key.startsWith('plan/'));
