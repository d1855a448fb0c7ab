import { setupCore } from './test/helpers/core';
(async () => {
  const env = await setupCore({ demo: true });
  const s = await env.admin.call<any>('members.summary');
  console.log(JSON.stringify(s.totals), JSON.stringify(s.indicators));
  const hits = await env.admin.call<any[]>('members.search', { q: 'zs', limit: 5 });
  console.log(hits.map(h => `${h.kindLabel} ${h.name} ${h.township} ${h.figures} ${h.matched}`));
  console.log((await env.admin.call<any[]>('members.search', { q: '柑橘', limit: 5 })).map(h => h.name));
  console.log((await env.admin.call<any[]>('search.global', { q: 'wang', limit: 5 })));
  const again = await env.admin.call<any>('demo.load');
  console.log('reload', again);
  const o = await env.admin.call<any>('orgs.get', { id: 1 });
  console.log(o.org.name, o.members.length, o.unions.length, o.references);
  env.close();
})().catch(e => { console.error(e); process.exit(1); });
