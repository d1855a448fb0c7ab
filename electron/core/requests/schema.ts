import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { townships, villages } from '../settings/schema';
import { households, orgs } from '../members/schema';
import { users } from '../auth/schema';
import { CHANNEL_VALUES, PROVIDER_KIND_VALUES, REQUEST_KIND_VALUES, REQUEST_STATUS } from '../../../shared/contract/requestFields';

const PROVIDER_KINDS = PROVIDER_KIND_VALUES;
const REQUEST_KINDS = REQUEST_KIND_VALUES;
const CHANNELS = CHANNEL_VALUES;

/** Production links (耕, 种, 防, 收, 烘干 …), an editable list; `core` links make up 全程托管. */
export const serviceLinks = sqliteTable('service_links', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sort: integer('sort').notNull().default(0),
  core: integer('core', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});

/** Crops served, each with the links the centre offers for it (JSON array of link ids). */
export const serviceCrops = sqliteTable('service_crops', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sort: integer('sort').notNull().default(0),
  links: text('links').notNull().default('[]'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});

/**
 * Service providers. Links, crops and townships are JSON arrays of ids (a county has tens of providers,
 * so ranking reads them all); machines are a JSON array of { name, kind, count }.
 */
export const providers = sqliteTable(
  'providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: PROVIDER_KINDS }).notNull(),
    orgId: integer('org_id').references(() => orgs.id),
    contactName: text('contact_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    links: text('links').notNull().default('[]'),
    crops: text('crops').notNull().default('[]'),
    townships: text('townships').notNull().default('[]'),
    machines: text('machines').notNull().default('[]'),
    /** Work the provider can do in one day, in hundredths of a mu (亩次 of any link). */
    capacityMu100: integer('capacity_mu100').notNull().default(0),
    notes: text('notes').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    pyInitials: text('py_initials').notNull().default(''),
    pyFull: text('py_full').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('providers_name').on(t.name), index('providers_org').on(t.orgId)],
);

/** Price per mu for a link on a crop, valid from/to (valid_to '' = open). */
export const servicePrices = sqliteTable(
  'service_prices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    linkId: integer('link_id')
      .notNull()
      .references(() => serviceLinks.id),
    cropId: integer('crop_id')
      .notNull()
      .references(() => serviceCrops.id),
    priceFen: integer('price_fen').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('service_prices_key').on(t.linkId, t.cropId, t.validFrom)],
);

/** Share of the price (basis points) and a cap per mu per season; crop_id null = every crop. */
export const subsidyRules = sqliteTable('subsidy_rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  shareBp: integer('share_bp').notNull(),
  capFenPerMu: integer('cap_fen_per_mu').notNull(),
  cropId: integer('crop_id').references(() => serviceCrops.id),
  validFrom: text('valid_from').notNull(),
  validTo: text('valid_to').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** 托管 contracts: a season or a year, a farmer or an organisation, several plots and agreed prices. */
export const serviceContracts = sqliteTable(
  'service_contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    householdId: integer('household_id').references(() => households.id),
    orgId: integer('org_id').references(() => orgs.id),
    term: text('term', { enum: ['season', 'year'] }).notNull(),
    model: text('model', { enum: ['全程托管', '多环节托管', '单环节托管'] }).notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    signedOn: text('signed_on').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('service_contracts_household').on(t.householdId), index('service_contracts_org').on(t.orgId)],
);

export const contractPlots = sqliteTable(
  'contract_plots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    location: text('location').notNull().default(''),
    cropId: integer('crop_id')
      .notNull()
      .references(() => serviceCrops.id),
    areaMu100: integer('area_mu100').notNull(),
  },
  (t) => [index('contract_plots_contract').on(t.contractId)],
);

/** Agreed price per mu for each link and crop of a contract; it replaces the price list for its requests. */
export const contractPrices = sqliteTable(
  'contract_prices',
  {
    contractId: integer('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    linkId: integer('link_id')
      .notNull()
      .references(() => serviceLinks.id),
    cropId: integer('crop_id')
      .notNull()
      .references(() => serviceCrops.id),
    priceFen: integer('price_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.linkId, t.cropId] })],
);

/**
 * Service requests. Business dates (received_on, done_on …) are local 'YYYY-MM-DD' for statistics;
 * *_at are ISO UTC stamps. Exactly one of household_id / org_id is set.
 */
export const serviceRequests = sqliteTable(
  'service_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    householdId: integer('household_id').references(() => households.id),
    orgId: integer('org_id').references(() => orgs.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    cropId: integer('crop_id').references(() => serviceCrops.id),
    areaMu100: integer('area_mu100').notNull().default(0),
    townshipId: integer('township_id').references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    location: text('location').notNull().default(''),
    wishedFrom: text('wished_from').notNull().default(''),
    wishedTo: text('wished_to').notNull().default(''),
    /** 0 普通, 1 加急, 2 紧急. */
    priority: integer('priority').notNull().default(0),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: REQUEST_STATUS }).notNull().default('received'),
    providerId: integer('provider_id').references(() => providers.id),
    handlerId: integer('handler_id').references(() => users.id),
    contractId: integer('contract_id').references(() => serviceContracts.id),
    contractPlotId: integer('contract_plot_id').references(() => contractPlots.id),
    outsideReason: text('outside_reason').notNull().default(''),
    cancelReason: text('cancel_reason').notNull().default(''),
    satisfaction: integer('satisfaction'),
    followComment: text('follow_comment').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    receivedAt: text('received_at').notNull(),
    dispatchedOn: text('dispatched_on').notNull().default(''),
    startedOn: text('started_on').notNull().default(''),
    doneOn: text('done_on').notNull().default(''),
    followedOn: text('followed_on').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('service_requests_status').on(t.status, t.receivedOn),
    index('service_requests_received_at').on(t.receivedAt),
    index('service_requests_township').on(t.townshipId, t.status),
    index('service_requests_provider').on(t.providerId, t.status),
    index('service_requests_handler').on(t.handlerId, t.status, t.wishedTo, t.dispatchedOn),
    // The statistics read requests by the day they were received, completed and followed up; these
    // indexes carry every grouping column so that a year's figures never touch the table.
    index('service_requests_received').on(t.receivedOn, t.townshipId, t.cropId, t.providerId, t.kind),
    index('service_requests_done').on(t.doneOn, t.receivedOn, t.townshipId, t.cropId, t.providerId, t.kind),
    index('service_requests_followed').on(t.followedOn, t.satisfaction, t.townshipId, t.cropId, t.providerId, t.kind),
    index('service_requests_household').on(t.householdId),
    index('service_requests_org').on(t.orgId),
    index('service_requests_contract').on(t.contractId),
  ],
);

/**
 * The links a request asks for; the price per mu is frozen when it is dispatched. The request's dates and
 * satisfaction are copied here by triggers (migration frontdesk_stats) so that statistics by link read this
 * table's indexes alone instead of joining a year of requests.
 */
export const requestLinks = sqliteTable(
  'request_links',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    linkId: integer('link_id')
      .notNull()
      .references(() => serviceLinks.id),
    priceFen: integer('price_fen'),
    receivedOn: text('received_on').notNull().default(''),
    doneOn: text('done_on').notNull().default(''),
    followedOn: text('followed_on').notNull().default(''),
    satisfaction: integer('satisfaction'),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.linkId] }),
    index('request_links_received').on(t.receivedOn, t.linkId),
    index('request_links_done').on(t.doneOn, t.linkId, t.receivedOn),
    index('request_links_followed').on(t.followedOn, t.linkId, t.satisfaction),
  ],
);

/** Every lifecycle step, stamped with who and when; the request page shows them as a timeline. */
export const requestEvents = sqliteTable(
  'request_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull().default(''),
    toStatus: text('to_status').notNull().default(''),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('request_events_request').on(t.requestId)],
);

/**
 * One link done on one visit. mu_times100 comes from the one 亩次 rule (rules.ts); township, crop, kind
 * and provider are copied from the request so that statistics read this table alone.
 */
export const serviceRecords = sqliteTable(
  'service_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    linkId: integer('link_id')
      .notNull()
      .references(() => serviceLinks.id),
    doneOn: text('done_on').notNull(),
    areaMu100: integer('area_mu100').notNull(),
    muTimes100: integer('mu_times100').notNull(),
    operator: text('operator').notNull().default(''),
    machine: text('machine').notNull().default(''),
    priceFen: integer('price_fen').notNull(),
    feeFen: integer('fee_fen').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    payState: text('pay_state', { enum: ['unpaid', 'partial', 'paid'] }).notNull(),
    notes: text('notes').notNull().default(''),
    providerId: integer('provider_id').references(() => providers.id),
    townshipId: integer('township_id').references(() => townships.id),
    cropId: integer('crop_id').references(() => serviceCrops.id),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    contractId: integer('contract_id').references(() => serviceContracts.id),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('service_records_request').on(t.requestId),
    index('service_records_contract').on(t.contractId),
    // Covers the yearly statistics and indicator 6: a range scan on done_on never touches the table.
    index('service_records_stats').on(t.doneOn, t.kind, t.townshipId, t.cropId, t.linkId, t.providerId, t.muTimes100, t.feeFen, t.subsidyFen, t.paidFen),
  ],
);

/**
 * Service records summed per month and per value of one dimension (township, crop, link, provider, kind,
 * or '' for the month's total), kept by triggers on service_records (migration frontdesk_stats), so a
 * year's statistics read a few hundred rows whatever the number of records.
 */
export const serviceRollups = sqliteTable(
  'service_rollups',
  {
    dim: text('dim').notNull(),
    month: text('month').notNull(),
    key: text('key').notNull(),
    muTimes100: integer('mu_times100').notNull().default(0),
    feeFen: integer('fee_fen').notNull().default(0),
    subsidyFen: integer('subsidy_fen').notNull().default(0),
    paidFen: integer('paid_fen').notNull().default(0),
    records: integer('records').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.month, t.key] })],
);

export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    content: text('content').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    resolution: text('resolution').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    receivedBy: text('received_by').notNull(),
    resolvedAt: text('resolved_at').notNull().default(''),
    resolvedBy: text('resolved_by').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('complaints_status').on(t.status), index('complaints_request').on(t.requestId)],
);
