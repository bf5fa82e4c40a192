import { Box, Stack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { Bone, Busy, TableShape, TEXT_HEIGHT } from '../../shared/Skeletons';

/** The status card about to appear, laid out as StatusCardView lays it out. */
export function StatusCardSkeleton() {
  const row = { display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' } as const;
  const spread = { ...row, justifyContent: 'space-between' } as const;
  const lines = { display: 'grid', gap: token('space.075', '6px') } as const;
  const buttonRadius = token('radius.medium');
  return (
    <Busy label="Loading the program status" testId="status-card">
      <div
        style={{
          display: 'grid',
          gap: token('space.150', '12px'),
          padding: token('space.200', '16px'),
          maxWidth: '720px',
          borderRadius: token('radius.large'),
          border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        }}
      >
        <div style={spread}>
          <div style={row}>
            <Bone width="220px" height="24px" shimmer />
            <Bone width="72px" height={TEXT_HEIGHT} />
            <Bone width="64px" height={TEXT_HEIGHT} />
          </div>
          <Bone width="104px" height="32px" radius={buttonRadius} />
        </div>
        <div style={{ ...lines, paddingLeft: token('space.200', '16px') }}>
          <Bone width="70%" height={TEXT_HEIGHT} shimmer />
          <Bone width="52%" height={TEXT_HEIGHT} shimmer />
        </div>
        <div style={lines}>
          <div style={spread}>
            <Bone width="72px" height={TEXT_HEIGHT} />
            <Bone width="72px" height={TEXT_HEIGHT} />
          </div>
          <Bone width="100%" height="6px" shimmer />
          <Bone width="64%" height="12px" />
        </div>
        <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
          <TableShape columns={3} rows={4} />
        </div>
        <div
          style={{
            display: 'grid',
            gap: token('space.150', '12px'),
            gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
          }}
        >
          {['Next milestones', 'Top risks'].map((section) => (
            <div key={section} style={lines}>
              <Bone width="120px" height={TEXT_HEIGHT} />
              <Bone width="84%" height={TEXT_HEIGHT} shimmer />
              <Bone width="60%" height={TEXT_HEIGHT} shimmer />
            </div>
          ))}
        </div>
        <div style={spread}>
          <Bone width="180px" height="12px" />
        </div>
      </div>
    </Busy>
  );
}

/**
 * The macro's settings about to appear: the Program label, its picker and Save. Spaced by primitives, not
 * token(), which would bring the tokens' name map into the settings bundle for this alone.
 */
export function ConfigSkeleton() {
  return (
    <Busy label="Loading your programs" testId="macro-settings">
      <Box padding="space.100">
        <Stack space="space.150">
          <Bone width="64px" height={TEXT_HEIGHT} />
          <Bone width="100%" height="40px" shimmer />
          <Bone width="56px" height="32px" />
        </Stack>
      </Box>
    </Busy>
  );
}
