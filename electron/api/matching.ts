import type { Impls } from './router';
import type { matchingContract } from '../../shared/contract/matching';
import { AppError } from '../../shared/errors';
import type { Out } from '../../shared/contract/define';
import { listCategories, listProducts, saveCategory, saveProduct, saveUnit, removeUnit } from '../core/matching/catalog';
import { saveListing, setListingStatus } from '../core/matching/listings';
import { listListings, readListingView } from '../core/matching/listingViews';
import { addPhoto, getPhoto, listPhotos, removePhoto } from '../core/matching/photos';
import { exportListings, importTemplate, previewListingImport, commitListingImport } from '../core/matching/listingIo';
import { rankFor } from '../core/matching/rank';
import { proposeAll } from '../core/matching/proposal';
import { createDeals, deliver, cancelDeal } from '../core/matching/deals';
import { dealDetail, dealsOfListing, listDeals, readDeal } from '../core/matching/dealViews';
import { listEvents, eventDetail, saveEvent, addParticipant, removeParticipant } from '../core/matching/events';
import { getMatchingSettings, saveMatchingSettings } from '../core/matching/settings';
import { matchingFigures, exportFigures } from '../core/matching/figures';
import { todayOf } from '../core/matching/offers';

/** Front desk, manager and admin list and confirm; the bookkeeper reads. */
const WRITE = ['admin', 'manager', 'frontdesk'] as const;
const READ = ['admin', 'manager', 'frontdesk', 'bookkeeper'] as const;
const CATALOGUE = ['admin', 'manager'] as const;

function bytes(base64: string): Buffer {
  const b = Buffer.from(base64, 'base64');
  if (b.length === 0) throw new AppError('VALIDATION', '文件是空的', { file: '文件是空的' });
  return b;
}

export const matchingHandlers: Impls<typeof matchingContract> = {
  'catalog.list': { access: READ, handler: (ctx) => ({ categories: listCategories(ctx.store), products: listProducts(ctx.store) }) },
  'catalog.saveCategory': { access: CATALOGUE, handler: (ctx, input) => ({ id: saveCategory(ctx.store, ctx.actor, input) }) },
  'catalog.saveProduct': { access: CATALOGUE, handler: (ctx, input) => saveProduct(ctx.store, ctx.actor, input) },
  'catalog.saveUnit': { access: CATALOGUE, handler: (ctx, input) => saveUnit(ctx.store, ctx.actor, input) },
  'catalog.removeUnit': { access: CATALOGUE, handler: (ctx, input) => removeUnit(ctx.store, ctx.actor, input) },

  'listings.list': { access: READ, handler: (ctx, input) => listListings(ctx.store, input, todayOf(ctx.store)) },
  'listings.get': {
    access: READ,
    handler: (ctx, input) => ({ listing: readListingView(ctx.store, input.id), photos: listPhotos(ctx.store, input.id), deals: dealsOfListing(ctx.store, input.id) }),
  },
  'listings.save': { access: WRITE, handler: (ctx, input) => saveListing(ctx.store, ctx.actor, input) },
  'listings.setStatus': { access: WRITE, handler: (ctx, input) => setListingStatus(ctx.store, ctx.actor, input) },
  'listings.addPhoto': {
    access: WRITE,
    handler: (ctx, input) => {
      addPhoto(ctx.store, ctx.actor, input);
      return { ok: true as const };
    },
  },
  'listings.photo': { access: READ, handler: (ctx, input) => getPhoto(ctx.store, input.id) },
  'listings.removePhoto': {
    access: WRITE,
    handler: (ctx, input) => {
      removePhoto(ctx.store, ctx.actor, input.id);
      return { ok: true as const };
    },
  },
  'listings.export': { access: READ, handler: (ctx, input) => exportListings(ctx.store, input, input.format) },
  'listings.importTemplate': { access: WRITE, handler: () => importTemplate() },
  'listings.importPreview': {
    access: WRITE,
    handler: async (ctx, input) => {
      const p = await previewListingImport(ctx.store, input.name, bytes(input.base64));
      return { errors: p.errors, rows: p.rows.map(({ input: _input, ...r }) => r) };
    },
  },
  'listings.importCommit': { access: WRITE, handler: (ctx, input) => commitListingImport(ctx.store, ctx.actor, input.name, bytes(input.base64)) },

  'matching.rank': { access: READ, handler: (ctx, input) => rankFor(ctx.store, input.listingId, input.limit) },
  'matching.propose': { access: WRITE, handler: (ctx, input) => ({ jobId: ctx.core.jobs.startValue(ctx.actor.userId!, '生成撮合方案', (job) => proposeAll(ctx.store, input, job)) }) },
  'matching.proposal': { access: WRITE, handler: (ctx, input) => ctx.core.jobs.takeValue(input.jobId, ctx.actor.userId!) as Out<(typeof matchingContract)['matching.proposal']> },
  'matching.accept': { access: WRITE, handler: (ctx, input) => ({ deals: createDeals(ctx.store, ctx.actor, input.items, 'matching.accept') }) },
  'matching.getSettings': { access: READ, handler: (ctx) => getMatchingSettings(ctx.store) },
  'matching.saveSettings': { access: CATALOGUE, handler: (ctx, input) => saveMatchingSettings(ctx.store, ctx.actor, input) },
  'matching.figures': { access: READ, handler: (ctx, input) => matchingFigures(ctx.store, input) },
  'matching.exportFigures': { access: READ, handler: (ctx, input) => exportFigures(ctx.store, input) },

  'deals.list': { access: READ, handler: (ctx, input) => listDeals(ctx.store, input) },
  'deals.get': { access: READ, handler: (ctx, input) => dealDetail(ctx.store, input.id) },
  'deals.create': {
    access: WRITE,
    handler: (ctx, input) => {
      const [id] = createDeals(ctx.store, ctx.actor, [input], 'deals.create');
      return readDeal(ctx.store, id!);
    },
  },
  'deals.deliver': { access: WRITE, handler: (ctx, input) => deliver(ctx.store, ctx.actor, input) },
  'deals.cancel': { access: WRITE, handler: (ctx, input) => cancelDeal(ctx.store, ctx.actor, input) },

  'matchEvents.list': { access: READ, handler: (ctx, input) => listEvents(ctx.store, input) },
  'matchEvents.get': { access: READ, handler: (ctx, input) => eventDetail(ctx.store, input.id) },
  'matchEvents.save': { access: WRITE, handler: (ctx, input) => saveEvent(ctx.store, ctx.actor, input) },
  'matchEvents.addParticipant': { access: WRITE, handler: (ctx, input) => addParticipant(ctx.store, ctx.actor, input) },
  'matchEvents.removeParticipant': { access: WRITE, handler: (ctx, input) => removeParticipant(ctx.store, ctx.actor, input) },
};
