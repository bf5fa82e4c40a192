import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ProgramStatusView } from '../../../../src/contract';
import { RAG_APPEARANCE, RAG_WORD } from './status-model';

const subtle = { margin: 0, color: token('color.text.subtle') } as const;

/** The program's RAG, the one line on where it stands, every reason worst first, and what limits it. */
export function RagSummary({ view }: { view: ProgramStatusView }) {
  const { rag } = view;
  return (
    <section
      aria-labelledby="status-rag-heading"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}
    >
      <div
        style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap' }}
      >
        <h3
          id="status-rag-heading"
          style={{ margin: 0, font: token('font.heading.small', '600 16px/20px sans-serif') }}
        >
          Status
        </h3>
        <Lozenge appearance={RAG_APPEARANCE[rag.status]} isBold testId="status-rag">
          {RAG_WORD[rag.status]}
        </Lozenge>
        <span style={subtle} data-testid="status-as-of">
          as of {view.today}
        </span>
      </div>
      <p style={{ margin: 0 }} data-testid="status-summary">
        {rag.summary}
      </p>
      {rag.reasons.length > 0 ? (
        <ul
          data-testid="status-reasons"
          aria-label="Why this status"
          style={{ margin: 0, paddingLeft: token('space.250', '20px') }}
        >
          {rag.reasons.map((reason, i) => (
            <li key={`${reason.source}-${i}`} data-level={reason.level}>
              <Lozenge appearance={RAG_APPEARANCE[reason.level]}>{RAG_WORD[reason.level]}</Lozenge>{' '}
              {reason.text}
            </li>
          ))}
        </ul>
      ) : (
        <p style={subtle} data-testid="status-no-reasons">
          Nothing weighs on the status: progress is where the plan expects it, no milestone is late and no
          risk is above the program’s thresholds.
        </p>
      )}
      {rag.limitations.length > 0 && (
        <SectionMessage
          appearance="information"
          title="What this status cannot see"
          testId="status-limitations"
        >
          <ul style={{ margin: 0 }}>
            {rag.limitations.map((limitation) => (
              <li key={limitation}>{limitation}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
    </section>
  );
}
