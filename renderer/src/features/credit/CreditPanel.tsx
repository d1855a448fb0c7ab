import { useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import type { RecordPanelProps } from '../members/panels';
import { APPLICANT_KINDS, HOUSEHOLD_LABEL, subjectKey } from '../../../../shared/credit';
import { t } from '../../i18n';
import { AppStatusBadge, subjectPath } from './common';
import { NewApplication } from './NewApplication';

/**
 * On a member's registry page: its loan-assistance applications and their status (no amounts, so the front
 * desk can answer "where is my loan"), a way to take a new one, and for credit officers the way to the
 * credit profile (opening it is audited there, not here).
 */
export function CreditPanel({ kind, id, name, orgKind }: RecordPanelProps) {
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const apps = useCall('credit.applications.list', { subjectKey: subjectKey(kind, id), limit: 20 }, true, ['credit']);
  const kindLabel = kind === 'household' ? HOUSEHOLD_LABEL : orgKind;
  const mayApply = (APPLICANT_KINDS as readonly string[]).includes(kindLabel) && can('credit.applications.create');
  return (
    <Stack gap="xs">
      {apps.data && apps.data.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('没有金融代办申请')}
        </Text>
      )}
      {apps.data?.rows.map((a) => (
        <Group key={a.id} gap="xs">
          <Anchor href={`#/credit/applications/${a.id}`} size="sm">
            {a.no}
          </Anchor>
          <Text size="sm">
            {a.productName} · {a.bank}
          </Text>
          <AppStatusBadge status={a.status} />
        </Group>
      ))}
      <Group gap="xs">
        {mayApply && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t('受理金融代办')}
          </Button>
        )}
        {can('credit.profile.get') && (
          <Button size="xs" variant="subtle" onClick={() => navigate(subjectPath(kind, id))}>
            {t('信用档案')}
          </Button>
        )}
      </Group>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('受理金融代办')} size="lg">
        {adding && <NewApplication applicant={{ kind, id, name, kindLabel }} onDone={(a) => navigate(`/credit/applications/${a.id}`)} />}
      </Modal>
    </Stack>
  );
}
