import type { SearchProvider } from '../search/global';
import { searchMembers } from './search';

const SHORT: Record<string, string> = { 农民专业合作社: '合作社', 涉农企业: '企业', 村集体经济组织: '村集体', 供销合作社基层社: '基层社', 农村综合服务社: '综合服务社' };

/** Households and organisations in the Ctrl+K box, with the same matching and masking as everywhere else. */
export const membersSearchProvider: SearchProvider = (store, q, limit, role) =>
  searchMembers(store, role, { q, limit }).map((h) => ({
    kind: h.kind,
    kindLabel: h.kind === 'household' ? '农户' : (SHORT[h.orgKind] ?? h.orgKind),
    id: h.id,
    title: h.active ? h.name : `${h.name}（${h.status === 'inactive' ? '停用' : h.status === 'suspended' ? '暂停' : '注销'}）`,
    subtitle: [h.township + h.village, h.kind === 'household' ? h.idNumber || h.phone : h.creditCode, h.figures].filter(Boolean).join(' · '),
    route: h.kind === 'household' ? `/members/households/${h.id}` : `/members/orgs/${h.id}`,
  }));
