#!/usr/bin/env node
/**
 * Builds build/fonts/NotoSansSC-{Regular,Bold}.ttf (+ OFL.txt) for the PDF reports.
 *
 * Why: pdfmake (pdfkit/fontkit) embeds a plain TrueType font ~40x faster than a WOFF, and fontsource
 * ships Noto Sans SC only as ~100 WOFF slices per weight (one per unicode-range). Its single
 * "chinese-simplified" file is a different build that lacks ~1000 GB2312 hanzi, so the slices are
 * merged here into one TrueType font per weight: glyf/loca/hmtx/cmap are rebuilt, head/hhea/maxp/
 * OS/2/post are recomputed, name is kept. GSUB/GPOS/GDEF/vertical tables are dropped: pdfkit only
 * needs cmap + outlines + metrics for horizontal Chinese text, and their glyph ids are per slice.
 * The slices still miss 33 GB2312 and thousands of GBK hanzi; those come from Debian's Noto Sans
 * CJK SC (see "filling gaps"). Output is byte-for-byte reproducible.
 *
 * Usage: node build/scripts/make-font.mjs [--src <fontsource package dir>] [--out <dir>]
 *                                          [--cjk-dir <dir holding NotoSansCJK-{Regular,Bold}.ttc>]
 * Needs: npm @fontsource/noto-sans-sc (devDependency), apt fonts-noto-cjk, and fontkit, which is
 * already installed as pdfkit's dependency; nothing else beyond node built-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEIGHTS = [
  { weight: 400, style: 'Regular' },
  { weight: 700, style: 'Bold' },
];

// ---------------------------------------------------------------- reading

/** WOFF 1.0 -> map of tag -> uncompressed table bytes. */
function readWoff(buf, name) {
  if (buf.readUInt32BE(0) !== 0x774f4646) throw new Error(`${name}: not a WOFF 1.0 file`);
  // Only TrueType outlines can be merged glyph by glyph; a CFF flavour would need a CFF rewriter.
  if (buf.readUInt32BE(4) !== 0x00010000) throw new Error(`${name}: not TrueType-flavoured`);
  const numTables = buf.readUInt16BE(12);
  const tables = {};
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const tag = buf.toString('latin1', o, o + 4);
    const offset = buf.readUInt32BE(o + 4);
    const compLength = buf.readUInt32BE(o + 8);
    const origLength = buf.readUInt32BE(o + 12);
    const raw = buf.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`${name}: table ${tag} has a wrong length`);
    tables[tag] = data;
  }
  return tables;
}

/** Plain sfnt (TTF/OTF) -> map of tag -> table bytes. Used to check the output. */
function readSfnt(buf) {
  const numTables = buf.readUInt16BE(4);
  const tables = {};
  for (let i = 0; i < numTables; i++) {
    const o = 12 + i * 16;
    const tag = buf.toString('latin1', o, o + 4);
    tables[tag] = buf.subarray(buf.readUInt32BE(o + 8), buf.readUInt32BE(o + 8) + buf.readUInt32BE(o + 12));
  }
  return tables;
}

/** Best Unicode cmap subtable -> Map<codepoint, glyphId>. */
function readCmap(cmap) {
  const n = cmap.readUInt16BE(2);
  const subtables = [];
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 4 || format === 12)) subtables.push({ format, offset });
  }
  // Format 12 is a superset of format 4 when both are present.
  subtables.sort((a, b) => b.format - a.format);
  const best = subtables[0];
  if (!best) throw new Error('no Unicode cmap subtable (format 4 or 12)');
  const map = new Map();
  const o = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const p = o + 16 + g * 12;
      const start = cmap.readUInt32BE(p);
      const end = cmap.readUInt32BE(p + 4);
      const gid = cmap.readUInt32BE(p + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, gid + cp - start);
    }
  } else {
    const segX2 = cmap.readUInt16BE(o + 6);
    const ends = o + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readInt16BE(deltas + s * 2);
      const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let gid;
        if (ro === 0) gid = (cp + delta) & 0xffff;
        else {
          gid = cmap.readUInt16BE(rangeOffsets + s * 2 + ro + (cp - start) * 2);
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        if (gid !== 0) map.set(cp, gid);
      }
    }
  }
  return map;
}

function parseFont(tables, name) {
  for (const t of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap', 'OS/2', 'name', 'post']) {
    if (!tables[t]) throw new Error(`${name}: missing ${t} table`);
  }
  const { head, hhea, maxp, hmtx, loca, glyf } = tables;
  const numGlyphs = maxp.readUInt16BE(4);
  const longLoca = head.readInt16BE(50) === 1;
  const offsets = new Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) offsets[i] = longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2;
  const nMetrics = hhea.readUInt16BE(34);
  const advance = new Array(numGlyphs);
  const lsb = new Array(numGlyphs);
  for (let i = 0; i < numGlyphs; i++) {
    if (i < nMetrics) {
      advance[i] = hmtx.readUInt16BE(i * 4);
      lsb[i] = hmtx.readInt16BE(i * 4 + 2);
    } else {
      advance[i] = advance[nMetrics - 1];
      lsb[i] = hmtx.readInt16BE(nMetrics * 4 + (i - nMetrics) * 2);
    }
  }
  return {
    name,
    tables,
    unitsPerEm: head.readUInt16BE(18),
    numGlyphs,
    glyph: (gid) => glyf.subarray(offsets[gid], offsets[gid + 1]),
    advance,
    lsb,
    cmap: readCmap(tables.cmap),
  };
}

/** Component glyph ids of a composite glyph, with the byte offsets where they are stored. */
function components(data) {
  const out = [];
  if (data.length === 0 || data.readInt16BE(0) >= 0) return out;
  let p = 10;
  for (;;) {
    const flags = data.readUInt16BE(p);
    out.push({ at: p + 2, gid: data.readUInt16BE(p + 2) });
    p += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) p += 2;
    else if (flags & 0x0040) p += 4;
    else if (flags & 0x0080) p += 8;
    if (!(flags & 0x0020)) break;
  }
  return out;
}

// ---------------------------------------------------------------- filling gaps

/*
 * fontsource serves only the slices that Google Fonts' CSS lists, ~13,500 code points, and lacks
 * 33 GB2312 level-2 hanzi (劐阢坶塥…) and thousands of GBK ones that farmers' names can contain.
 * Those are taken from Noto Sans CJK SC (Debian's fonts-noto-cjk: the same 2.004 design and
 * weights that Google instanced Noto Sans SC from) and converted from CFF cubics to TrueType
 * quadratics, so that the result stays one plain glyf font.
 */
const CJK = {
  400: { file: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  700: { file: 'NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
};
const CJK_DIR = '/usr/share/fonts/opentype/noto';
// Max distance, in font units (1000/em), between a cubic and its quadratic replacement: the
// default of fontTools' cu2qu, invisible at any print size.
const TOLERANCE = 1;

/** Code points worth filling: the whole CJK Unified Ideographs block and everything in GBK. */
function fillCodepoints() {
  const set = new Set();
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) set.add(cp);
  const gbk = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const cp = gbk.decode(Uint8Array.of(hi, lo)).codePointAt(0);
      if (cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) set.add(cp);
    }
  }
  return set;
}

/** fontkit parses CID-keyed CFF (FDSelect, subroutines, hint masks): far too much to redo here. */
function loadFontkit() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  // It is pdfkit's own dependency (pdfmake -> pdfkit -> fontkit), so resolve it from there.
  return createRequire(require.resolve('pdfkit'))('fontkit');
}

const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const mid = (a, b) => lerp(a, b, 0.5);
const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function cubicAt(p0, p1, p2, p3, t) {
  const u = 1 - t;
  return [0, 1].map((k) => u * u * u * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t * t * t * p3[k]);
}

function cubicDerivative(p0, p1, p2, p3, t) {
  const u = 1 - t;
  return [0, 1].map((k) => 3 * (u * u * (p1[k] - p0[k]) + 2 * u * t * (p2[k] - p1[k]) + t * t * (p3[k] - p2[k])));
}

function quadAt(a, q, b, t) {
  const u = 1 - t;
  return [0, 1].map((k) => u * u * a[k] + 2 * u * t * q[k] + t * t * b[k]);
}

/** Distance of p from segment ab. */
function segmentDistance(p, a, b) {
  const l2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
  if (l2 === 0) return dist(p, a);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / l2));
  return dist(p, lerp(a, b, t));
}

/**
 * Off-curve points of a quadratic spline within TOLERANCE of the cubic, or [] when the cubic is
 * a straight line. Like cu2qu, the on-curve points between pieces are left implied (midpoints of
 * neighbouring off-curve points), which keeps glyf small.
 */
function cubicToQuadratic(p0, p1, p2, p3) {
  if (segmentDistance(p1, p0, p3) < TOLERANCE / 2 && segmentDistance(p2, p0, p3) < TOLERANCE / 2) return [];
  for (let n = 1; n <= 32; n++) {
    const pieces = [];
    for (let i = 0; i < n; i++) {
      const t0 = i / n, t1 = (i + 1) / n;
      const a = cubicAt(p0, p1, p2, p3, t0), d = cubicAt(p0, p1, p2, p3, t1);
      const da = cubicDerivative(p0, p1, p2, p3, t0), dd = cubicDerivative(p0, p1, p2, p3, t1);
      const b = [a[0] + (da[0] * (t1 - t0)) / 3, a[1] + (da[1] * (t1 - t0)) / 3];
      const c = [d[0] - (dd[0] * (t1 - t0)) / 3, d[1] - (dd[1] * (t1 - t0)) / 3];
      pieces.push({ t0, t1, q: [(3 * (b[0] + c[0]) - a[0] - d[0]) / 4, (3 * (b[1] + c[1]) - a[1] - d[1]) / 4] });
    }
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const start = i === 0 ? p0 : mid(pieces[i - 1].q, pieces[i].q);
      const end = i === n - 1 ? p3 : mid(pieces[i].q, pieces[i + 1].q);
      for (let s = 1; s < 8 && ok; s++) {
        const t = s / 8;
        const onCubic = cubicAt(p0, p1, p2, p3, pieces[i].t0 + (pieces[i].t1 - pieces[i].t0) * t);
        if (dist(quadAt(start, pieces[i].q, end, t), onCubic) > TOLERANCE) ok = false;
      }
    }
    if (ok) return pieces.map((p) => p.q);
  }
  throw new Error('cubic could not be approximated');
}

/** fontkit path commands (PostScript outline) -> TrueType contours of {x, y, on}. */
function pathToContours(commands) {
  const contours = [];
  let pts = null;
  let pen = [0, 0];
  const close = () => {
    if (!pts) return;
    const rounded = [];
    for (const p of pts) {
      const r = { x: Math.round(p.x), y: Math.round(p.y), on: p.on };
      const prev = rounded[rounded.length - 1];
      if (prev && prev.on && r.on && prev.x === r.x && prev.y === r.y) continue;
      rounded.push(r);
    }
    const first = rounded[0];
    const last = rounded[rounded.length - 1];
    if (rounded.length > 1 && last.on && last.x === first.x && last.y === first.y) rounded.pop();
    // PostScript outer contours run counter-clockwise, TrueType ones clockwise.
    if (rounded.length >= 3) contours.push([rounded[0], ...rounded.slice(1).reverse()]);
    pts = null;
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      pen = [args[0], args[1]];
      pts = [{ x: pen[0], y: pen[1], on: true }];
    } else if (command === 'lineTo') {
      pen = [args[0], args[1]];
      pts.push({ x: pen[0], y: pen[1], on: true });
    } else if (command === 'quadraticCurveTo') {
      pts.push({ x: args[0], y: args[1], on: false });
      pen = [args[2], args[3]];
      pts.push({ x: pen[0], y: pen[1], on: true });
    } else if (command === 'bezierCurveTo') {
      const end = [args[4], args[5]];
      for (const q of cubicToQuadratic(pen, [args[0], args[1]], [args[2], args[3]], end)) pts.push({ x: q[0], y: q[1], on: false });
      pen = end;
      pts.push({ x: pen[0], y: pen[1], on: true });
    } else if (command === 'closePath') {
      close();
    }
  }
  close();
  return contours;
}

/** Simple glyf entry, without instructions. */
function encodeGlyph(contours) {
  if (!contours.length) return Buffer.alloc(0);
  const pts = contours.flat();
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
  const flags = [], xBytes = [], yBytes = [];
  let px = 0, py = 0;
  for (const p of pts) {
    let f = p.on ? 0x01 : 0;
    const dx = p.x - px, dy = p.y - py;
    if (dx === 0) f |= 0x10;
    else if (Math.abs(dx) < 256) { f |= 0x02 | (dx > 0 ? 0x10 : 0); xBytes.push(Math.abs(dx)); }
    else xBytes.push((dx >> 8) & 0xff, dx & 0xff);
    if (dy === 0) f |= 0x20;
    else if (Math.abs(dy) < 256) { f |= 0x04 | (dy > 0 ? 0x20 : 0); yBytes.push(Math.abs(dy)); }
    else yBytes.push((dy >> 8) & 0xff, dy & 0xff);
    flags.push(f);
    px = p.x;
    py = p.y;
  }
  const packedFlags = [];
  for (let i = 0; i < flags.length; ) {
    let run = 1;
    while (i + run < flags.length && flags[i + run] === flags[i] && run < 256) run++;
    if (run > 1) { packedFlags.push(flags[i] | 0x08, run - 1); i += run; }
    else { packedFlags.push(flags[i]); i++; }
  }
  const head = Buffer.alloc(10 + contours.length * 2 + 2);
  head.writeInt16BE(contours.length, 0);
  head.writeInt16BE(Math.min(...xs), 2);
  head.writeInt16BE(Math.min(...ys), 4);
  head.writeInt16BE(Math.max(...xs), 6);
  head.writeInt16BE(Math.max(...ys), 8);
  let end = -1;
  contours.forEach((c, i) => head.writeUInt16BE((end += c.length), 10 + i * 2));
  return Buffer.concat([head, Buffer.from(packedFlags), Buffer.from(xBytes), Buffer.from(yBytes)]);
}

/**
 * A source in the shape parseFont returns, holding converted Noto Sans CJK SC glyphs for the
 * wanted code points that no slice has.
 */
function cjkFill(weight, slices, cjkDir) {
  const file = path.join(cjkDir, CJK[weight].file);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or pass --cjk-dir`);
  }
  const sc = loadFontkit().openSync(file, CJK[weight].face);
  if (!sc || sc.postscriptName !== CJK[weight].face) throw new Error(`${file}: no face ${CJK[weight].face}`);
  const have = new Set(slices.flatMap((f) => [...f.cmap.keys()]));
  const glyphs = [Buffer.alloc(0)];
  const advance = [0];
  const lsb = [0];
  const cmap = new Map();
  const local = new Map();
  const convert = (g) => {
    const data = encodeGlyph(pathToContours(g.path.commands));
    return { data, advance: g.advanceWidth, lsb: data.length ? data.readInt16BE(2) : 0 };
  };
  for (const cp of [...fillCodepoints()].sort((a, b) => a - b)) {
    if (have.has(cp) || !sc.hasGlyphForCodePoint(cp)) continue;
    const g = sc.glyphForCodePoint(cp);
    if (!local.has(g.id)) {
      const c = convert(g);
      local.set(g.id, glyphs.length);
      glyphs.push(c.data);
      advance.push(c.advance);
      lsb.push(c.lsb);
    }
    cmap.set(cp, local.get(g.id));
  }

  // Guards against a mismatched weight (or a redesigned Debian font): hanzi present in both
  // sources must have the same exact outline extent; Google instanced its Noto Sans SC from the
  // same masters, so they differ by rounding only.
  const fontkit = loadFontkit();
  let worst = 0;
  let compared = 0;
  for (const f of slices) {
    const cps = [...f.cmap.keys()].filter((cp) => cp >= 0x4e00 && cp <= 0x9fff).slice(0, 3);
    if (!cps.length) continue;
    const ttf = fontkit.create(writeSfnt(f.tables));
    for (const cp of cps) {
      worst = Math.max(worst, bboxDistance(ttf.glyphForCodePoint(cp).bbox, sc.glyphForCodePoint(cp).bbox));
      compared++;
    }
  }
  if (worst > 2) throw new Error(`${CJK[weight].face} differs from the fontsource slices by ${worst} units: wrong weight?`);

  return { name: CJK[weight].face, tables: null, unitsPerEm: sc.unitsPerEm, glyph: (gid) => glyphs[gid], advance, lsb, cmap, sc, worst, compared };
}

const bboxDistance = (a, b) =>
  Math.max(Math.abs(a.minX - b.minX), Math.abs(a.minY - b.minY), Math.abs(a.maxX - b.maxX), Math.abs(a.maxY - b.maxY));

/** Every converted glyph, read back by fontkit, against the CFF original: extent and advance. */
function checkConversion(file, fill) {
  const ttf = loadFontkit().openSync(file);
  let worst = 0;
  for (const cp of fill.cmap.keys()) {
    const ours = ttf.glyphForCodePoint(cp);
    const theirs = fill.sc.glyphForCodePoint(cp);
    if (ours.advanceWidth !== theirs.advanceWidth) throw new Error(`${file}: U+${cp.toString(16)} advance ${ours.advanceWidth} != ${theirs.advanceWidth}`);
    worst = Math.max(worst, bboxDistance(ours.bbox, theirs.bbox));
  }
  // Approximation error plus rounding to whole units.
  if (worst > TOLERANCE + 0.5) throw new Error(`${file}: converted outlines are off by up to ${worst} units`);
  return worst;
}

// ---------------------------------------------------------------- merging

function merge(fonts) {
  const base = fonts[0];
  for (const f of fonts) {
    if (f.unitsPerEm !== base.unitsPerEm) throw new Error(`${f.name}: unitsPerEm ${f.unitsPerEm} != ${base.unitsPerEm}`);
  }

  // First slice that maps a code point wins; slices overlap only on a few controls/spaces.
  const owner = new Map();
  for (let fi = 0; fi < fonts.length; fi++) {
    for (const [cp, gid] of fonts[fi].cmap) if (!owner.has(cp)) owner.set(cp, { fi, gid });
  }
  const codepoints = [...owner.keys()].sort((a, b) => a - b);

  // New ids follow code point order so that the cmap collapses into few delta segments
  // (format 4 must stay under 64 KiB); components used only inside composites go last.
  const newId = new Map();
  const order = [];
  const assign = (fi, gid) => {
    const key = fi * 65536 + gid;
    if (!newId.has(key)) {
      newId.set(key, order.length);
      order.push({ fi, gid });
    }
    return newId.get(key);
  };
  assign(0, 0); // .notdef
  const cmap = new Map();
  for (const cp of codepoints) {
    const { fi, gid } = owner.get(cp);
    cmap.set(cp, assign(fi, gid));
  }
  for (let i = 0; i < order.length; i++) {
    const { fi, gid } = order[i];
    for (const c of components(fonts[fi].glyph(gid))) assign(fi, c.gid);
  }
  if (order.length > 65535) throw new Error(`too many glyphs: ${order.length}`);

  const glyphs = [];
  const advance = [];
  const lsb = [];
  const bbox = [];
  for (const { fi, gid } of order) {
    const f = fonts[fi];
    let data = f.glyph(gid);
    const comps = components(data);
    if (comps.length) {
      data = Buffer.from(data);
      for (const c of comps) data.writeUInt16BE(newId.get(fi * 65536 + c.gid), c.at);
    }
    glyphs.push(data);
    advance.push(f.advance[gid]);
    lsb.push(f.lsb[gid]);
    bbox.push(data.length ? [data.readInt16BE(2), data.readInt16BE(4), data.readInt16BE(6), data.readInt16BE(8)] : null);
  }
  return { base, fonts, glyphs, advance, lsb, bbox, cmap };
}

// ---------------------------------------------------------------- writing

function buildGlyfLoca(glyphs) {
  const parts = [];
  const loca = Buffer.alloc((glyphs.length + 1) * 4);
  let pos = 0;
  glyphs.forEach((g, i) => {
    loca.writeUInt32BE(pos, i * 4);
    const padded = (g.length + 3) & ~3;
    parts.push(g, Buffer.alloc(padded - g.length));
    pos += padded;
  });
  loca.writeUInt32BE(pos, glyphs.length * 4);
  return { glyf: Buffer.concat(parts), loca };
}

function buildHmtx(advance, lsb) {
  // Trailing glyphs of equal advance (all the hanzi are 1000 wide) need only their lsb.
  let n = advance.length;
  while (n > 1 && advance[n - 2] === advance[n - 1]) n--;
  const buf = Buffer.alloc(n * 4 + (advance.length - n) * 2);
  for (let i = 0; i < advance.length; i++) {
    if (i < n) {
      buf.writeUInt16BE(advance[i], i * 4);
      buf.writeInt16BE(lsb[i], i * 4 + 2);
    } else buf.writeInt16BE(lsb[i], n * 4 + (i - n) * 2);
  }
  return { hmtx: buf, numberOfHMetrics: n };
}

function buildCmap(cmap) {
  const entries = [...cmap.entries()].sort((a, b) => a[0] - b[0]);
  const runs = (list) => {
    const out = [];
    for (const [cp, gid] of list) {
      const last = out[out.length - 1];
      if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp;
      else out.push({ start: cp, end: cp, gid });
    }
    return out;
  };

  const bmp = runs(entries.filter(([cp]) => cp < 0xffff));
  bmp.push({ start: 0xffff, end: 0xffff, gid: 0 });
  const segs = bmp.length;
  const f4len = 16 + segs * 8;
  if (f4len > 0xffff) throw new Error(`cmap format 4 too large (${segs} segments)`);
  const f4 = Buffer.alloc(f4len);
  const log2 = Math.floor(Math.log2(segs));
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4len, 2);
  f4.writeUInt16BE(segs * 2, 6);
  f4.writeUInt16BE(2 * 2 ** log2, 8);
  f4.writeUInt16BE(log2, 10);
  f4.writeUInt16BE(segs * 2 - 2 * 2 ** log2, 12);
  bmp.forEach((s, i) => {
    f4.writeUInt16BE(s.end, 14 + i * 2);
    f4.writeUInt16BE(s.start, 16 + segs * 2 + i * 2);
    // The final 0xFFFF segment maps to .notdef through delta 1, as the spec asks.
    f4.writeUInt16BE(s.start === 0xffff ? 1 : (s.gid - s.start) & 0xffff, 16 + segs * 4 + i * 2);
    f4.writeUInt16BE(0, 16 + segs * 6 + i * 2);
  });

  const all = runs(entries);
  const f12 = Buffer.alloc(16 + all.length * 12);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(all.length, 12);
  all.forEach((g, i) => {
    f12.writeUInt32BE(g.start, 16 + i * 12);
    f12.writeUInt32BE(g.end, 20 + i * 12);
    f12.writeUInt32BE(g.gid, 24 + i * 12);
  });

  const records = [
    [0, 3, 'f4'],
    [0, 4, 'f12'],
    [3, 1, 'f4'],
    [3, 10, 'f12'],
  ];
  const header = Buffer.alloc(4 + records.length * 8);
  header.writeUInt16BE(records.length, 2);
  const offF4 = header.length;
  const offF12 = offF4 + f4.length;
  records.forEach(([p, e, which], i) => {
    header.writeUInt16BE(p, 4 + i * 8);
    header.writeUInt16BE(e, 6 + i * 8);
    header.writeUInt32BE(which === 'f4' ? offF4 : offF12, 8 + i * 8);
  });
  return Buffer.concat([header, f4, f12]);
}

function checksum(buf) {
  let sum = 0;
  const padded = buf.length % 4 ? Buffer.concat([buf, Buffer.alloc(4 - (buf.length % 4))]) : buf;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeSfnt(tables) {
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  const log2 = Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(n * 16 - 16 * 2 ** log2, 10);
  const body = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables[tag];
    header.write(tag, 12 + i * 16, 4, 'latin1');
    header.writeUInt32BE(checksum(data), 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(data.length, 24 + i * 16);
    const padded = (data.length + 3) & ~3;
    body.push(data, Buffer.alloc(padded - data.length));
    offset += padded;
  });
  const font = Buffer.concat([header, ...body]);
  const headOffset = header.readUInt32BE(20 + tags.indexOf('head') * 16);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

function buildFont(m) {
  const { base, fonts, glyphs, advance, lsb, bbox, cmap } = m;
  const { glyf, loca } = buildGlyfLoca(glyphs);
  const { hmtx, numberOfHMetrics } = buildHmtx(advance, lsb);

  let xMin = 0x7fff, yMin = 0x7fff, xMax = -0x8000, yMax = -0x8000;
  let minLsb = 0x7fff, minRsb = 0x7fff, maxExtent = -0x8000;
  bbox.forEach((b, i) => {
    if (!b) return;
    xMin = Math.min(xMin, b[0]);
    yMin = Math.min(yMin, b[1]);
    xMax = Math.max(xMax, b[2]);
    yMax = Math.max(yMax, b[3]);
    minLsb = Math.min(minLsb, lsb[i]);
    minRsb = Math.min(minRsb, advance[i] - (lsb[i] + b[2] - b[0]));
    maxExtent = Math.max(maxExtent, lsb[i] + b[2] - b[0]);
  });

  const head = Buffer.from(base.tables.head);
  head.writeUInt32BE(0, 8);
  head.writeInt16BE(xMin, 36);
  head.writeInt16BE(yMin, 38);
  head.writeInt16BE(xMax, 40);
  head.writeInt16BE(yMax, 42);
  head.writeInt16BE(1, 50); // long loca: the merged glyf exceeds 128 KiB

  const hhea = Buffer.from(base.tables.hhea);
  hhea.writeUInt16BE(Math.max(...advance), 10);
  hhea.writeInt16BE(minLsb, 12);
  hhea.writeInt16BE(minRsb, 14);
  hhea.writeInt16BE(maxExtent, 16);
  hhea.writeUInt16BE(numberOfHMetrics, 34);

  const sfnts = fonts.filter((f) => f.tables);
  const maxp = Buffer.from(base.tables.maxp);
  if (maxp.length >= 32) {
    // Each limit of the merged font is the largest limit among the sources; points and contours
    // are counted anew since converted glyphs have no maxp of their own.
    for (let o = 6; o < 32; o += 2) {
      maxp.writeUInt16BE(Math.max(...sfnts.map((f) => f.tables.maxp.readUInt16BE(o))), o);
    }
    let maxPoints = 0, maxContours = 0;
    for (const g of glyphs) {
      const n = g.length ? g.readInt16BE(0) : 0;
      if (n <= 0) continue;
      maxContours = Math.max(maxContours, n);
      maxPoints = Math.max(maxPoints, g.readUInt16BE(10 + (n - 1) * 2) + 1);
    }
    maxp.writeUInt16BE(Math.max(maxp.readUInt16BE(6), maxPoints), 6);
    maxp.writeUInt16BE(Math.max(maxp.readUInt16BE(8), maxContours), 8);
  }
  maxp.writeUInt16BE(glyphs.length, 4);

  const os2 = Buffer.from(base.tables['OS/2']);
  const version = os2.readUInt16BE(0);
  const widths = advance.filter((a) => a > 0);
  os2.writeInt16BE(Math.round(widths.reduce((a, b) => a + b, 0) / widths.length), 2);
  // Unicode and code page bits say which scripts the font covers: the union of the slices.
  for (let o = 42; o < 58; o += 4) os2.writeUInt32BE(sfnts.reduce((acc, f) => (acc | f.tables['OS/2'].readUInt32BE(o)) >>> 0, 0), o);
  if (version >= 1) {
    for (let o = 78; o < 86; o += 4) os2.writeUInt32BE(sfnts.reduce((acc, f) => (acc | f.tables['OS/2'].readUInt32BE(o)) >>> 0, 0), o);
  }
  const cps = [...cmap.keys()].sort((a, b) => a - b);
  os2.writeUInt16BE(Math.min(cps[0], 0xffff), 64);
  os2.writeUInt16BE(Math.min(cps[cps.length - 1], 0xffff), 66);
  if (version >= 2 && os2.length >= 96) os2.writeUInt16BE(0, 94); // usMaxContext: no GSUB/GPOS left

  // post format 3: no glyph names, pdfkit and PDF viewers go by cmap/ToUnicode.
  const post = Buffer.alloc(32);
  base.tables.post.copy(post, 0, 0, 16);
  post.writeUInt32BE(0x00030000, 0);

  const tables = { head, hhea, maxp, 'OS/2': os2, hmtx, cmap: buildCmap(cmap), loca, glyf, name: base.tables.name, post };
  if (base.tables.gasp) tables.gasp = base.tables.gasp;
  return writeSfnt(tables);
}

// ---------------------------------------------------------------- checking

function requiredCharacters() {
  const chars = [];
  for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
  chars.push(...'，。：；（）《》“”、！？¥×·—…');
  chars.push(...'零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整');
  // GB2312 hanzi: rows 0xB0-0xD7 (level 1, 0xD7FA-0xD7FE unassigned) and 0xD8-0xF7 (level 2).
  const gbk = new TextDecoder('gbk', { fatal: true });
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      chars.push(gbk.decode(Uint8Array.of(hi, lo)));
    }
  }
  return chars;
}

function verify(file) {
  const buf = fs.readFileSync(file);
  if (checksum(buf) !== 0xb1b0afba) throw new Error(`${file}: bad font checksum`);
  const font = parseFont(readSfnt(buf), file);
  const required = requiredCharacters();
  const missing = required.filter((ch) => {
    const gid = font.cmap.get(ch.codePointAt(0));
    return gid === undefined || (ch !== ' ' && font.glyph(gid).length === 0);
  });
  if (missing.length) throw new Error(`${file}: no glyph for ${missing.join('')}`);
  return { glyphs: font.numGlyphs, codepoints: font.cmap.size, checked: required.length };
}

// ---------------------------------------------------------------- main

/**
 * fontsource's LICENSE names only "Google Inc."; the fonts are Adobe's (Source Han Sans) design
 * with Reserved Font Name "Source", which the merged font must keep visible (OFL 1.1 §2, §3).
 */
function writeLicense(srcDir, file) {
  const ofl = fs.readFileSync(path.join(srcDir, 'LICENSE'), 'utf8');
  const body = ofl.slice(ofl.indexOf('This Font Software is licensed'));
  const header = [
    "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.",
    '',
    'NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf are Modified Versions made by',
    'build/scripts/make-font.mjs from Noto Sans SC (npm @fontsource/noto-sans-sc) and',
    'Noto Sans CJK SC (Debian fonts-noto-cjk), both under this license.',
    '',
  ].join('\n');
  fs.writeFileSync(file, header + '\n' + body);
}

function main() {
  const args = process.argv.slice(2);
  const arg = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const require = createRequire(path.join(ROOT, 'package.json'));
  const srcDir = path.resolve(arg('--src') ?? path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json')));
  const outDir = path.resolve(arg('--out') ?? path.join(ROOT, 'build', 'fonts'));
  const cjkDir = path.resolve(arg('--cjk-dir') ?? CJK_DIR);
  fs.mkdirSync(outDir, { recursive: true });

  // unicode.json lists exactly the slices that index.css serves; the other files in files/ are
  // alternative builds that must not be mixed in.
  const subsets = Object.keys(JSON.parse(fs.readFileSync(path.join(srcDir, 'unicode.json'), 'utf8'))).map((k) => k.replace(/^\[|\]$/g, ''));
  // Named subsets first so .notdef, name, OS/2 and hhea come from the latin slice.
  subsets.sort((a, b) => {
    const na = /^\d+$/.test(a), nb = /^\d+$/.test(b);
    if (na !== nb) return na ? 1 : -1;
    if (na) return Number(a) - Number(b);
    return a === 'latin' ? -1 : b === 'latin' ? 1 : a.localeCompare(b);
  });

  for (const { weight, style } of WEIGHTS) {
    const slices = subsets.map((s) => {
      const file = path.join(srcDir, 'files', `noto-sans-sc-${s}-${weight}-normal.woff`);
      return parseFont(readWoff(fs.readFileSync(file), path.basename(file)), path.basename(file));
    });
    const fill = cjkFill(weight, slices, cjkDir);
    const out = path.join(outDir, `NotoSansSC-${style}.ttf`);
    fs.writeFileSync(out, buildFont(merge([...slices, fill])));
    const r = verify(out);
    const off = checkConversion(out, fill);
    console.log(
      `${path.relative(ROOT, out)}: ${fs.statSync(out).size} bytes, ${r.glyphs} glyphs, ${r.codepoints} code points, ` +
        `${r.checked} required characters present; ${slices.length} fontsource slices + ${fill.cmap.size} code points ` +
        `from ${fill.name} (same design: ${fill.compared} shared hanzi within ${fill.worst} units; converted within ${off.toFixed(2)} units)`,
    );
  }
  writeLicense(srcDir, path.join(outDir, 'OFL.txt'));
}

main();
