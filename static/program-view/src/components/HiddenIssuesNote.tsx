import { token } from '@atlaskit/tokens';

/**
 * Says that what the tab shows leaves out issues in projects the viewer cannot browse (the app counts them,
 * never names them); nothing when none were left out. To someone who edits here it adds that their saves keep
 * those issues (the app puts them back).
 */
export function HiddenIssuesNote({ count, editable }: { count: number | undefined; editable: boolean }) {
  if (!count) return null;
  return (
    <p
      style={{ margin: 0, color: token('color.text.subtle') }}
      data-testid="hidden-issues-note"
      data-count={count}
    >
      {count === 1 ? '1 issue' : `${count} issues`} in projects you cannot browse in Jira{' '}
      {count === 1 ? 'is' : 'are'} left out here.
      {editable && ` What you save keeps ${count === 1 ? 'it' : 'them'}.`}
    </p>
  );
}
