import type { MouseEvent } from 'react';
import type { Evidence, HandoverItem } from '../../../../src/contract';
import { openIssue } from '../host';
import { shortUrl } from './completion-model';

/** An issue key that opens the issue in Jira (the app runs in an iframe); modified clicks open the real URL. */
export function IssueLink({ issueKey, siteUrl }: { issueKey: string; siteUrl: string | undefined }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (siteUrl && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    openIssue(issueKey);
  };
  return (
    <a href={siteUrl ? `${siteUrl}/browse/${issueKey}` : `#${issueKey}`} onClick={onClick}>
      {issueKey}
    </a>
  );
}

/** A web link in a new tab (only http(s) links are ever stored). */
export function WebLink({ url, label }: { url: string; label?: string }) {
  return (
    <a href={url} target="_blank" rel="noreferrer" title={url}>
      {label || shortUrl(url)}
    </a>
  );
}

export function EvidenceList({
  evidence,
  siteUrl,
}: {
  evidence: readonly Evidence[];
  siteUrl: string | undefined;
}) {
  if (evidence.length === 0) return <>—</>;
  return (
    <ul style={{ margin: 0, paddingLeft: '16px' }}>
      {evidence.map((e) => (
        <li key={e.kind === 'issue' ? e.key : e.url}>
          {e.kind === 'issue' ? <IssueLink issueKey={e.key} siteUrl={siteUrl} /> : <WebLink url={e.url} />}
        </li>
      ))}
    </ul>
  );
}

export function HandoverItemView({ item, siteUrl }: { item: HandoverItem; siteUrl: string | undefined }) {
  return item.kind === 'issue' ? <IssueLink issueKey={item.key} siteUrl={siteUrl} /> : <>{item.text}</>;
}
