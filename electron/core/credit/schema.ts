import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households, orgs } from '../members/schema';
import { townships, villages } from '../settings/schema';
import { APP_STATUSES, CAMPAIGN_KINDS, PRODUCT_KINDS, RATING_STATUSES, STAFF_FACT_KINDS } from '../../../shared/credit';

/**
 * A credit subject is an organisation or a household of the registry. `subject_key` ('org:12',
 * 'household:5') keys uniqueness and lookups; the two id columns are foreign keys so the registry refuses
 * to delete a record that has credit history.
 */
const subject = {
  subjectKey: text('subject_key').notNull(),
  orgId: integer('org_id').references(() => orgs.id),
  householdId: integer('household_id').references(() => households.id),
};

/** The rating model: one row per version, never changed (a trigger refuses it); the highest version is in force. */
export const creditModels = sqliteTable('credit_models', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  version: integer('version').notNull().unique(),
  /** JSON ModelDefinition (shared/credit.ts). */
  definition: text('definition').notNull(),
  note: text('note').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * A rating: the model version, every input as read (value and where it came from) and the points each
 * earned, so that it can be explained later whatever has changed since. Proposed by whoever computed it,
 * approved (possibly with an adjusted grade and a reason) by a manager or the administrator.
 */
export const creditRatings = sqliteTable(
  'credit_ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...subject,
    modelId: integer('model_id')
      .notNull()
      .references(() => creditModels.id),
    modelVersion: integer('model_version').notNull(),
    /** The day the facts were counted to. */
    asOf: text('as_of').notNull(),
    scoreX100: integer('score_x100').notNull(),
    computedGrade: text('computed_grade').notNull(),
    grade: text('grade').notNull(),
    adjustReason: text('adjust_reason').notNull().default(''),
    status: text('status', { enum: RATING_STATUSES }).notNull(),
    ratedBy: text('rated_by').notNull(),
    ratedAt: text('rated_at').notNull(),
    approvedBy: text('approved_by').notNull().default(''),
    approvedAt: text('approved_at').notNull().default(''),
    /**
     * JSON: the scored lines (see scoring.ts) and the subject as it was. Last, so that lists reading the
     * grade and score never walk through this text's overflow pages.
     */
    inputs: text('inputs').notNull(),
  },
  // Only by subject: an index on status alone would be chosen for "this subject's proposed rating" and make
  // rating everyone quadratic.
  (t) => [index('credit_ratings_subject').on(t.subjectKey, t.id)],
);

/** Facts entered by staff: loans repaid on time or late, guarantees given, awards, penalties. */
export const creditFacts = sqliteTable(
  'credit_facts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...subject,
    kind: text('kind', { enum: STAFF_FACT_KINDS }).notNull(),
    occurredOn: text('occurred_on').notNull(),
    /** Guarantees: the day the guarantee ends ('' while open-ended). */
    endsOn: text('ends_on').notNull().default(''),
    title: text('title').notNull(),
    amountFen: integer('amount_fen'),
    /** Who vouches for it: the bank's letter, the certificate, the decision number. */
    source: text('source').notNull().default(''),
    enteredBy: text('entered_by').notNull(),
    enteredAt: text('entered_at').notNull(),
    /** Facts are withdrawn, not deleted, because past ratings may have counted them. */
    withdrawnAt: text('withdrawn_at').notNull().default(''),
    withdrawnBy: text('withdrawn_by').notNull().default(''),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('credit_facts_subject').on(t.subjectKey, t.kind)],
);

/** 互评: another member unit's score (1-5) and comment, one per evaluator, subject and year. */
export const creditEvaluations = sqliteTable(
  'credit_evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...subject,
    evaluatorOrgId: integer('evaluator_org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    enteredBy: text('entered_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('credit_evaluations_one').on(t.subjectKey, t.evaluatorOrgId, t.year)],
);

/** Loan products of the partner banks. */
export const creditProducts = sqliteTable('credit_products', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  bank: text('bank').notNull(),
  kind: text('kind', { enum: PRODUCT_KINDS }).notNull(),
  minFen: integer('min_fen').notNull(),
  maxFen: integer('max_fen').notNull(),
  termMinMonths: integer('term_min_months').notNull(),
  termMaxMonths: integer('term_max_months').notNull(),
  rateMinBp: integer('rate_min_bp').notNull(),
  rateMaxBp: integer('rate_max_bp').notNull(),
  /** JSON arrays: applicant kinds (农户, 农民专业合作社, …), industries ([] = any), documents required. */
  applicantKinds: text('applicant_kinds').notNull().default('[]'),
  minGrade: text('min_grade').notNull().default(''),
  industries: text('industries').notNull().default('[]'),
  documents: text('documents').notNull().default('[]'),
  online: integer('online', { mode: 'boolean' }).notNull().default(false),
  /** Seeded from the plan's product names with made-up terms, to be replaced by the banks' real terms. */
  example: integer('example', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

/** 金融代办: an application the centre helps a member make. Township and industry are fixed at intake for the figures. */
export const creditApplications = sqliteTable(
  'credit_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    no: text('no').notNull().unique(),
    ...subject,
    productId: integer('product_id')
      .notNull()
      .references(() => creditProducts.id),
    bank: text('bank').notNull(),
    townshipId: integer('township_id').references(() => townships.id),
    industry: text('industry').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    status: text('status', { enum: APP_STATUSES }).notNull().default('draft'),
    requestedFen: integer('requested_fen'),
    termMonths: integer('term_months'),
    submittedOn: text('submitted_on').notNull().default(''),
    decidedOn: text('decided_on').notNull().default(''),
    grantedFen: integer('granted_fen'),
    rateBp: integer('rate_bp'),
    decisionNote: text('decision_note').notNull().default(''),
    withdrawnOn: text('withdrawn_on').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('credit_applications_subject').on(t.subjectKey), index('credit_applications_status').on(t.status, t.id)],
);

/** The documents checklist of an application; a received document's file is a blob (files/blobs.ts). */
export const creditAppDocs = sqliteTable(
  'credit_app_docs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => creditApplications.id),
    name: text('name').notNull(),
    required: integer('required', { mode: 'boolean' }).notNull().default(true),
    sort: integer('sort').notNull().default(0),
    sha256: text('sha256'),
    fileName: text('file_name').notNull().default(''),
    mime: text('mime').notNull().default(''),
    size: integer('size').notNull().default(0),
    receivedBy: text('received_by').notNull().default(''),
    receivedAt: text('received_at').notNull().default(''),
  },
  (t) => [index('credit_app_docs_app').on(t.applicationId, t.sort)],
);

/** Money paid out on an approved application (a revolving line may draw several times) and its repayment. */
export const creditDisbursements = sqliteTable(
  'credit_disbursements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => creditApplications.id),
    disbursedOn: text('disbursed_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    dueOn: text('due_on').notNull(),
    repaidOn: text('repaid_on').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('credit_disbursements_on').on(t.disbursedOn), index('credit_disbursements_app').on(t.applicationId)],
);

/** 信用村, 信用乡镇 and 整村授信: which place was assessed and credited, when, by which bank, for what total line. */
export const creditCampaigns = sqliteTable(
  'credit_campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    villageId: integer('village_id').references(() => villages.id),
    bank: text('bank').notNull(),
    assessedOn: text('assessed_on').notNull(),
    awardedOn: text('awarded_on').notNull().default(''),
    households: integer('households').notNull().default(0),
    lineFen: integer('line_fen').notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('credit_campaigns_place').on(t.townshipId, t.villageId)],
);
