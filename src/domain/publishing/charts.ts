// Charts as standalone SVG files, uploaded as page attachments. All text is escaped; sizes are fixed so the
// same data always gives the same bytes (and the same hash).
import type { Risk } from '../risks/risk';
import { heatMap } from '../risks/risk';
import { escapeXml } from './storage-format';

export interface Chart {
  filename: string;
  alt: string;
  svg: string;
}

const CELL = 56;
const HEAT = ['#E3FCEF', '#FFF0B3', '#FFE380', '#FFAB00', '#FF8F73', '#DE350B'];

/** The 5×5 risk heat map: impact up, probability across, the number of live risks in each cell. */
export function riskHeatMapChart(risks: readonly Risk[]): Chart {
  const cells = heatMap(risks);
  const parts: string[] = [];
  for (let impact = 5; impact >= 1; impact--) {
    for (let probability = 1; probability <= 5; probability++) {
      const count = cells[impact - 1]?.[probability - 1]?.length ?? 0;
      const x = 40 + (probability - 1) * CELL;
      const y = 10 + (5 - impact) * CELL;
      const shade = HEAT[Math.min(5, Math.floor((impact * probability) / 5))] ?? '#FFFFFF';
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL - 2}" height="${CELL - 2}" fill="${shade}" stroke="#C1C7D0"/>`,
      );
      if (count > 0)
        parts.push(
          `<text x="${x + CELL / 2 - 1}" y="${y + CELL / 2 + 5}" text-anchor="middle" font-size="16" font-weight="bold">${count}</text>`,
        );
    }
  }
  const size = 40 + 5 * CELL;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size + 10}" height="${size + 20}" font-family="sans-serif">` +
    parts.join('') +
    `<text x="${40 + (5 * CELL) / 2}" y="${size + 15}" text-anchor="middle" font-size="12">${escapeXml('Probability →')}</text>` +
    `<text x="14" y="${10 + (5 * CELL) / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${10 + (5 * CELL) / 2})">${escapeXml('Impact →')}</text>` +
    '</svg>';
  return { filename: 'risk-heat-map.svg', alt: 'Risk heat map: live risks by probability and impact', svg };
}

export interface ProgressBar {
  label: string;
  done: number;
  inProgress: number;
  toDo: number;
}

/** One stacked bar per initiative (done, in progress, to do by child issue count), the program first. */
export function progressChart(bars: readonly ProgressBar[]): Chart {
  const width = 520;
  const barWidth = 300;
  const rows = bars.map((bar, i) => {
    const total = bar.done + bar.inProgress + bar.toDo;
    const y = 30 + i * 24;
    const w = (n: number) => (total === 0 ? 0 : Math.round((n / total) * barWidth));
    const [done, doing] = [w(bar.done), w(bar.inProgress)];
    const pct = total === 0 ? '—' : `${Math.round((bar.done / total) * 100)}%`;
    return (
      `<text x="0" y="${y + 13}" font-size="12">${escapeXml(bar.label.slice(0, 24))}</text>` +
      `<rect x="160" y="${y}" width="${barWidth}" height="16" fill="#DFE1E6"/>` +
      `<rect x="160" y="${y}" width="${done}" height="16" fill="#36B37E"/>` +
      `<rect x="${160 + done}" y="${y}" width="${doing}" height="16" fill="#0065FF"/>` +
      `<text x="${170 + barWidth}" y="${y + 13}" font-size="12">${escapeXml(pct)}</text>`
    );
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${40 + bars.length * 24}" font-family="sans-serif">` +
    `<text x="160" y="16" font-size="12">${escapeXml('Done · In progress · To do (child issues)')}</text>` +
    rows.join('') +
    '</svg>';
  return { filename: 'progress.svg', alt: 'Progress by initiative: done, in progress and to do', svg };
}
