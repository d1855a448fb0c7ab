import { Button, Group, Input, Paper, Text } from '@mantine/core';
import { MemberPicker } from '../members/MemberPicker';
import type { MemberHit } from '../members/types';
import { t } from '../../i18n';

export type PartyHit = Pick<MemberHit, 'kind' | 'id' | 'name' | 'kindLabel' | 'orgKind' | 'townshipId' | 'villageId' | 'township' | 'village' | 'phone'>;

/**
 * Who the request or contract is for: the registry's picker (name, pinyin initials, phone or ID tail,
 * with "新建农户" for a farmer not yet on file) until one is chosen, then the choice with a change button.
 */
export function PartyField({
  value,
  onChange,
  error,
  autoFocus,
  label = t('农户或主体'),
  orgsOnly = false,
}: {
  value: PartyHit | null;
  onChange(hit: PartyHit | null): void;
  error?: string | undefined;
  autoFocus?: boolean;
  label?: string;
  /** A provider's registry record: organisations only, none added from here. */
  orgsOnly?: boolean;
}) {
  if (!value) return <MemberPicker label={label} required={!orgsOnly} kinds={orgsOnly ? ['org'] : undefined} allowQuickAdd={!orgsOnly} autoFocus={autoFocus} error={error} onSelect={onChange} />;
  return (
    <Input.Wrapper label={label} required={!orgsOnly} error={error}>
      <Paper withBorder p="xs" data-testid="chosen-party">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>
              {value.name}
              <Text span size="xs" c="dimmed" ml={6}>
                {value.kind === 'household' ? t('农户') : t(value.orgKind || value.kindLabel)}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {[value.township + value.village, value.phone].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Button variant="subtle" size="xs" onClick={() => onChange(null)}>
            {orgsOnly ? t('取消关联') : t('更换')}
          </Button>
        </Group>
      </Paper>
    </Input.Wrapper>
  );
}
