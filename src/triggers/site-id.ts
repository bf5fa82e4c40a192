/** The installation's site from a trigger's or consumer's context (per-site caches key on it). */
export function siteIdOf(context: unknown): string {
  const installContext =
    typeof context === 'object' && context !== null && 'installContext' in context
      ? context.installContext
      : undefined;
  return typeof installContext === 'string' ? installContext : 'unknown-site';
}
