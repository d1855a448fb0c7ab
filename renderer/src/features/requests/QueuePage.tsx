import { Button } from '@mantine/core';
import { Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { QueueView } from './QueueView';

/** Every request of the centre, by status, township, provider and handler. */
export function QueuePage() {
  const { can } = useSession();
  return (
    <Page title={t('服务申请')} actions={can('requests.create') && <Button component="a" href="#/requests/new">{t('受理登记')}</Button>}>
      <QueueView base="/requests" />
    </Page>
  );
}

/** A clerk's own desk: the requests they handle, overdue ones flagged, counts per status. */
export function MyDeskPage() {
  return (
    <Page title={t('我的工作台')} actions={<Button component="a" href="#/requests/new">{t('受理登记')}</Button>}>
      <QueueView base="/requests/mine" mine />
    </Page>
  );
}
