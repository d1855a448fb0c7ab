import { IconArrowsExchange } from '@tabler/icons-react';
import type { Section } from '../types';
import { ListingsPage } from './ListingsPage';
import { ListingPage } from './ListingPage';
import { ProposalPage } from './ProposalPage';
import { DealsPage } from './DealsPage';
import { DealPage } from './DealPage';
import { EventsPage } from './EventsPage';
import { EventPage } from './EventPage';
import { FiguresPage } from './FiguresPage';
import { CatalogPage } from './CatalogPage';

export const matchingSection: Section = {
  key: 'matching',
  label: '产销对接',
  icon: IconArrowsExchange,
  routes: [
    { path: '/matching/listings', title: '供需挂牌', method: 'listings.list', component: ListingsPage, nav: true },
    { path: '/matching/listings/:id', title: '挂牌详情', method: 'listings.get', component: ListingPage, nav: false },
    { path: '/matching/proposal', title: '批量撮合', method: 'matching.propose', component: ProposalPage, nav: true },
    { path: '/matching/deals', title: '成交与交货', method: 'deals.list', component: DealsPage, nav: true },
    { path: '/matching/deals/:id', title: '成交详情', method: 'deals.get', component: DealPage, nav: false },
    { path: '/matching/events', title: '对接活动', method: 'matchEvents.list', component: EventsPage, nav: true },
    { path: '/matching/events/:id', title: '活动详情', method: 'matchEvents.get', component: EventPage, nav: false },
    { path: '/matching/figures', title: '产销对接统计', method: 'matching.figures', component: FiguresPage, nav: true },
    { path: '/matching/catalog', title: '产品目录与权重', method: 'catalog.list', component: CatalogPage, nav: true },
  ],
};
