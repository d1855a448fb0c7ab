import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { townships, villages } from '../settings/schema';
import { ORG_KIND_VALUES, ORG_STATUS, SITE_KIND_VALUES } from '../../../shared/contract/memberFields';

/** The lists live in shared/ so that the contract and the forms use the same values. */
export const ORG_KINDS = ORG_KIND_VALUES;
export const RECORD_STATUS = ORG_STATUS;

/** Organisations (主体). Areas are hundredths of a mu; pinyin columns feed the search index. */
export const orgs = sqliteTable(
  'orgs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    legalRep: text('legal_rep').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    townshipId: integer('township_id').references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    address: text('address').notNull().default(''),
    /** JSON array of industry names from the editable list. */
    industries: text('industries').notNull().default('[]'),
    landAreaMu100: integer('land_area_mu100').notNull().default(0),
    memberCount: integer('member_count').notNull().default(0),
    demoLevel: text('demo_level', { enum: ['', '国家级', '市级', '县级'] }).notNull().default(''),
    demoYear: integer('demo_year'),
    registeredOn: text('registered_on').notNull().default(''),
    status: text('status', { enum: RECORD_STATUS }).notNull().default('active'),
    notes: text('notes').notNull().default(''),
    pyFull: text('py_full').notNull().default(''),
    pyInitials: text('py_initials').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('orgs_credit_code').on(t.creditCode),
    index('orgs_kind').on(t.kind, t.status),
    index('orgs_township').on(t.townshipId),
    // Name first: serves name lookups and prefixes, and the likely-duplicate check (name + township + phone).
    index('orgs_name_place').on(t.name, t.townshipId, t.contactPhone),
    index('orgs_py_initials').on(t.pyInitials),
  ],
);

/** Farmer households (农户). The ID number is stored whole and masked on the way out by role. */
export const households = sqliteTable(
  'households',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone').notNull().default(''),
    townshipId: integer('township_id').references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    householdSize: integer('household_size').notNull().default(1),
    landAreaMu100: integer('land_area_mu100').notNull().default(0),
    /** JSON array of crop names. */
    crops: text('crops').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    pyFull: text('py_full').notNull().default(''),
    pyInitials: text('py_initials').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('households_id_number').on(t.idNumber),
    index('households_township').on(t.townshipId),
    // Name first: serves name lookups and prefixes, and the likely-duplicate check (name + township + phone);
    // without it the planner picks the township index and scans a whole township per check.
    index('households_name_place').on(t.name, t.townshipId, t.phone),
    index('households_py_full').on(t.pyFull),
    index('households_phone').on(t.phone),
    index('households_py_initials').on(t.pyInitials),
  ],
);

/**
 * Cooperative membership (合作社成员): a household or an organisation in a cooperative. The ledger's
 * member dimension (accounts 114, 221, 222, 301) points at these rows.
 */
export const coopMembers = sqliteTable(
  'coop_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    coopId: integer('coop_id')
      .notNull()
      .references(() => orgs.id),
    householdId: integer('household_id').references(() => households.id),
    memberOrgId: integer('member_org_id').references(() => orgs.id),
    joinedOn: text('joined_on').notNull(),
    leftOn: text('left_on').notNull().default(''),
    /** Capital from household poverty-alleviation project assets, in fen. */
    capitalPovertyFen: integer('capital_poverty_fen').notNull().default(0),
    capitalOtherFen: integer('capital_other_fen').notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('coop_members_coop').on(t.coopId), index('coop_members_household').on(t.householdId), index('coop_members_org').on(t.memberOrgId)],
);

/** Unions (农合联): regional (county or township level) and industry unions. */
export const unions = sqliteTable('unions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['regional', 'industry'] }).notNull(),
  level: text('level', { enum: ['county', 'township'] }).notNull().default('county'),
  name: text('name').notNull().unique(),
  industry: text('industry').notNull().default(''),
  establishedOn: text('established_on').notNull().default(''),
  status: text('status', { enum: RECORD_STATUS }).notNull().default('active'),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** A township union may cover several townships. */
export const unionTownships = sqliteTable(
  'union_townships',
  {
    unionId: integer('union_id')
      .notNull()
      .references(() => unions.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
  },
  (t) => [uniqueIndex('union_townships_pk').on(t.unionId, t.townshipId)],
);

export const unionMembers = sqliteTable(
  'union_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unionId: integer('union_id')
      .notNull()
      .references(() => unions.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull().default('会员单位'),
    joinedOn: text('joined_on').notNull(),
    leftOn: text('left_on').notNull().default(''),
    status: text('status', { enum: RECORD_STATUS }).notNull().default('active'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('union_members_union').on(t.unionId), index('union_members_org').on(t.orgId)],
);

export const SITE_KINDS = SITE_KIND_VALUES;

/** Service sites; each carries its kind explicitly because the plan's indicators count them by kind. */
export const serviceSites = sqliteTable(
  'service_sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: SITE_KINDS }).notNull(),
    name: text('name').notNull(),
    townshipId: integer('township_id').references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    address: text('address').notNull().default(''),
    operatorOrgId: integer('operator_org_id').references(() => orgs.id),
    operatorName: text('operator_name').notNull().default(''),
    openedOn: text('opened_on').notNull().default(''),
    status: text('status', { enum: RECORD_STATUS }).notNull().default('active'),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('service_sites_kind').on(t.kind, t.status), index('service_sites_township').on(t.townshipId)],
);

/** The editable industry list (柑橘, 中药材, 生猪, …). */
export const industries = sqliteTable('industries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sort: integer('sort').notNull().default(0),
});
