import type { MouseEvent } from 'react';
import { openIssue } from '../host';

const ISSUE_KEY = /([A-Z][A-Z0-9_]*-[1-9][0-9]*)/;

/** Text with every issue key a link that opens the issue in Jira (the app runs in an iframe). */
export function IssueText({ text, siteUrl }: { text: string; siteUrl: string | undefined }) {
  const parts = text.split(ISSUE_KEY);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
          if (siteUrl && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
          event.preventDefault();
          openIssue(part);
        };
        return (
          <a key={`${part}-${i}`} href={siteUrl ? `${siteUrl}/browse/${part}` : `#${part}`} onClick={onClick}>
            {part}
          </a>
        );
      })}
    </>
  );
}
