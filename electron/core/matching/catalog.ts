import { and, asc, eq, ne } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { catalogCategories, catalogProducts, catalogUnits } from './schema';
import { AppError, fieldError } from '../../../shared/errors';
import { STANDARD_UNITS, factorFrom, standardUnit, type BaseUnit, type UnitFactor, BASE_UNIT_LABELS } from '../../../shared/quantity';
import { pinyinKeys } from '../search/pinyin';

export type CategoryKind = 'produce' | 'input';

export interface ProductRow {
  id: number;
  categoryId: number;
  category: string;
  kind: CategoryKind;
  name: string;
  variety: string;
  label: string;
  baseUnit: BaseUnit;
  grades: string[];
  defaultUnit: string;
  active: boolean;
  version: number;
  units: (UnitFactor & { id: number | null; standard: boolean })[];
}

export const productLabel = (name: string, variety: string) => (variety ? `${name}（${variety}）` : name);
export const baseLabel = (b: BaseUnit) => BASE_UNIT_LABELS[b].replace(/（.*）/, '');
const CONFLICT = '此记录已被他人修改，请刷新后重试';

export function listCategories(store: Store) {
  const counts = new Map(
    (store.sqlite.prepare('SELECT category_id AS id, count(*) AS n FROM catalog_products GROUP BY category_id').all() as { id: number; n: number }[]).map((r) => [r.id, r.n]),
  );
  return store.db
    .select()
    .from(catalogCategories)
    .orderBy(asc(catalogCategories.sort), asc(catalogCategories.id))
    .all()
    .map((c) => ({ id: c.id, name: c.name, kind: c.kind, sort: c.sort, version: c.version, products: counts.get(c.id) ?? 0 }));
}

/** Every product with its units (standard ones for its base kind, then its own), in catalogue order. */
export function listProducts(store: Store, only?: number[]): ProductRow[] {
  const cats = new Map(store.db.select().from(catalogCategories).all().map((c) => [c.id, c]));
  const own = new Map<number, (UnitFactor & { id: number })[]>();
  for (const u of store.db.select().from(catalogUnits).orderBy(asc(catalogUnits.id)).all()) {
    own.set(u.productId, [...(own.get(u.productId) ?? []), { id: u.id, name: u.name, num: u.num, den: u.den }]);
  }
  const rows = store.db.select().from(catalogProducts).orderBy(asc(catalogProducts.categoryId), asc(catalogProducts.id)).all();
  return rows
    .filter((p) => !only || only.includes(p.id))
    .map((p) => {
      const cat = cats.get(p.categoryId)!;
      return {
        id: p.id,
        categoryId: p.categoryId,
        category: cat.name,
        kind: cat.kind,
        name: p.name,
        variety: p.variety,
        label: productLabel(p.name, p.variety),
        baseUnit: p.baseUnit,
        grades: JSON.parse(p.grades) as string[],
        defaultUnit: p.defaultUnit,
        active: p.active,
        version: p.version,
        units: [...STANDARD_UNITS[p.baseUnit].map((u) => ({ ...u, id: null, standard: true })), ...(own.get(p.id) ?? []).map((u) => ({ ...u, standard: false }))],
      };
    })
    .sort((a, b) => (cats.get(a.categoryId)!.sort - cats.get(b.categoryId)!.sort || a.categoryId - b.categoryId || a.id - b.id));
}

export function getProduct(store: Store, id: number): ProductRow {
  const p = listProducts(store, [id])[0];
  if (!p) throw new AppError('NOT_FOUND', `产品 #${id} 不存在`);
  return p;
}

export function findUnit(p: Pick<ProductRow, 'units'>, name: string): UnitFactor | null {
  const u = p.units.find((x) => x.name === name);
  return u ? { name: u.name, num: u.num, den: u.den } : null;
}

/** How many listings and deals use a product's unit (as quantity or price unit). */
function unitUses(store: Store, productId: number, unit: string): number {
  return store.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM listings WHERE product_id = ? AND (unit = ? OR price_unit = ?)) +
              (SELECT count(*) FROM deals WHERE product_id = ? AND (unit = ? OR price_unit = ?))`,
    )
    .pluck()
    .get(productId, unit, unit, productId, unit, unit) as number;
}

export function saveCategory(store: Store, actor: Actor, input: { id?: number | undefined; version?: number | undefined; name: string; kind: CategoryKind; sort: number }) {
  return store.write(actor, 'catalog.saveCategory', (audit) => {
    const clash = store.db
      .select()
      .from(catalogCategories)
      .where(input.id ? and(eq(catalogCategories.name, input.name), ne(catalogCategories.id, input.id)) : eq(catalogCategories.name, input.name))
      .get();
    if (clash) throw fieldError('name', `品类“${input.name}”已存在`, 'DUPLICATE');
    const now = store.now();
    if (input.id) {
      const before = store.db.select().from(catalogCategories).where(eq(catalogCategories.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `品类 #${input.id} 不存在`);
      if (input.version !== before.version) throw new AppError('CONFLICT', CONFLICT);
      if (before.kind !== input.kind && (store.sqlite.prepare('SELECT count(*) FROM listings WHERE category_id = ?').pluck().get(input.id) as number) > 0)
        throw fieldError('kind', '该品类已有挂牌信息，不能改变“农产品/农资”类型', 'REFUSED');
      store.db.update(catalogCategories).set({ name: input.name, kind: input.kind, sort: input.sort, updatedAt: now, version: before.version + 1 }).where(eq(catalogCategories.id, input.id)).run();
      audit.record({ entity: 'catalog_category', ids: [input.id], summary: { before: { name: before.name, kind: before.kind }, after: { name: input.name, kind: input.kind } } });
      return input.id;
    }
    const row = store.db.insert(catalogCategories).values({ name: input.name, kind: input.kind, sort: input.sort, createdAt: now, updatedAt: now }).returning().get();
    audit.record({ entity: 'catalog_category', ids: [row.id], summary: { after: { name: row.name, kind: row.kind } } });
    return row.id;
  });
}

export interface ProductInput {
  id?: number | undefined;
  version?: number | undefined;
  categoryId: number;
  name: string;
  variety: string;
  baseUnit: BaseUnit;
  grades: string[];
  defaultUnit: string;
  active: boolean;
}

export function saveProduct(store: Store, actor: Actor, input: ProductInput): ProductRow {
  const grades = input.grades.map((g) => g.trim()).filter(Boolean);
  if (new Set(grades).size !== grades.length) throw fieldError('grades', '等级有重复');
  return store.write(actor, 'catalog.saveProduct', (audit) => {
    if (!store.db.select().from(catalogCategories).where(eq(catalogCategories.id, input.categoryId)).get()) throw fieldError('categoryId', '所选品类不存在');
    const clash = store.db
      .select()
      .from(catalogProducts)
      .where(and(eq(catalogProducts.categoryId, input.categoryId), eq(catalogProducts.name, input.name), eq(catalogProducts.variety, input.variety), input.id ? ne(catalogProducts.id, input.id) : undefined))
      .get();
    if (clash) throw fieldError('name', `该品类已有“${productLabel(input.name, input.variety)}”`, 'DUPLICATE');
    const py = pinyinKeys(`${input.name}${input.variety}`);
    const now = store.now();
    if (input.id) {
      const before = getProduct(store, input.id);
      if (input.version !== before.version) throw new AppError('CONFLICT', CONFLICT);
      const listed = store.sqlite.prepare('SELECT count(*) FROM listings WHERE product_id = ?').pluck().get(input.id) as number;
      if (listed > 0 && before.baseUnit !== input.baseUnit) throw fieldError('baseUnit', `已有 ${listed} 条挂牌使用此产品，不能改变计量方式`, 'REFUSED');
      if (listed > 0 && before.categoryId !== input.categoryId) throw fieldError('categoryId', `已有 ${listed} 条挂牌使用此产品，不能改到其他品类`, 'REFUSED');
      for (const g of before.grades.filter((x) => !grades.includes(x))) {
        const n = store.sqlite.prepare("SELECT count(*) FROM listings WHERE product_id = ? AND grade = ? AND status <> 'withdrawn'").pluck().get(input.id, g) as number;
        if (n > 0) throw fieldError('grades', `等级“${g}”仍有 ${n} 条挂牌在用，不能删除`, 'REFUSED');
      }
      if (!findUnit({ units: before.baseUnit === input.baseUnit ? before.units : STANDARD_UNITS[input.baseUnit].map((u) => ({ ...u, id: null, standard: true })) }, input.defaultUnit))
        throw fieldError('defaultUnit', `单位“${input.defaultUnit}”不适用于此产品`);
      if (before.baseUnit !== input.baseUnit) store.db.delete(catalogUnits).where(eq(catalogUnits.productId, input.id)).run();
      store.db
        .update(catalogProducts)
        .set({
          categoryId: input.categoryId,
          name: input.name,
          variety: input.variety,
          baseUnit: input.baseUnit,
          grades: JSON.stringify(grades),
          defaultUnit: input.defaultUnit,
          active: input.active,
          pyFull: py.full,
          pyInitials: py.initials,
          updatedAt: now,
          version: before.version + 1,
        })
        .where(eq(catalogProducts.id, input.id))
        .run();
      audit.record({ entity: 'catalog_product', ids: [input.id], summary: { before: { name: before.label, grades: before.grades }, after: { name: productLabel(input.name, input.variety), grades } } });
      return getProduct(store, input.id);
    }
    if (!STANDARD_UNITS[input.baseUnit].some((u) => u.name === input.defaultUnit)) throw fieldError('defaultUnit', `单位“${input.defaultUnit}”不适用于此计量方式`);
    const row = store.db
      .insert(catalogProducts)
      .values({ ...input, id: undefined, grades: JSON.stringify(grades), pyFull: py.full, pyInitials: py.initials, createdAt: now, updatedAt: now })
      .returning()
      .get();
    audit.record({ entity: 'catalog_product', ids: [row.id], summary: { after: { name: productLabel(row.name, row.variety), baseUnit: row.baseUnit, grades } } });
    return getProduct(store, row.id);
  });
}

/** "1 箱 = 12.5 斤": stored as an exact rational of the product's base unit. */
export function saveUnit(store: Store, actor: Actor, input: { productId: number; name: string; amount: string; of: string }): ProductRow {
  return store.write(actor, 'catalog.saveUnit', (audit) => {
    const p = getProduct(store, input.productId);
    const of = STANDARD_UNITS[p.baseUnit].find((u) => u.name === input.of);
    if (!of) throw fieldError('of', `“${input.of}”不是${p.label}的计量单位（应为 ${STANDARD_UNITS[p.baseUnit].map((u) => u.name).join('、')}）`);
    if (standardUnit(input.name)) throw fieldError('name', `“${input.name}”是标准单位，换算固定，不能修改`);
    const factor = factorFrom(input.amount, of, input.name);
    if (!factor) throw fieldError('amount', '换算数量必须是大于 0 的数字（最多 6 位小数）');
    const existing = p.units.find((u) => u.name === input.name);
    if (existing && (existing.num !== factor.num || existing.den !== factor.den)) {
      const uses = unitUses(store, p.id, input.name);
      if (uses > 0) throw fieldError('amount', `单位“${input.name}”已被 ${uses} 条挂牌或成交使用，换算不能修改；如规格变了，请新增一个单位（如“箱（10公斤）”）`, 'REFUSED');
      store.db.update(catalogUnits).set({ num: factor.num, den: factor.den }).where(eq(catalogUnits.id, existing.id!)).run();
    } else if (!existing) {
      store.db.insert(catalogUnits).values({ productId: p.id, name: input.name, num: factor.num, den: factor.den }).run();
    }
    audit.record({ entity: 'catalog_product', ids: [p.id], summary: { unit: input.name, amount: `${input.amount}${input.of}`, num: factor.num, den: factor.den } });
    return getProduct(store, p.id);
  });
}

export function removeUnit(store: Store, actor: Actor, input: { productId: number; name: string }): ProductRow {
  return store.write(actor, 'catalog.removeUnit', (audit) => {
    const p = getProduct(store, input.productId);
    const u = p.units.find((x) => x.name === input.name);
    if (!u) throw new AppError('NOT_FOUND', `${p.label}没有单位“${input.name}”`);
    if (u.standard) throw new AppError('REFUSED', `“${input.name}”是标准单位，不能删除`);
    if (p.defaultUnit === u.name) throw new AppError('REFUSED', `“${input.name}”是${p.label}的默认单位，请先改默认单位`);
    const uses = unitUses(store, p.id, u.name);
    if (uses > 0) throw new AppError('REFUSED', `单位“${u.name}”已被 ${uses} 条挂牌或成交使用，不能删除`);
    store.db.delete(catalogUnits).where(eq(catalogUnits.id, u.id!)).run();
    audit.record({ entity: 'catalog_product', ids: [p.id], summary: { removedUnit: u.name } });
    return getProduct(store, p.id);
  });
}
