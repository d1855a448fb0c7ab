import { useState } from 'react';
import { Badge, Button, Group, Modal, SegmentedControl, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { mu } from './common';
import { ContractForm } from './ContractForm';
import { PartyField, type PartyHit } from './PartyField';

function NewContract({ onDone }: { onDone(id: number): void }) {
  const [party, setParty] = useState<PartyHit | null>(null);
  return <ContractForm contract={null} party={party ? { kind: party.kind, id: party.id } : null} partyField={<PartyField value={party} onChange={setParty} autoFocus />} onDone={onDone} />;
}

/** 托管 contracts: who, which season or year, how much land, and how much of it has been served. */
export function ContractsPage() {
  const { can } = useSession();
  const [status, setStatus] = useState<'' | 'active' | 'closed'>('active');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const list = useCall('serviceContracts.list', { status, q }, true, ['serviceContracts', 'requests']);
  const [creating, setCreating] = useState(false);
  return (
    <Page title={t('托管合同')} actions={can('serviceContracts.save') && <Button onClick={() => setCreating(true)}>{t('新建托管合同')}</Button>}>
      <Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={[
            { value: 'active', label: t('履行中') },
            { value: 'closed', label: t('已结束') },
            { value: '', label: t('全部') },
          ]}
        />
        <TextInput w={240} leftSection={<IconSearch size={14} />} aria-label={t('查找合同')} placeholder={t('合同号、姓名、拼音首字母')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Group>
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && (
        <Table striped highlightOnHover fz="sm" data-testid="contracts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('合同号')}</Table.Th>
              <Table.Th>{t('农户（主体）')}</Table.Th>
              <Table.Th>{t('托管方式')}</Table.Th>
              <Table.Th>{t('期限')}</Table.Th>
              <Table.Th ta="right">{t('面积（亩）')}</Table.Th>
              <Table.Th ta="right">{t('服务申请')}</Table.Th>
              <Table.Th ta="right">{t('已完成亩次')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/requests/contracts/${c.id}`)}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td>{c.party}</Table.Td>
                <Table.Td>
                  {t(c.model)}（{c.term === 'season' ? t('一季') : t('全年')}）
                </Table.Td>
                <Table.Td>
                  {c.startsOn} ～ {c.endsOn}
                </Table.Td>
                <Table.Td ta="right">{mu(c.areaMu100)}</Table.Td>
                <Table.Td ta="right">{c.requests}</Table.Td>
                <Table.Td ta="right">{mu(c.muTimes100)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'active' ? 'teal' : 'gray'}>
                    {c.status === 'active' ? t('履行中') : t('已结束')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新建托管合同')} size="xl">
        {creating && (
          <NewContract
            onDone={(id) => {
              setCreating(false);
              navigate(`/requests/contracts/${id}`);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
