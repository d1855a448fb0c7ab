import type { SearchProvider } from '../search/global';
import { textMatches } from '../search/pinyin';
import { loadTaskRows } from './queries';
import { listIndicators } from './figures';
import { todayOf } from './dates';

/** Ctrl+K: tasks by number, text, item or unit (pinyin initials work), and indicators by name. */
export const tasksSearchProvider: SearchProvider = (store, q, limit) => {
  const tasks = loadTaskRows(store, todayOf(store), { q })
    .slice(0, limit)
    .map((t) => ({ kind: 'task', kindLabel: '任务', id: t.id, title: `${t.no}. ${t.item}`, subtitle: `${t.status} · ${t.text.slice(0, 40)}`, route: `/tasks/item/${t.id}` }));
  const inds = listIndicators(store)
    .filter((i) => textMatches(q, i.name))
    .map((i) => ({ kind: 'indicator', kindLabel: '指标', id: i.id, title: `指标 ${i.no}：${i.name}`, subtitle: i.unit, route: `/tasks/indicators/${i.id}` }));
  return [...tasks, ...inds].slice(0, limit);
};
