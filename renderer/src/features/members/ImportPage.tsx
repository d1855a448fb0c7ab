import { useState } from 'react';
import { Alert, Button, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { Page } from '../../components/Page';
import { ImportWizard } from '../../components/ImportWizard';
import { downloadFile } from '../../components/files';
import { navigate } from '../../app/router';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';

type Kind = 'households' | 'orgs' | 'coopMembers';
type Preview = Out<Contract['members.importPreview']>;

const COLUMNS: Record<Kind, string[]> = {
  households: ['姓名', '身份证号', '联系电话', '乡镇（街道）', '村（社区）'],
  orgs: ['主体类型', '名称', '统一社会信用代码', '乡镇（街道）', '产业'],
  coopMembers: ['合作社', '成员', '证件号码', '入社日期', '出资（元）'],
};
const LIST: Record<Kind, string> = { households: '/members/households', orgs: '/members/orgs', coopMembers: '/members/orgs' };

export function ImportPage() {
  const [kind, setKind] = useState<Kind>('households');
  const { busy, run } = useAction();
  const template = async () => {
    const f = await run(() => call('members.importTemplate', { kind }));
    if (f) downloadFile(f);
  };
  return (
    <Page title={t('导入会员档案')}>
      <Paper withBorder p="md">
        <Stack>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            data={[
              { value: 'households', label: t('农户') },
              { value: 'orgs', label: t('经营主体') },
              { value: 'coopMembers', label: t('合作社成员') },
            ]}
            w={420}
          />
          <Alert variant="light" color="blue">
            <Text size="sm">
              {t('按模板填写（第一行为表头，列名可用常见写法）。Excel 文件或 CSV（UTF-8 或 GB18030）均可。先检查每一行，全部无误后才能导入；有任何一行错误时整个文件都不会导入。')}
            </Text>
            {kind === 'coopMembers' && <Text size="sm">{t('合作社成员须先在档案中登记；按身份证号或信用代码对应，姓名须与档案一致。')}</Text>}
          </Alert>
          <ImportWizard<Preview['rows'][number], Preview>
            key={kind}
            columns={COLUMNS[kind].map((title, i) => ({ title: t(title), render: (r) => r.values[i] ?? '' }))}
            summary={(p) => (
              <Text size="sm" c="dimmed">
                {p.encoding !== 'xlsx' ? t('编码：{e}', { e: p.encoding.toUpperCase() }) : ''}
                {p.newIndustries.length > 0 ? ` ${t('将新增产业：{list}', { list: p.newIndustries.join('、') })}` : ''}
              </Text>
            )}
            preview={(u) => call('members.importPreview', { kind, ...u })}
            commit={(u) => call('members.importCommit', { kind, ...u })}
            onDone={() => navigate(LIST[kind])}
            template={
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={template} loading={busy}>
                {t('下载模板')}
              </Button>
            }
          />
        </Stack>
      </Paper>
    </Page>
  );
}
