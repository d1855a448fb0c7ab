import type { Actor, Store } from '../db/store';
import type { JobContext, JobFile } from '../jobs/jobs';
import { formatScore, RATING_STATUS_LABELS, type RatingStatus } from '../../../shared/credit';
import { writeXlsx } from '../io/xlsx';
import { todayOf } from '../tasks/dates';
import { rateAll, type RateAllInput } from './ratings';

/** "Rate all" as a job: progress while scoring, then the list of the new ratings as an xlsx. */
export async function rateAllJob(store: Store, actor: Actor, input: RateAllInput, job: JobContext): Promise<JobFile> {
  const { approve } = input;
  const unit = input.who === 'households' ? '户' : '家';
  job.progress(0, 0, '读取会员信息…');
  const result = await rateAll(store, actor, input, async (done, total) => {
    job.progress(done, total, '计算评分…');
    await job.checkpoint();
  });
  const rows = result.ids.length
    ? (store.sqlite
        .prepare(
          `SELECT r.as_of AS asOf, json_extract(r.inputs, '$.subject.name') AS name, json_extract(r.inputs, '$.subject.kindLabel') AS kindLabel,
             json_extract(r.inputs, '$.subject.township') AS township, r.score_x100 AS scoreX100, r.grade, r.status
           FROM credit_ratings r WHERE r.id BETWEEN ? AND ? ORDER BY r.id`,
        )
        .all(result.ids[0], result.ids.at(-1)) as { asOf: string; name: string; kindLabel: string; township: string; scoreX100: number; grade: string; status: RatingStatus }[])
    : [];
  const grades = Object.entries(result.grades)
    .map(([g, n]) => `${g} ${n} ${unit}`)
    .join('，');
  job.progress(result.rated, result.rated, `已评级 ${result.rated} ${unit}（评级模型第 ${result.modelVersion} 版${approve ? '，已审批' : '，待审批'}）：${grades || '无'}`);
  const bytes = await writeXlsx([
    {
      name: '批量评级结果',
      title: '批量信用评级结果',
      meta: [`评级日 ${todayOf(store)}，评级模型第 ${result.modelVersion} 版，共 ${result.rated} ${unit}${approve ? '（已审批）' : '（待审批）'}`, grades, '含会员信用信息，仅限授权人员使用'],
      columns: [
        { header: '会员', key: 'name', width: 36 },
        { header: '类别', key: 'kindLabel' },
        { header: '乡镇（街道）', key: 'township' },
        { header: '得分', key: 'score' },
        { header: '等级', key: 'grade' },
        { header: '状态', key: 'status' },
      ],
      rows: rows.map((r) => ({ ...r, score: formatScore(r.scoreX100), status: RATING_STATUS_LABELS[r.status] })),
    },
  ]);
  return { name: `批量评级结果-${todayOf(store)}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
