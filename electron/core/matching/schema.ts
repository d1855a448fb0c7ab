import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { townships } from '../settings/schema';
import { orgs, households } from '../members/schema';

export const CATEGORY_KINDS = ['produce', 'input'] as const;
export const LISTING_SIDES = ['supply', 'demand'] as const;
export const LISTING_STATUS = ['open', 'matched', 'withdrawn'] as const;
export const PARTY_KINDS = ['org', 'household'] as const;
export const DEAL_STATUS = ['open', 'completed', 'cancelled'] as const;
export const EVENT_KINDS = ['产销对接活动', '展销会', '其他'] as const;
export const EVENT_ROLES = ['seller', 'buyer', 'other'] as const;

/** A party column pair (kind, id) must agree with its foreign-key twin, one of org or household. */
function partyCheck(kind: string, id: string, org: string, household: string) {
  return sql.raw(`(${kind} = 'org' AND ${org} = ${id} AND ${household} IS NULL) OR (${kind} = 'household' AND ${household} = ${id} AND ${org} IS NULL)`);
}

/** 柑橘, 中药材, 生猪 (农产品) and 种子, 化肥, 农药, 农膜 (农资). */
export const catalogCategories = sqliteTable('catalog_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
  sort: integer('sort').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/**
 * A product (晚熟脐橙) in a category, with its base unit for stored quantities and its grades best
 * first (JSON array, e.g. ["特级","一级","二级"]); a listing's grade is one of them or ''.
 */
export const catalogProducts = sqliteTable(
  'catalog_products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => catalogCategories.id),
    name: text('name').notNull(),
    variety: text('variety').notNull().default(''),
    baseUnit: text('base_unit', { enum: ['g', 'ml', 'head', 'piece'] }).notNull(),
    grades: text('grades').notNull().default('[]'),
    defaultUnit: text('default_unit').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    pyFull: text('py_full').notNull().default(''),
    pyInitials: text('py_initials').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('catalog_products_name').on(t.categoryId, t.name, t.variety)],
);

/** A product's own units (箱, 袋, 瓶): one unit is num/den base units, an exact rational. */
export const catalogUnits = sqliteTable(
  'catalog_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    name: text('name').notNull(),
    num: integer('num').notNull(),
    den: integer('den').notNull().default(1),
  },
  (t) => [uniqueIndex('catalog_units_name').on(t.productId, t.name)],
);

/**
 * Supply and demand listings, for produce and for inputs (农资). Quantities are integers in the base
 * unit; `committed_base` is what confirmed deals hold (agreed, or only the delivered part of a
 * cancelled deal), kept in the same transaction as the deal. The entered unit and the price unit
 * are kept with their factors so the listing reads back as it was typed.
 */
export const listings = sqliteTable(
  'listings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    side: text('side', { enum: LISTING_SIDES }).notNull(),
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    partyId: integer('party_id').notNull(),
    /** The party again as a real foreign key, so the registry will not delete a member a listing names. */
    orgId: integer('org_id').references(() => orgs.id),
    householdId: integer('household_id').references(() => households.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => catalogCategories.id),
    /** Null: a demand for anything in the category. */
    productId: integer('product_id').references(() => catalogProducts.id),
    grade: text('grade').notNull().default(''),
    baseUnit: text('base_unit', { enum: ['g', 'ml', 'head', 'piece'] }).notNull(),
    quantityBase: integer('quantity_base').notNull(),
    committedBase: integer('committed_base').notNull().default(0),
    unit: text('unit').notNull(),
    unitNum: integer('unit_num').notNull(),
    unitDen: integer('unit_den').notNull(),
    /** Fen per price unit; null on both ends means 面议. */
    priceMinFen: integer('price_min_fen'),
    priceMaxFen: integer('price_max_fen'),
    priceUnit: text('price_unit').notNull(),
    priceNum: integer('price_num').notNull(),
    priceDen: integer('price_den').notNull(),
    windowFrom: text('window_from').notNull(),
    windowTo: text('window_to').notNull(),
    /** Origin township of a supply, delivery township of a demand. */
    townshipId: integer('township_id').references(() => townships.id),
    place: text('place').notNull().default(''),
    certifications: text('certifications').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: LISTING_STATUS }).notNull().default('open'),
    statusReason: text('status_reason').notNull().default(''),
    createdBy: text('created_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('listings_party', partyCheck('party_kind', 'party_id', 'org_id', 'household_id')),
    index('listings_match').on(t.side, t.status, t.categoryId, t.productId),
    index('listings_party').on(t.partyKind, t.partyId),
    index('listings_kind').on(t.kind, t.side, t.status),
  ],
);

export const listingPhotos = sqliteTable(
  'listing_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    /** Content in file_blobs, so backups carry the photos. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('listing_photos_listing').on(t.listingId)],
);

/** 产销对接活动 / 展销会. */
export const matchingEvents = sqliteTable('matching_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind', { enum: EVENT_KINDS }).notNull().default('产销对接活动'),
  date: text('date').notNull(),
  townshipId: integer('township_id').references(() => townships.id),
  place: text('place').notNull().default(''),
  organiser: text('organiser').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const matchingEventParties = sqliteTable(
  'matching_event_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => matchingEvents.id),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    partyId: integer('party_id').notNull(),
    orgId: integer('org_id').references(() => orgs.id),
    householdId: integer('household_id').references(() => households.id),
    role: text('role', { enum: EVENT_ROLES }).notNull().default('other'),
  },
  (t) => [uniqueIndex('matching_event_parties_one').on(t.eventId, t.partyKind, t.partyId), check('matching_event_parties_party', partyCheck('party_kind', 'party_id', 'org_id', 'household_id'))],
);

/**
 * A confirmed match. Parties, product, origin and certifications are copied from the listings when
 * signed, so figures stay as they were even if a listing is edited later. Price is fen per price
 * unit (kept with its factor); value is the agreed quantity at that price, rounded to the fen.
 */
export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplyId: integer('supply_id')
      .notNull()
      .references(() => listings.id),
    demandId: integer('demand_id')
      .notNull()
      .references(() => listings.id),
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    sellerKind: text('seller_kind', { enum: PARTY_KINDS }).notNull(),
    sellerId: integer('seller_id').notNull(),
    sellerOrgId: integer('seller_org_id').references(() => orgs.id),
    sellerHouseholdId: integer('seller_household_id').references(() => households.id),
    buyerKind: text('buyer_kind', { enum: PARTY_KINDS }).notNull(),
    buyerId: integer('buyer_id').notNull(),
    buyerOrgId: integer('buyer_org_id').references(() => orgs.id),
    buyerHouseholdId: integer('buyer_household_id').references(() => households.id),
    categoryId: integer('category_id').notNull(),
    productId: integer('product_id').notNull(),
    grade: text('grade').notNull().default(''),
    baseUnit: text('base_unit', { enum: ['g', 'ml', 'head', 'piece'] }).notNull(),
    quantityBase: integer('quantity_base').notNull(),
    deliveredBase: integer('delivered_base').notNull().default(0),
    unit: text('unit').notNull(),
    unitNum: integer('unit_num').notNull(),
    unitDen: integer('unit_den').notNull(),
    priceFen: integer('price_fen').notNull(),
    priceUnit: text('price_unit').notNull(),
    priceNum: integer('price_num').notNull(),
    priceDen: integer('price_den').notNull(),
    valueFen: integer('value_fen').notNull(),
    deliveredValueFen: integer('delivered_value_fen').notNull().default(0),
    signedOn: text('signed_on').notNull(),
    deliveryDate: text('delivery_date').notNull(),
    eventId: integer('event_id').references(() => matchingEvents.id),
    originTownshipId: integer('origin_township_id'),
    certifications: text('certifications').notNull().default('[]'),
    /** The match score (0-1000, tenths of a point) when staff confirmed it. */
    score: integer('score'),
    status: text('status', { enum: DEAL_STATUS }).notNull().default('open'),
    cancelReason: text('cancel_reason').notNull().default(''),
    cancelledOn: text('cancelled_on').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('deals_seller', partyCheck('seller_kind', 'seller_id', 'seller_org_id', 'seller_household_id')),
    check('deals_buyer', partyCheck('buyer_kind', 'buyer_id', 'buyer_org_id', 'buyer_household_id')),
    index('deals_supply').on(t.supplyId),
    index('deals_demand').on(t.demandId),
    index('deals_seller').on(t.sellerKind, t.sellerId, t.status),
    index('deals_buyer').on(t.buyerKind, t.buyerId, t.status),
    index('deals_signed').on(t.signedOn),
    index('deals_event').on(t.eventId),
  ],
);

export const dealDeliveries = sqliteTable(
  'deal_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    date: text('date').notNull(),
    quantityBase: integer('quantity_base').notNull(),
    valueFen: integer('value_fen').notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('deal_deliveries_deal').on(t.dealId)],
);
