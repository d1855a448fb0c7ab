import { useState } from 'react';
import { Anchor, Badge, Button, Modal, SegmentedControl, Table } from '@mantine/core';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { formatTime } from '../../components/files';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { TextForm } from './ActionForms';

type Complaint = Out<Contract['requests.complaints']>[number];

/** Complaints from follow-ups and from the desk, tracked until someone records how they were resolved. */
export function ComplaintsPage() {
  const { can } = useSession();
  const [status, setStatus] = useState<'' | 'open' | 'resolved'>('open');
  const list = useCall('requests.complaints', { status }, true, ['requests']);
  const [resolving, setResolving] = useState<Complaint | null>(null);
  return (
    <Page title={t('投诉处理')}>
      <SegmentedControl
        w={300}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={[
          { value: 'open', label: t('待处理') },
          { value: 'resolved', label: t('已处理') },
          { value: '', label: t('全部') },
        ]}
      />
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <Table striped fz="sm" data-testid="complaints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('申请')}</Table.Th>
              <Table.Th>{t('农户（主体）')}</Table.Th>
              <Table.Th>{t('投诉内容')}</Table.Th>
              <Table.Th>{t('登记时间')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
              <Table.Th>{t('处理结果')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor href={`#/requests/item/${c.requestId}`}>{c.requestCode}</Anchor>
                </Table.Td>
                <Table.Td>{c.party}</Table.Td>
                <Table.Td>{c.content}</Table.Td>
                <Table.Td>{formatTime(c.receivedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={c.status === 'open' ? 'red' : 'teal'} variant="light">
                    {c.status === 'open' ? t('待处理') : t('已处理')}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.resolution}</Table.Td>
                <Table.Td>
                  {c.status === 'open' && can('requests.resolveComplaint') && (
                    <Button size="compact-xs" variant="light" onClick={() => setResolving(c)}>
                      {t('登记处理结果')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={resolving !== null} onClose={() => setResolving(null)} title={t('处理投诉')}>
        {resolving && (
          <TextForm
            label={t('处理结果')}
            button={t('处理完毕')}
            onSubmit={async (text) => {
              await call('requests.resolveComplaint', { id: resolving.id, version: resolving.version, resolution: text });
              setResolving(null);
              list.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
