// Stands in for `@atlaskit/feature-gate-js-client/feature-gates` in the Custom UI builds (see vite-base.ts).
// Atlaskit components ask that client (Statsig, ~115 KB of the first load) for gates and experiments; no one
// initialises it inside a Forge Custom UI iframe, and an uninitialised client answers every gate `false` and
// every experiment value its default. This answers the same, without shipping or evaluating the client.
const FeatureGates = {
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  checkGate: (_gateName: string, _options?: object): boolean => false,
  getExperimentValue: <T>(
    _experimentName: string,
    _parameterName: string,
    defaultValue: T,
    _options?: object,
  ): T => defaultValue,
};

export default FeatureGates;
