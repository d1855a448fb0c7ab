import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Loading, Page } from '../../components/Page';
import { formatTime } from '../../components/files';
import type { ModelDefinition, ModelIndicator } from '../../../../shared/credit';
import { t } from '../../i18n';
import type { Model } from './common';

/** Levels as typed: "5:100, 3:70, 1:40" (threshold : percent of the weight). */
const levelsText = (ind: ModelIndicator) => ind.levels.map((l) => `${l.at}:${l.pct}`).join(', ');
function parseLevels(s: string): ModelIndicator['levels'] | null {
  const parts = s.split(/[,，;；\s]+/).filter(Boolean);
  const out = parts.map((p) => {
    const m = /^(-?\d+(?:\.\d+)?)[:：](\d{1,3})%?$/.exec(p);
    return m ? { at: Number(m[1]), pct: Number(m[2]) } : null;
  });
  return out.length > 0 && out.every((x) => x !== null && x.pct <= 100) ? (out as ModelIndicator['levels']) : null;
}

function DefinitionTable({ def, facts }: { def: ModelDefinition; facts: Model['facts'] }) {
  const label = (k: string) => facts.find((f) => f.key === k);
  return (
    <Table striped fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('指标')}</Table.Th>
          <Table.Th>{t('权重')}</Table.Th>
          <Table.Th>{t('档次（门槛:得分%）')}</Table.Th>
          <Table.Th>{t('无数据')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {def.indicators.map((i) => (
          <Table.Tr key={i.fact}>
            <Table.Td>
              {t(label(i.fact)?.label ?? i.fact)}（{i.better === 'higher' ? t('越高越好') : t('越低越好')}）
            </Table.Td>
            <Table.Td>{i.weight}</Table.Td>
            <Table.Td>{levelsText(i)}</Table.Td>
            <Table.Td>{i.missingPct}%</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Caption>{def.bands.map((b) => `${b.grade} ≥ ${b.min}`).join('；')} · {t('有效期 {n} 个月', { n: def.validMonths })}</Table.Caption>
    </Table>
  );
}

/** The rating model: edited as a whole and saved as a new version; earlier versions stay for the ratings made with them. */
export function ModelPage() {
  const q = useCall('credit.model.get', {});
  const { can } = useSession();
  const { busy, run } = useAction();
  const [def, setDef] = useState<ModelDefinition | null>(null);
  const [levels, setLevels] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [viewing, setViewing] = useState<{ version: number; definition: ModelDefinition } | null>(null);
  const m = q.data;
  useEffect(() => {
    if (!m) return;
    const d = structuredClone(m.current?.definition ?? m.default);
    setDef(d);
    setLevels(d.indicators.map(levelsText));
  }, [m]);
  if (!m || !def) return <Page title={t('评级模型')}>{<Loading error={q.error} loading />}</Page>;
  const total = def.indicators.reduce((s, i) => s + (Number(i.weight) || 0), 0);
  const setInd = (i: number, patch: Partial<ModelIndicator>) => setDef({ ...def, indicators: def.indicators.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const unused = m.facts.filter((f) => !def.indicators.some((i) => i.fact === f.key));
  const editable = can('credit.model.save');
  const save = async () => {
    const parsed = levels.map(parseLevels);
    const bad = parsed.findIndex((p) => p === null);
    if (bad >= 0) return setErrors({ [`indicators.${bad}.levels`]: t('档次格式应为“门槛:得分%”，用逗号分隔，如 5:100, 3:70') });
    const definition = { ...def, indicators: def.indicators.map((x, i) => ({ ...x, levels: parsed[i]! })) };
    setErrors({});
    const r = await run(() => call('credit.model.save', { baseVersion: m.current?.version ?? 0, definition, note }), { ok: t('已保存为新版本'), setErrors, reload: q.reload });
    if (r) {
      setNote('');
      q.reload();
    }
  };
  return (
    <Page title={t('评级模型')} actions={editable && <Button loading={busy} onClick={save}>{t('保存为新版本')}</Button>}>
      <Alert color="blue" variant="light">
        {m.current
          ? t('现行第 {v} 版（{by}，{at}）。每次保存都生成新版本，以前的评级仍按当时的版本解释。', { v: m.current.version, by: m.current.createdBy, at: formatTime(m.current.createdAt) })
          : t('尚未保存模型：下面是系统默认模型，第一次评级或保存时成为第 1 版。')}
      </Alert>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('指标与权重')}</Title>
          <Text size="sm" c={total === 100 ? 'green' : 'red'} data-testid="weight-total">
            {t('权重合计 {n}/100', { n: total })}
          </Text>
        </Group>
        {errors.indicators && (
          <Alert color="red" mb="xs" p="xs">
            {errors.indicators}
          </Alert>
        )}
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={300}>{t('指标（来源）')}</Table.Th>
              <Table.Th w={90}>{t('权重')}</Table.Th>
              <Table.Th w={130}>{t('方向')}</Table.Th>
              <Table.Th>{t('档次（门槛:得分%）')}</Table.Th>
              <Table.Th w={110}>{t('无数据得分%')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {def.indicators.map((ind, i) => {
              const f = m.facts.find((x) => x.key === ind.fact);
              return (
                <Table.Tr key={`${ind.fact}-${i}`}>
                  <Table.Td>
                    <Select
                      aria-label={t('指标')}
                      disabled={!editable}
                      value={ind.fact}
                      data={[...(f ? [f] : []), ...unused].map((x) => ({ value: x.key, label: `${t(x.label)}（${t(x.from)}${x.unit ? `，${x.unit}` : ''}）` }))}
                      onChange={(v) => v && setInd(i, { fact: v })}
                      error={errors[`indicators.${i}.fact`]}
                    />
                    <Text size="xs" c="dimmed">
                      {f?.help}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('{name}权重', { name: t(f?.label ?? ind.fact) })} disabled={!editable} min={1} max={100} value={ind.weight} onChange={(v) => setInd(i, { weight: Number(v) || 0 })} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('方向')}
                      disabled={!editable}
                      allowDeselect={false}
                      value={ind.better}
                      data={[
                        { value: 'higher', label: t('越高越好') },
                        { value: 'lower', label: t('越低越好') },
                      ]}
                      onChange={(v) => v && setInd(i, { better: v as 'higher' | 'lower' })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('档次')} disabled={!editable} value={levels[i] ?? ''} error={errors[`indicators.${i}.levels`]} onChange={(e) => setLevels(levels.map((l, k) => (k === i ? e.currentTarget.value : l)))} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('无数据得分%')} disabled={!editable} min={0} max={100} value={ind.missingPct} onChange={(v) => setInd(i, { missingPct: Number(v) || 0 })} />
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <ActionIcon variant="subtle" color="red" aria-label={t('删除指标')} onClick={() => (setDef({ ...def, indicators: def.indicators.filter((_, k) => k !== i) }), setLevels(levels.filter((_, k) => k !== i)))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {editable && unused.length > 0 && (
          <Button
            mt="xs"
            size="xs"
            variant="light"
            onClick={() => {
              setDef({ ...def, indicators: [...def.indicators, { fact: unused[0]!.key, weight: 5, better: 'higher', levels: [{ at: 1, pct: 100 }], missingPct: 0 }] });
              setLevels([...levels, '1:100']);
            }}
          >
            {t('添加指标')}
          </Button>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t('等级与有效期')}
        </Title>
        <Group align="end">
          {def.bands.map((b, i) => (
            <NumberInput
              key={b.grade}
              w={110}
              label={t('{g} 最低分', { g: b.grade })}
              disabled={!editable || i === def.bands.length - 1}
              min={0}
              max={100}
              value={b.min}
              error={errors[`bands.${i}.min`]}
              onChange={(v) => setDef({ ...def, bands: def.bands.map((x, k) => (k === i ? { ...x, min: Number(v) || 0 } : x)) })}
            />
          ))}
          <NumberInput w={150} label={t('评级有效期（月）')} disabled={!editable} min={1} max={60} value={def.validMonths} onChange={(v) => setDef({ ...def, validMonths: Number(v) || 1 })} />
        </Group>
        {editable && <TextInput mt="md" label={t('修改说明')} required placeholder={t('如：按县金融工作服务中心意见提高逾期记录权重')} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t('历史版本')}
        </Title>
        <Table striped fz="sm">
          <Table.Tbody>
            {m.versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{t('第 {v} 版', { v: v.version })}</Table.Td>
                <Table.Td>{v.note}</Table.Td>
                <Table.Td>
                  {v.createdBy} {formatTime(v.createdAt)}
                </Table.Td>
                <Table.Td>{t('{n} 次评级', { n: v.ratings })}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={async () => {
                    const r = await run(() => call('credit.model.version', { version: v.version }));
                    if (r) setViewing(r);
                  }}>
                    {t('查看')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing ? t('评级模型第 {v} 版', { v: viewing.version }) : ''} size="xl">
        {viewing && <DefinitionTable def={viewing.definition} facts={m.facts} />}
      </Modal>
    </Page>
  );
}
