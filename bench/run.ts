// `npm run bench`: measures and prints one JSON object per line. It never fails on a number; tests gate
// behaviour, this records how fast. `npm run bench -- scope` runs only the named modules.
import { emit, type Emit } from './emit';
import * as graph from './graph';
import * as emulator from './emulator';
import * as platform from './platform';
import * as scope from './scope';
import * as plan from './plan';
import * as macro from './macro'; // status macro
import * as publish from './publish'; // publishing
import * as uiBundle from './ui-bundle'; // UI bundle sizes
import * as uiFirstRender from './ui-first-render'; // UI first render

const modules: Record<string, { run(emit: Emit): Promise<void> }> = {
  scope,
  graph,
  plan,
  macro, // status macro
  publish, // publishing
  'ui-bundle': uiBundle, // UI bundle sizes
  'ui-first-render': uiFirstRender, // UI first render
  platform,
  emulator,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, module] of Object.entries(modules))
    if (only.length === 0 || only.includes(name)) await module.run(emit);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
