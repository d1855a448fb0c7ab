import { useState } from 'react';
import { Anchor, Badge, Button, Modal, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { StatusBadge } from './common';
import { UnionForm } from './UnionForm';

export const unionKindLabel = (u: { kind: string; level: string }) => (u.kind === 'industry' ? '产业农合联' : u.level === 'county' ? '县级农合联' : '乡镇农合联');

export function UnionsPage() {
  const q = useCall('unions.list', {});
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('农合联')}
      actions={
        can('unions.save') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('新建农合联')}
          </Button>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('名称')}</Table.Th>
              <Table.Th>{t('类型')}</Table.Th>
              <Table.Th>{t('覆盖 / 产业')}</Table.Th>
              <Table.Th ta="right">{t('会员单位')}</Table.Th>
              <Table.Th>{t('成立日期')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Anchor href={`#/members/unions/${u.id}`}>{u.name}</Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.kind === 'industry' ? 'grape' : 'teal'}>
                    {t(unionKindLabel(u))}
                  </Badge>
                </Table.Td>
                <Table.Td>{u.kind === 'industry' ? u.industry : u.level === 'county' ? t('全县') : u.townships.join('、')}</Table.Td>
                <Table.Td ta="right">{u.memberUnits}</Table.Td>
                <Table.Td>{u.establishedOn}</Table.Td>
                <Table.Td>
                  <StatusBadge status={u.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新建农合联')}>
        <UnionForm onSaved={(u) => navigate(`/members/unions/${u.id}`)} />
      </Modal>
    </Page>
  );
}
