import { token } from '@atlaskit/tokens';

export const subtle = { color: token('color.text.subtle') } as const;

export const cell = {
  borderBottom: `1px solid ${token('color.border')}`,
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

export const tableStyle = { borderCollapse: 'collapse', width: '100%' } as const;

export const sectionHeading = {
  margin: 0,
  font: token('font.heading.small', '600 16px/20px sans-serif'),
} as const;

/** Read by screen readers, not shown. */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
