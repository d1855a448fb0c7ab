import type { Impls } from './router';
import type { membersContract } from '../../shared/contract/members';
import { AppError } from '../../shared/errors';
import { STAFF, RECORD_EDITORS, STRUCTURE_EDITORS, IMPORTERS } from '../core/members/access';
import { searchMembers } from '../core/members/search';
import { registrySummary } from '../core/members/summary';
import { householdDetail, orgDetail, recordHistory } from '../core/members/detail';
import { listHouseholds, saveHousehold, setHouseholdStatus, removeHousehold } from '../core/members/households';
import { listOrgs, saveOrg, setOrgStatus, removeOrg } from '../core/members/orgs';
import { listCoopMembers, saveCoopMember, removeCoopMember } from '../core/members/coopMembers';
import { listUnions, getUnion, saveUnion, setUnionStatus, listUnionMembers, saveUnionMember, removeUnionMember } from '../core/members/unions';
import { listSites, saveSite, removeSite } from '../core/members/sites';
import { listIndustries, saveIndustry, removeIndustry } from '../core/members/industries';
import { importTemplate, previewImport, commitImport, exportMembers } from '../core/members/transfer';
import { rebuildSearchIndex } from '../core/members/fts';

function bytes(base64: string): Buffer {
  const b = Buffer.from(base64, 'base64');
  if (b.length === 0) throw new AppError('VALIDATION', '文件是空的', { file: '文件是空的' });
  return b;
}

export const membersHandlers: Impls<typeof membersContract> = {
  'members.search': { access: STAFF, handler: (ctx, input) => searchMembers(ctx.store, ctx.actor.role, input) },
  'members.summary': { access: STAFF, handler: (ctx) => registrySummary(ctx.store) },
  'members.history': { access: STAFF, handler: (ctx, input) => recordHistory(ctx.store, input.entity, input.id, input.offset, input.limit) },
  'members.export': {
    access: STAFF,
    handler: (ctx, input) =>
      exportMembers(ctx.store, ctx.actor, input.kind === 'coopMembers' ? { kind: 'coopMembers', format: input.format, coopId: input.coopId } : input.kind === 'households' ? { kind: 'households', format: input.format, filter: input.filter } : { kind: 'orgs', format: input.format, filter: input.filter }),
  },
  'members.importTemplate': { access: IMPORTERS, handler: (ctx, input) => importTemplate(ctx.store, input.kind) },
  'members.importPreview': { access: IMPORTERS, handler: (ctx, input) => previewImport(ctx.store, ctx.actor, input.kind, input.name, bytes(input.base64)) },
  'members.importCommit': { access: IMPORTERS, handler: (ctx, input) => commitImport(ctx.store, ctx.actor, input.kind, input.name, bytes(input.base64)) },
  'members.reindex': { access: ['admin'], handler: (ctx) => rebuildSearchIndex(ctx.store, ctx.actor) },

  'orgs.list': { access: STAFF, handler: (ctx, input) => listOrgs(ctx.store, input) },
  'orgs.get': { access: STAFF, handler: (ctx, input) => orgDetail(ctx.store, ctx.actor, input.id) },
  'orgs.save': { access: RECORD_EDITORS, handler: (ctx, input) => saveOrg(ctx.store, ctx.actor, input) },
  'orgs.setStatus': { access: RECORD_EDITORS, handler: (ctx, input) => setOrgStatus(ctx.store, ctx.actor, input) },
  'orgs.remove': { access: RECORD_EDITORS, handler: (ctx, input) => removeOrg(ctx.store, ctx.actor, input.id) },

  'households.list': { access: STAFF, handler: (ctx, input) => listHouseholds(ctx.store, ctx.actor, input) },
  'households.get': { access: STAFF, handler: (ctx, input) => householdDetail(ctx.store, ctx.actor, input.id) },
  'households.save': { access: RECORD_EDITORS, handler: (ctx, input) => saveHousehold(ctx.store, ctx.actor, input) },
  'households.setStatus': { access: RECORD_EDITORS, handler: (ctx, input) => setHouseholdStatus(ctx.store, ctx.actor, input) },
  'households.remove': { access: RECORD_EDITORS, handler: (ctx, input) => removeHousehold(ctx.store, ctx.actor, input.id) },

  'coopMembers.list': { access: STAFF, handler: (ctx, input) => listCoopMembers(ctx.store, ctx.actor.role, input.coopId) },
  'coopMembers.save': { access: RECORD_EDITORS, handler: (ctx, input) => saveCoopMember(ctx.store, ctx.actor, input) },
  'coopMembers.remove': { access: RECORD_EDITORS, handler: (ctx, input) => removeCoopMember(ctx.store, ctx.actor, input.id) },

  'unions.list': { access: STAFF, handler: (ctx) => listUnions(ctx.store) },
  'unions.get': { access: STAFF, handler: (ctx, input) => ({ union: getUnion(ctx.store, input.id), members: listUnionMembers(ctx.store, input.id) }) },
  'unions.save': { access: STRUCTURE_EDITORS, handler: (ctx, input) => saveUnion(ctx.store, ctx.actor, input) },
  'unions.setStatus': { access: STRUCTURE_EDITORS, handler: (ctx, input) => setUnionStatus(ctx.store, ctx.actor, input) },
  'unionMembers.save': { access: STRUCTURE_EDITORS, handler: (ctx, input) => saveUnionMember(ctx.store, ctx.actor, input) },
  'unionMembers.remove': { access: STRUCTURE_EDITORS, handler: (ctx, input) => removeUnionMember(ctx.store, ctx.actor, input.id) },

  'sites.list': { access: STAFF, handler: (ctx, input) => listSites(ctx.store, input) },
  'sites.save': { access: STRUCTURE_EDITORS, handler: (ctx, input) => saveSite(ctx.store, ctx.actor, input) },
  'sites.remove': { access: STRUCTURE_EDITORS, handler: (ctx, input) => removeSite(ctx.store, ctx.actor, input.id) },

  'industries.list': { access: STAFF, handler: (ctx) => listIndustries(ctx.store) },
  'industries.save': { access: STRUCTURE_EDITORS, handler: (ctx, input) => saveIndustry(ctx.store, ctx.actor, input) },
  'industries.remove': { access: STRUCTURE_EDITORS, handler: (ctx, input) => removeIndustry(ctx.store, ctx.actor, input.id) },
};
