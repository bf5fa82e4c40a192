// The transition to support: what the receiving team takes over, and whether it accepted.
import { CompletionRuleError } from './lessons';
import type { Handover, HandoverState, HandoverTerms } from './types';

export const HANDOVER_ID = 'handover';

export interface HandoverInput extends HandoverTerms {
  /** Set when no transition to support is needed: the reason is kept on record. */
  waiverReason: string | null;
}

const PENDING = { status: 'pending', by: null, at: null, note: '' } as const;

const termsOf = (h: HandoverTerms): HandoverTerms => ({
  receivingTeam: h.receivingTeam,
  contactAccountId: h.contactAccountId,
  items: h.items,
  links: h.links,
  handoverDate: h.handoverDate,
});

const sameTerms = (a: HandoverTerms, b: HandoverTerms) =>
  JSON.stringify(termsOf(a)) === JSON.stringify(termsOf(b));

/**
 * Writes the handover. A handover needs a receiving team unless it is waived; changing the terms the
 * receiving team answered for asks for its acceptance again.
 */
export function saveHandover(
  current: Handover | undefined,
  input: HandoverInput,
  by: string,
  at: string,
): Handover {
  const reason = input.waiverReason?.trim() ?? '';
  if (!reason && !input.receivingTeam.trim())
    throw new CompletionRuleError(
      'Name the receiving team, or waive the handover with a reason.',
      'fields.receivingTeam',
    );
  const terms = termsOf({ ...input, receivingTeam: input.receivingTeam.trim() });
  const keepsAnswer = current !== undefined && sameTerms(current, terms);
  const waiver = reason
    ? current?.waiver && current.waiver.reason === reason
      ? current.waiver
      : { reason, by, at }
    : null;
  return {
    id: HANDOVER_ID,
    ...terms,
    waiver,
    acceptance: keepsAnswer ? current.acceptance : { ...PENDING },
    updatedBy: by,
    updatedAt: at,
  };
}

/** The receiving team's answer; a rejection says why. */
export function answerHandover(
  handover: Handover,
  decision: 'accepted' | 'rejected',
  note: string,
  by: string,
  at: string,
): Handover {
  if (handover.waiver)
    throw new CompletionRuleError('The handover is waived: there is nothing to accept.', 'decision');
  if (handover.items.length === 0)
    throw new CompletionRuleError('List what is handed over before the receiving team answers.', 'decision');
  if (decision === 'rejected' && !note.trim())
    throw new CompletionRuleError('Say why the handover is rejected.', 'note');
  return { ...handover, acceptance: { status: decision, by, at, note: note.trim() } };
}

export function handoverState(handover: Handover | null | undefined): HandoverState {
  if (!handover) return 'none';
  if (handover.waiver) return 'waived';
  return handover.acceptance.status;
}
