// Evidence and handover items are typed by the user as one line each: an issue key, else a link (or, for
// handover items, a description). Links are http(s) only, so no other scheme reaches a page or the UI.
import type { Evidence, HandoverItem } from './types';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
export const LINK_MAX = 2000;

export const isIssueKey = (value: string): boolean => value.length <= 64 && ISSUE_KEY.test(value);

/** An absolute http(s) URL with a host, as typed; null otherwise. */
export function webLink(value: string): string | null {
  if (value.length > LINK_MAX || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return null;
  return value;
}

/** `PAY-12` → an issue; `https://…` → a link; anything else → null. */
export function parseEvidence(value: string): Evidence | null {
  const trimmed = value.trim();
  if (isIssueKey(trimmed)) return { kind: 'issue', key: trimmed };
  const url = webLink(trimmed);
  return url === null ? null : { kind: 'link', url };
}

/** An issue key is handed over as the issue; anything else is a description of what is handed over. */
export function parseHandoverItem(value: string): HandoverItem {
  const trimmed = value.trim();
  return isIssueKey(trimmed) ? { kind: 'issue', key: trimmed } : { kind: 'description', text: trimmed };
}

export const evidenceText = (e: Evidence): string => (e.kind === 'issue' ? e.key : e.url);
export const handoverItemText = (i: HandoverItem): string => (i.kind === 'issue' ? i.key : i.text);
