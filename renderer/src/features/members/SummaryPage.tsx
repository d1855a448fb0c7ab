import { Anchor, Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { t } from '../../i18n';

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {t(label)}
      </Text>
      <Text fz={24} fw={600}>
        {href ? <Anchor href={href}>{value.toLocaleString()}</Anchor> : value.toLocaleString()}
      </Text>
    </Paper>
  );
}

function Counts({ title, head, rows }: { title: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={5}>{t(title)}</Title>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              {head.map((h, i) => (
                <Table.Th key={h} ta={i ? 'right' : undefined}>
                  {t(h)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={String(r[0])}>
                {r.map((c, i) => (
                  <Table.Td key={i} ta={i ? 'right' : undefined}>
                    {typeof c === 'string' ? t(c) : c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** Registry counts for the dashboard and the plan's indicators (active records). */
export function SummaryPage() {
  const q = useCall('members.summary', {});
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const s = q.data;
  const i = s.indicators;
  return (
    <Page title={t('档案统计')}>
      <SimpleGrid cols={{ base: 2, md: 4, lg: 7 }}>
        <Stat label="农户" value={s.totals.activeHouseholds} href="#/members/households" />
        <Stat label="经营主体" value={s.totals.activeOrgs} href="#/members/orgs" />
        <Stat label="合作社在社成员" value={s.totals.coopMembers} />
        <Stat label="农合联" value={i.unions} href="#/members/unions" />
        <Stat label="农合联会员单位" value={i.memberUnits} />
        <Stat label="示范合作社" value={i.demoCoops} />
        <Stat label="服务站点" value={s.totals.sites} href="#/members/sites" />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={5}>{t('规划指标相关数')}</Title>
          <Text size="sm">
            {t('农合联 {a} 个（区域 {b}、产业 {c}）；会员单位 {d} 个；为农服务中心 {e} 个；农村综合服务社 {f} 个；农村流通网点 {g} 个；村级一站式服务站 {h} 个；示范合作社 {k} 个。', {
              a: i.unions,
              b: i.regionalUnions,
              c: i.industryUnions,
              d: i.memberUnits,
              e: i.serviceCentres,
              f: i.comprehensiveCoops,
              g: i.distributionOutlets,
              h: i.villageStations,
              k: i.demoCoops,
            })}
          </Text>
        </Stack>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="按主体类型" head={['类型', '数量']} rows={s.byKind.map((k) => [k.kind, k.count])} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="按乡镇" head={['乡镇', '农户', '主体', '合作社']} rows={s.byTownship.map((x) => [x.township, x.households, x.orgs, x.coops])} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="按产业" head={['产业', '主体', '合作社']} rows={s.byIndustry.map((x) => [x.industry, x.orgs, x.coops])} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="按农合联（会员单位）" head={['农合联', '会员单位']} rows={s.byUnion.map((x) => [x.name, x.memberUnits])} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="服务站点" head={['类型', '数量']} rows={s.sitesByKind.map((x) => [x.kind, x.count])} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Counts title="示范合作社" head={['等级', '数量']} rows={s.demoLevels.map((x) => [`${x.level}示范社`, x.count])} />
        </Grid.Col>
      </Grid>
    </Page>
  );
}
