import { token } from '@atlaskit/tokens';

/** Where an Atlaskit select will be, its size and look, while react-select's code loads after the first paint. */
export function SelectPlaceholder({ text }: { text: string }) {
  return (
    <div
      style={{
        boxSizing: 'border-box',
        minHeight: '40px',
        padding: `${token('space.100', '8px')} ${token('space.150', '12px')}`,
        border: `${token('border.width', '1px')} solid ${token('color.border.input')}`,
        borderRadius: token('radius.small', '3px'),
        color: token('color.text.subtlest'),
        background: token('color.background.input'),
      }}
    >
      {text}
    </div>
  );
}
