import { registryCounts, type RegistryCounts } from '../members/counts';
import { registerIndicatorSource, type SourcePeriod } from './indicator-sources';
import type { Store } from '../db/store';

const counts = (store: Store, p: SourcePeriod): RegistryCounts => p.memo(`registry:${p.asOf}`, () => registryCounts(store, p.asOf));
const asOf = (p: SourcePeriod) => `截至 ${p.asOf}`;

/** Indicators 1-5 and 7 come from the member registry (the tracker's figures module imports this file). */
registerIndicatorSource(1, (store, p) => {
  const c = counts(store, p);
  return { value: c.unions, how: `会员档案：在册区域农合联 ${c.regionalUnions} 个 + 产业农合联 ${c.industryUnions} 个（${asOf(p)}）`, route: '/members/unions' };
});
registerIndicatorSource(2, (store, p) => {
  const c = counts(store, p);
  return { value: c.serviceCentres, how: `会员档案：在运营的县级、乡镇为农服务中心 ${c.serviceCentres} 个（${asOf(p)}）`, route: '/members/sites?kind=乡镇为农服务中心' };
});
registerIndicatorSource(3, (store, p) => {
  const c = counts(store, p);
  return { value: c.comprehensiveCoops, how: `会员档案：在运营的农村综合服务社 ${c.comprehensiveCoops} 家（${asOf(p)}）`, route: '/members/sites?kind=农村综合服务社' };
});
registerIndicatorSource(4, (store, p) => {
  const c = counts(store, p);
  return { value: c.memberUnits, how: `会员档案：至少加入一个农合联的在册会员单位 ${c.memberUnits} 个（${asOf(p)}，同一单位只计一次）`, route: '/members/unions' };
});
registerIndicatorSource(5, (store, p) => {
  const c = counts(store, p);
  return { value: c.demoCoops, how: `会员档案：有示范社等级（国家、市、县级）的在册农民专业合作社 ${c.demoCoops} 家（${p.year} 年及以前认定）`, route: '/members/orgs?kind=农民专业合作社&demo=any&status=active' };
});
registerIndicatorSource(7, (store, p) => {
  const c = counts(store, p);
  return { value: c.distributionOutlets, how: `会员档案：在运营的农村流通网点 ${c.distributionOutlets} 个（${asOf(p)}）`, route: '/members/sites?kind=农村流通网点' };
});
