import type { Impls } from './router';
import type { creditContract } from '../../shared/contract/credit';
import type { creditLoansContract } from '../../shared/contract/credit-loans';
import { CREDIT_OFFICERS, LOAN_DESK, STAFF } from '../core/credit/access';
import { requireTownship } from '../core/settings/geo';
import { currentModel, DEFAULT_MODEL, modelVersion, modelVersions, saveModel } from '../core/credit/model';
import { factSources } from '../core/credit/fact-sources';
import { exportProfile, viewProfile } from '../core/credit/profile';
import { addFact, removeEvaluation, saveEvaluation, withdrawFact } from '../core/credit/records';
import { approveRating, rateSubject } from '../core/credit/ratings';
import { listRatings } from '../core/credit/ratings-list';
import { rateAllJob } from '../core/credit/rate-job';
import { listProducts, matchProducts, saveProduct, seedExampleProducts } from '../core/credit/products';
import { appDetail, listApps } from '../core/credit/app-read';
import { createApplication, decideApplication, readDocument, saveDisbursement, submitApplication, updateApplication, uploadDocument, withdrawApplication } from '../core/credit/applications';
import { listCampaigns, saveCampaign } from '../core/credit/campaigns';
import { creditFigures, exportFigures } from '../core/credit/figures';
// Registers indicator 8's source with the tracker.
import '../core/credit/indicator';

/**
 * Credit services. Access is declared per method from electron/core/credit/access.ts: ratings, profiles,
 * amounts and documents for CREDIT_OFFICERS (admin, manager) only; the front desk (LOAN_DESK) opens
 * applications, uploads documents and follows their status with amounts hidden; all staff read the
 * product catalogue and the credit villages.
 */
export const creditHandlers: Impls<typeof creditContract> = {
  'credit.model.get': {
    access: CREDIT_OFFICERS,
    handler: (ctx) => ({
      current: currentModel(ctx.store),
      default: DEFAULT_MODEL,
      versions: modelVersions(ctx.store),
      facts: factSources().map((s) => ({ key: s.key, label: s.label, unit: s.unit, from: s.from, help: s.help })),
    }),
  },
  'credit.model.version': { access: CREDIT_OFFICERS, handler: (ctx, input) => modelVersion(ctx.store, input.version) },
  'credit.model.save': { access: CREDIT_OFFICERS, handler: (ctx, input) => ({ version: saveModel(ctx.store, ctx.actor, input).version }) },
  'credit.profile.get': { access: CREDIT_OFFICERS, handler: (ctx, input) => viewProfile(ctx.store, ctx.actor, input) },
  'credit.profile.export': { access: CREDIT_OFFICERS, handler: (ctx, input) => exportProfile(ctx.store, ctx.actor, input) },
  'credit.facts.add': { access: CREDIT_OFFICERS, handler: (ctx, input) => addFact(ctx.store, ctx.actor, input) },
  'credit.facts.withdraw': { access: CREDIT_OFFICERS, handler: (ctx, input) => withdrawFact(ctx.store, ctx.actor, input) },
  'credit.evaluations.save': { access: CREDIT_OFFICERS, handler: (ctx, input) => saveEvaluation(ctx.store, ctx.actor, input) },
  'credit.evaluations.remove': { access: CREDIT_OFFICERS, handler: (ctx, input) => removeEvaluation(ctx.store, ctx.actor, input) },
  'credit.rate': { access: CREDIT_OFFICERS, handler: (ctx, input) => rateSubject(ctx.store, ctx.actor, input) },
  'credit.rateAll': {
    access: CREDIT_OFFICERS,
    handler: (ctx, input) => {
      const town = input.townshipId === null ? null : requireTownship(ctx.store, input.townshipId);
      const title = `${input.approve ? '批量评级并审批' : '批量信用评级'}：${town ? town.name : '全县'}${input.who === 'households' ? '农户' : '经营主体'}`;
      return { jobId: ctx.core.jobs.start(ctx.session!.userId, title, (job) => rateAllJob(ctx.store, ctx.actor, input, job)) };
    },
  },
  'credit.ratings.approve': { access: CREDIT_OFFICERS, handler: (ctx, input) => approveRating(ctx.store, ctx.actor, input) },
  'credit.ratings.list': { access: CREDIT_OFFICERS, handler: (ctx, input) => listRatings(ctx.store, input) },
};

export const creditLoanHandlers: Impls<typeof creditLoansContract> = {
  'credit.products.list': { access: STAFF, handler: (ctx, input) => listProducts(ctx.store, input.activeOnly) },
  'credit.products.save': { access: CREDIT_OFFICERS, handler: (ctx, input) => saveProduct(ctx.store, ctx.actor, input) },
  'credit.products.seedExamples': { access: CREDIT_OFFICERS, handler: (ctx) => seedExampleProducts(ctx.store, ctx.actor) },
  // Matching shows the member's grade in its reasons, so it is for credit officers only.
  'credit.match': { access: CREDIT_OFFICERS, handler: (ctx, input) => matchProducts(ctx.store, input) },
  'credit.applications.list': { access: LOAN_DESK, handler: (ctx, input) => listApps(ctx.store, ctx.actor, input) },
  'credit.applications.get': { access: LOAN_DESK, handler: (ctx, input) => appDetail(ctx.store, ctx.actor, input.id) },
  'credit.applications.create': { access: LOAN_DESK, handler: (ctx, input) => createApplication(ctx.store, ctx.actor, input) },
  'credit.applications.update': { access: LOAN_DESK, handler: (ctx, input) => updateApplication(ctx.store, ctx.actor, input) },
  'credit.applications.uploadDoc': { access: LOAN_DESK, handler: (ctx, input) => uploadDocument(ctx.store, ctx.actor, input) },
  'credit.applications.withdraw': { access: LOAN_DESK, handler: (ctx, input) => withdrawApplication(ctx.store, ctx.actor, input) },
  // Documents handed in carry incomes, assets and ID cards: read back by credit officers only.
  'credit.applications.doc': { access: CREDIT_OFFICERS, handler: (ctx, input) => readDocument(ctx.store, input.docId) },
  'credit.applications.submit': { access: CREDIT_OFFICERS, handler: (ctx, input) => submitApplication(ctx.store, ctx.actor, input) },
  'credit.applications.decide': { access: CREDIT_OFFICERS, handler: (ctx, input) => decideApplication(ctx.store, ctx.actor, input) },
  'credit.disbursements.save': { access: CREDIT_OFFICERS, handler: (ctx, input) => saveDisbursement(ctx.store, ctx.actor, input) },
  'credit.campaigns.list': { access: STAFF, handler: (ctx, input) => listCampaigns(ctx.store, input) },
  'credit.campaigns.save': { access: CREDIT_OFFICERS, handler: (ctx, input) => saveCampaign(ctx.store, ctx.actor, input) },
  'credit.figures': {
    access: CREDIT_OFFICERS,
    handler: (ctx, input) => {
      const { detail: _detail, ...figures } = creditFigures(ctx.store, input.year);
      return figures;
    },
  },
  'credit.figures.export': { access: CREDIT_OFFICERS, handler: (ctx, input) => exportFigures(ctx.store, ctx.actor, input.year) },
};
