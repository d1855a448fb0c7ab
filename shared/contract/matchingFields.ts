import { z, text, optText, int, id, date, fen } from '../zod';

export const CERTIFICATIONS = ['绿色食品', '有机', '地理标志', '天生云阳'] as const;
export const CATEGORY_KIND_LABELS = { produce: '农产品', input: '农资' } as const;
export const SIDE_LABELS = { supply: '供应', demand: '需求' } as const;
export const LISTING_STATUS_LABELS = { open: '挂牌中', matched: '已全部成交', withdrawn: '已撤回' } as const;
export const DEAL_STATUS_LABELS = { open: '履约中', completed: '已完成', cancelled: '已取消' } as const;
export const EVENT_KIND_VALUES = ['产销对接活动', '展销会', '其他'] as const;
export const EVENT_ROLE_LABELS = { seller: '供方', buyer: '采购方', other: '其他' } as const;

export const side = z.enum(['supply', 'demand'], { error: '请选择供应或需求' });
export const categoryKind = z.enum(['produce', 'input'], { error: '请选择农产品或农资' });
export const partyKind = z.enum(['org', 'household'], { error: '请选择主体类型' });
export const baseUnit = z.enum(['g', 'ml', 'head', 'piece'], { error: '请选择计量方式' });

export const optId = (label: string) => id(label).nullable().default(null);
/** Decimal text (or a number) in the chosen unit; the service converts it exactly or says why not. */
export const qtyText = (label: string) =>
  z
    .union([z.string({ error: `请填写${label}` }), z.number({ error: `${label}必须是数字` })], { error: `请填写${label}` })
    .transform((v) => String(v).trim());
const optPrice = (label: string) => fen(label).min(0, { error: `${label}不能为负数` }).nullable().default(null);
export const edit = { id: z.number().int().positive().optional(), version: z.number().int().optional() };

export const unitOut = z.object({ id: z.number().nullable(), name: z.string(), num: z.number(), den: z.number(), standard: z.boolean() });
export const productOut = z.object({
  id: z.number(),
  categoryId: z.number(),
  category: z.string(),
  kind: categoryKind,
  name: z.string(),
  variety: z.string(),
  label: z.string(),
  baseUnit,
  grades: z.array(z.string()),
  defaultUnit: z.string(),
  active: z.boolean(),
  version: z.number(),
  units: z.array(unitOut),
});
export const categoryOut = z.object({ id: z.number(), name: z.string(), kind: categoryKind, sort: z.number(), version: z.number(), products: z.number() });

export const productInput = z.object({
  ...edit,
  categoryId: id('品类'),
  name: text('产品名称', 30),
  variety: optText('品种', 30),
  baseUnit,
  grades: z.array(text('等级', 20)).max(10, { error: '等级最多 10 个' }).default([]),
  defaultUnit: text('默认单位', 20),
  active: z.boolean().default(true),
});

export const listingInput = z.object({
  ...edit,
  side,
  partyKind,
  partyId: id('主体'),
  categoryId: optId('品类'),
  productId: optId('产品'),
  grade: optText('等级', 20),
  quantity: qtyText('数量'),
  unit: text('单位', 20),
  priceMinFen: optPrice('最低价'),
  priceMaxFen: optPrice('最高价'),
  priceUnit: optText('价格单位', 20),
  windowFrom: date('开始日期'),
  windowTo: date('结束日期'),
  townshipId: optId('乡镇'),
  place: optText('地点', 100),
  certifications: z.array(z.enum(CERTIFICATIONS, { error: '认证不在可选范围内' })).default([]),
  notes: optText('备注', 500),
});

export const listingOut = z.object({
  id: z.number(),
  code: z.string(),
  side,
  kind: categoryKind,
  partyKind,
  partyId: z.number(),
  partyName: z.string(),
  partyStatus: z.string(),
  categoryId: z.number(),
  category: z.string(),
  productId: z.number().nullable(),
  product: z.string(),
  grade: z.string(),
  baseUnit,
  unit: z.string(),
  quantity: z.string(),
  quantityBase: z.number(),
  committedBase: z.number(),
  remainingBase: z.number(),
  remaining: z.string(),
  priceMinFen: z.number().nullable(),
  priceMaxFen: z.number().nullable(),
  priceUnit: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  townshipId: z.number().nullable(),
  township: z.string(),
  place: z.string(),
  certifications: z.array(z.string()),
  notes: z.string(),
  status: z.enum(['open', 'matched', 'withdrawn']),
  statusReason: z.string(),
  photos: z.number(),
  deals: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const listingFilter = z.object({
  side: side.optional(),
  kind: categoryKind.optional(),
  status: z.enum(['current', 'open', 'matched', 'withdrawn', 'expired', 'all']).default('current'),
  categoryId: z.number().int().positive().optional(),
  productId: z.number().int().positive().optional(),
  townshipId: z.number().int().positive().optional(),
  partyKind: partyKind.optional(),
  partyId: z.number().int().positive().optional(),
  q: z.string().trim().max(60).default(''),
});

export const scorePart = z.object({ key: z.string(), label: z.string(), value: z.number(), weight: z.number(), note: z.string() });

/** Terms a confirmation form starts from: the quantity both sides still have, a price both accept, the first common day. */
export const suggestion = z.object({
  quantityBase: z.number(),
  quantity: z.string(),
  unit: z.string(),
  priceFen: z.number().nullable(),
  priceUnit: z.string(),
  deliveryDate: z.string(),
});

export const dealInput = z.object({
  supplyId: id('供应挂牌'),
  demandId: id('需求挂牌'),
  quantity: qtyText('成交数量'),
  unit: text('单位', 20),
  priceFen: fen('成交价').positive({ error: '成交价必须大于 0' }),
  priceUnit: text('价格单位', 20),
  deliveryDate: date('交货日期'),
  signedOn: date('签约日期'),
  eventId: optId('对接活动'),
  notes: optText('备注', 500),
});

export const dealOut = z.object({
  id: z.number(),
  code: z.string(),
  supplyId: z.number(),
  demandId: z.number(),
  supplyCode: z.string(),
  demandCode: z.string(),
  kind: categoryKind,
  sellerKind: partyKind,
  sellerId: z.number(),
  seller: z.string(),
  buyerKind: partyKind,
  buyerId: z.number(),
  buyer: z.string(),
  productId: z.number(),
  product: z.string(),
  category: z.string(),
  grade: z.string(),
  unit: z.string(),
  quantity: z.string(),
  quantityBase: z.number(),
  delivered: z.string(),
  deliveredBase: z.number(),
  undelivered: z.string(),
  priceFen: z.number(),
  priceUnit: z.string(),
  valueFen: z.number(),
  deliveredValueFen: z.number(),
  signedOn: z.string(),
  deliveryDate: z.string(),
  eventId: z.number().nullable(),
  event: z.string(),
  originTownship: z.string(),
  certifications: z.array(z.string()),
  score: z.number().nullable(),
  status: z.enum(['open', 'completed', 'cancelled']),
  cancelReason: z.string(),
  cancelledOn: z.string(),
  notes: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number(),
});

export const deliveryOut = z.object({ id: z.number(), date: z.string(), quantity: z.string(), quantityBase: z.number(), valueFen: z.number(), note: z.string(), createdBy: z.string(), createdAt: z.string() });

export const eventInput = z.object({
  ...edit,
  name: text('活动名称', 60),
  kind: z.enum(EVENT_KIND_VALUES, { error: '请选择活动类型' }).default('产销对接活动'),
  date: date('活动日期'),
  townshipId: optId('乡镇'),
  place: optText('地点', 100),
  organiser: optText('主办单位', 100),
  notes: optText('备注', 500),
});

export const eventOut = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(EVENT_KIND_VALUES),
  date: z.string(),
  townshipId: z.number().nullable(),
  township: z.string(),
  place: z.string(),
  organiser: z.string(),
  notes: z.string(),
  participants: z.number(),
  deals: z.number(),
  valueFen: z.number(),
  version: z.number(),
});

export const participantOut = z.object({ partyKind, partyId: z.number(), name: z.string(), kindLabel: z.string(), role: z.enum(['seller', 'buyer', 'other']) });

export const weightsIn = z.object({
  fit: int('产品与等级权重', 0, 100),
  quantity: int('数量满足权重', 0, 100),
  window: int('时间窗口权重', 0, 100),
  price: int('价格权重', 0, 100),
  distance: int('距离权重', 0, 100),
  record: int('履约记录权重', 0, 100),
});
export const matchingSettings = z.object({ weights: weightsIn, maxKm: int('距离上限（公里）', 5, 1000) });

const groupRow = { deals: z.number(), valueFen: z.number(), deliveredValueFen: z.number(), brandedValueFen: z.number(), quantities: z.string() };
export const figuresOut = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    deals: z.number(),
    cancelled: z.number(),
    completed: z.number(),
    valueFen: z.number(),
    deliveredValueFen: z.number(),
    brandedDeals: z.number(),
    brandedValueFen: z.number(),
    /** Branded value over all value, 0..1. */
    brandedShare: z.number(),
    events: z.number(),
    inputDeals: z.number(),
    inputValueFen: z.number(),
  }),
  byProduct: z.array(z.object({ productId: z.number(), product: z.string(), category: z.string(), kind: categoryKind, unit: z.string(), quantityBase: z.number(), quantity: z.string(), ...groupRow })),
  byTownship: z.array(z.object({ townshipId: z.number().nullable(), township: z.string(), ...groupRow })),
  byMonth: z.array(z.object({ month: z.string(), ...groupRow })),
  byEvent: z.array(z.object({ eventId: z.number(), event: z.string(), date: z.string(), participants: z.number(), ...groupRow })),
});
export const periodIn = z.object({
  from: date('开始日期').or(z.literal('')).default(''),
  to: date('结束日期').or(z.literal('')).default(''),
});
