import SectionMessage from '@atlaskit/section-message';

/** What the app could not read from this site, said plainly; the table still shows everything else. */
export function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <SectionMessage
      appearance="information"
      title="Some details could not be read"
      testId="initiative-warnings"
    >
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </SectionMessage>
  );
}
