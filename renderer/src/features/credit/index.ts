import { IconBuildingBank } from '@tabler/icons-react';
import type { Section } from '../types';
import { RatingsPage } from './RatingsPage';
import { ProfilePage } from './ProfilePage';
import { ApplicationsPage } from './ApplicationsPage';
import { ApplicationPage } from './ApplicationPage';
import { ProductsPage } from './ProductsPage';
import { CampaignsPage } from './CampaignsPage';
import { FiguresPage } from './FiguresPage';
import { ModelPage } from './ModelPage';

/** 信用服务: profiles and ratings for credit officers, loan assistance at the desk, products for everyone. */
export const creditSection: Section = {
  key: 'credit',
  label: '信用服务',
  icon: IconBuildingBank,
  routes: [
    { path: '/credit', title: '信用档案', method: 'credit.ratings.list', component: RatingsPage, nav: true },
    { path: '/credit/profile/:kind/:id', title: '信用档案', method: 'credit.profile.get', component: ProfilePage, nav: false },
    { path: '/credit/applications', title: '金融代办', method: 'credit.applications.list', component: ApplicationsPage, nav: true },
    { path: '/credit/applications/:id', title: '金融代办', method: 'credit.applications.get', component: ApplicationPage, nav: false },
    { path: '/credit/products', title: '贷款产品', method: 'credit.products.list', component: ProductsPage, nav: true },
    { path: '/credit/campaigns', title: '信用村镇', method: 'credit.campaigns.list', component: CampaignsPage, nav: true },
    { path: '/credit/figures', title: '信用统计', method: 'credit.figures', component: FiguresPage, nav: true },
    { path: '/credit/model', title: '评级模型', method: 'credit.model.get', component: ModelPage, nav: true },
  ],
};
