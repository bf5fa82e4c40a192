/** Orders issue keys as people read them: by project, then by number (PAY-2 before PAY-10). */
export function compareIssueKeys(a: string, b: string): number {
  const dashA = a.lastIndexOf('-');
  const dashB = b.lastIndexOf('-');
  const projectA = dashA < 0 ? a : a.slice(0, dashA);
  const projectB = dashB < 0 ? b : b.slice(0, dashB);
  if (projectA !== projectB) return projectA < projectB ? -1 : 1;
  const numberA = Number(a.slice(dashA + 1));
  const numberB = Number(b.slice(dashB + 1));
  if (Number.isFinite(numberA) && Number.isFinite(numberB) && numberA !== numberB) return numberA - numberB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Link ids are numeric strings on Jira; compare them as numbers when they are. */
export function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
