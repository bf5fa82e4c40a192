import SectionMessage from '@atlaskit/section-message';

/** Nothing to show yet: tell the TPM how a program comes to exist. */
export function NoPrograms() {
  return (
    <SectionMessage title="No programs yet" appearance="discovery" testId="no-programs">
      <p>
        A program groups the epics several teams deliver toward one goal. Create a program and give it a JQL
        scope, for example <code>issuetype = Epic AND project in (PAY, ID)</code>; its epics then appear here
        with their teams, status and progress.
      </p>
      <p>If a program exists but you don’t see it, ask its TPM to add you as an owner.</p>
    </SectionMessage>
  );
}
