import { registerIndicatorSource } from '../tasks/indicator-sources';
import { indicator6 } from './stats';

/**
 * Indicator 6 (开展农业生产社会化服务规模) is the 亩次 of the service records dated in the year up to the
 * day asked about, in 万亩次 as the plan states it. The api handlers import this file.
 */
registerIndicatorSource(6, (store, p) => {
  const r = indicator6(store, p.year, p.asOf);
  return {
    value: r.wanMuTimes,
    how: `前台受理：${p.year} 年 1 月 1 日至 ${p.asOf} 登记的服务记录合计 ${(r.muTimes100 / 100).toLocaleString('zh-CN')} 亩次（1 个环节在 1 亩地上作业 1 次计 1 亩次）`,
    route: '/requests/stats',
  };
});
