// The `programs.membership` issue property as data: pure reads and edits that never drop what they do not own.

export interface Membership {
  programIds: string[];
  /** Everything else in the stored value, kept as it was. */
  rest: Record<string, unknown>;
}

export function parseMembership(value: unknown): Membership {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { programIds: [], rest: {} };
  const { programIds, ...rest } = value as Record<string, unknown>;
  const ids = Array.isArray(programIds)
    ? programIds.filter((id): id is string => typeof id === 'string')
    : [];
  return { programIds: [...new Set(ids)], rest };
}

export interface MembershipEdit {
  /** The whole value to store. */
  value: Record<string, unknown>;
  programIds: string[];
  /** False when the property already said what was asked: nothing needs writing. */
  changed: boolean;
}

/** Adds the program after the others; adding it again changes nothing. */
export function withProgram(current: unknown, programId: string): MembershipEdit {
  const { programIds, rest } = parseMembership(current);
  const changed = !programIds.includes(programId);
  const next = changed ? [...programIds, programId] : programIds;
  return { value: { ...rest, programIds: next }, programIds: next, changed };
}

/** Removes the program and only it; removing it when absent changes nothing. */
export function withoutProgram(current: unknown, programId: string): MembershipEdit {
  const { programIds, rest } = parseMembership(current);
  const next = programIds.filter((id) => id !== programId);
  return {
    value: { ...rest, programIds: next },
    programIds: next,
    changed: next.length !== programIds.length,
  };
}
