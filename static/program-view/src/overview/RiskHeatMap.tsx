import { token } from '@atlaskit/tokens';
import type { ProgramOverview } from '../../../../src/contract';

const cellColour = (score: number) =>
  score >= 15
    ? token('color.background.danger.bold')
    : score >= 10
      ? token('color.background.danger')
      : score >= 5
        ? token('color.background.warning')
        : token('color.background.success');

/** 5×5: impact up the side (5 at the top), probability along the bottom. */
export function RiskHeatMap({
  overview,
}: {
  /** The Overview's, or the Risks tab's register (its pending risks among `risks`). */
  overview: Pick<ProgramOverview, 'heatMap'> & { risks: readonly { id: string; title: string }[] };
}) {
  const titleOf = (id: string) => overview.risks.find((r) => r.id === id)?.title ?? id;
  return (
    <table
      data-testid="risk-heat-map"
      aria-label="Risk heat map: impact by probability"
      style={{ borderCollapse: 'collapse' }}
    >
      <tbody>
        {[5, 4, 3, 2, 1].map((impact) => (
          <tr key={impact}>
            <th scope="row" style={{ padding: '0 8px', fontWeight: 'normal' }}>
              Impact {impact}
            </th>
            {[1, 2, 3, 4, 5].map((probability) => {
              const ids = overview.heatMap[impact - 1]?.[probability - 1] ?? [];
              return (
                <td
                  key={probability}
                  data-testid={`heat-cell-${impact}-${probability}`}
                  title={ids.map(titleOf).join('\n')}
                  style={{
                    width: 40,
                    height: 32,
                    textAlign: 'center',
                    border: `1px solid ${token('color.border')}`,
                    background: cellColour(impact * probability),
                    color: impact * probability >= 15 ? token('color.text.inverse') : undefined,
                  }}
                >
                  {ids.length || ''}
                </td>
              );
            })}
          </tr>
        ))}
        <tr>
          <td />
          {[1, 2, 3, 4, 5].map((p) => (
            <th key={p} style={{ fontWeight: 'normal' }}>
              P{p}
            </th>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
