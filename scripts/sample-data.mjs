// npm run sample-data -- [--staff N] [--trainings N] [--seed S] [--out DIR]
// Writes a synthetic, deterministic staff register, training records, coverage and budget figures
// over the real unit ids of plans/. Synthetic people only: ids, no names. The same seed and sizes
// always give the same bytes. data/sample/ is the bundled sample; the benchmark writes 1M staff.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** sfc32, seeded from a string through a 32-bit FNV-1a-style mix: small, fast, and the same everywhere. */
export function prng(seed) {
  let h = 0x811c9dc5;
  const s = String(seed);
  const words = [];
  for (let k = 0; k < 4; k++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ (k + 1), 0x01000193);
    words.push(h >>> 0);
  }
  let [a, b, c, d] = words;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const pad = (n, w) => String(n).padStart(w, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function randomDay(rand, year, fromMonth = 1, toMonth = 12) {
  const m = fromMonth + Math.floor(rand() * (toMonth - fromMonth + 1));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  return `${year}-${pad(m, 2)}-${pad(1 + Math.floor(rand() * dim), 2)}`;
}

/** A buffered CSV writer: one write per ~1 MB keeps a million rows fast. */
function csvWriter(path, header) {
  // Written synchronously a megabyte at a time: the generating loop never yields, so a stream would
  // hold the whole file in memory until the end (gigabytes for the 10M-staff benchmark).
  const fd = openSync(path, 'w');
  let buf = header.join(',') + '\n';
  let rows = 0;
  return {
    row(cells) {
      buf += cells.join(',') + '\n';
      rows++;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    },
    get rows() {
      return rows;
    },
    close() {
      writeSync(fd, buf);
      closeSync(fd);
      return Promise.resolve();
    },
  };
}

function loadUnits(plansDir) {
  const units = [];
  for (const f of ['units.yaml', 'provinces.yaml']) units.push(...parse(readFileSync(join(plansDir, f), 'utf8')).units);
  return units;
}

// Share of each unit kind's staff, and the leaders every unit of the kind has.
const LEADERS = {
  central: [['thu-truong', 1], ['pho-thu-truong', 2]],
  province: [['giam-doc', 1], ['pho-giam-doc', 2]],
  district: [['giam-doc', 3], ['pho-giam-doc', 4]],
};

const TOPICS_BACKGROUND = ['ly-luan-chinh-tri', 'quan-ly-nha-nuoc', 'quoc-phong-an-ninh', 'ngoai-ngu', 'other'];

export async function generate({ staff = 2000, trainings, seed = 'plan-sample', out = join(root, 'data/sample'), plans = join(root, 'plans') } = {}) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const units = loadUnits(plans);
  const central = units.filter((u) => u.kind === 'central');
  const provinces = units.filter((u) => u.kind === 'province');
  const districts = units.filter((u) => u.kind === 'district');
  const provinceOf = new Map(districts.map((d) => [d.id, d.parent]));
  const dtts = new Set(provinces.filter((p) => (p.tags ?? []).includes('dong-dtts')).map((p) => p.id));
  mkdirSync(out, { recursive: true });

  // Leaders first (every unit has its own), then everyone else spread by kind: central 6%, provincial 34%, district 60%.
  const slots = [];
  for (const [kind, list] of [['central', central], ['province', provinces], ['district', districts]]) {
    for (const u of list) for (const [position, n] of LEADERS[kind]) for (let i = 0; i < n; i++) slots.push([u, position]);
  }
  const rest = Math.max(0, staff - slots.length);
  const weights = [[central, 0.06], [provinces, 0.34], [districts, 0.6]];

  const staffOut = csvWriter(join(out, 'staff.csv'), ['id', 'unit', 'category', 'position', 'manager', 'birth_year', 'english_level', 'tags', 'active_from', 'active_to']);
  const trainOut = csvWriter(join(out, 'trainings.csv'), ['staff_id', 'topic', 'date', 'abroad', 'hours']);
  // With --trainings N, scale every rate so the model gives about N rows, then top up or stop at exactly N.
  const EXPECTED_PER_PERSON = 13.5;
  const scale = trainings === undefined ? 1 : Math.min(1, (0.97 * trainings) / (staff * EXPECTED_PER_PERSON));
  const limit = trainings ?? Infinity;
  const chance = (p) => rand() < p * scale;

  const total = Math.min(staff, slots.length) + rest;
  for (let n = 0; n < total; n++) {
    let unit;
    let position = '';
    if (n < slots.length && n < staff) {
      [unit, position] = slots[n];
    } else {
      const r = rand();
      const list = r < weights[0][1] ? central : r < weights[0][1] + weights[1][1] ? provinces : districts;
      unit = pick(list);
      const q = rand();
      if (q < 0.05) position = 'truong-phong';
      else if (q < 0.12) position = 'pho-truong-phong';
    }
    const id = `NV${pad(n + 1, 7)}`;
    const leader = position !== '';
    const kind = unit.kind;
    const province = kind === 'province' ? unit.id : provinceOf.get(unit.id);
    const inDtts = province !== undefined && dtts.has(province);
    const top = ['thu-truong', 'pho-thu-truong', 'giam-doc', 'pho-giam-doc'].includes(position);
    const category = top ? 'cong-chuc' : rand() < 0.05 ? 'other' : kind === 'central' ? (rand() < 0.6 ? 'cong-chuc' : 'vien-chuc') : rand() < 0.4 ? 'cong-chuc' : 'vien-chuc';
    const birth = top ? 1962 + Math.floor(rand() * 26) : 1964 + Math.floor(rand() * 38);
    // English: central leaders best, then central staff, viên chức, provincial and district leaders.
    const base = kind === 'central' ? (top ? 3.6 : 3.1) : top ? (kind === 'province' ? 2.9 : 2.2) : category === 'vien-chuc' ? 3.3 : 2.6;
    const english = Math.max(0, Math.min(6, Math.round(base + (rand() + rand() + rand() - 1.5) * 1.9)));
    const tags = [];
    const hnqt = unit.id === 'vu-htqt' ? rand() < 0.9 : rand() < 0.02;
    if (hnqt) tags.push('hoi-nhap-quoc-te');
    if (inDtts && category === 'vien-chuc' && rand() < 0.15) tags.push('cong-tac-dan-toc');
    if (inDtts && kind === 'district' && rand() < 0.45) tags.push('tiep-xuc-dtts');
    if (unit.id === 'truong-dtnv' && rand() < 0.5) tags.push('giang-vien');
    const hnqtEnglish = hnqt ? Math.max(english, rand() < 0.4 ? 5 : english) : english;
    const fromYear = rand() < 0.85 ? 1995 + Math.floor(rand() * 26) : 2021 + Math.floor(rand() * 4);
    const activeFrom = rand() < 0.15 ? '' : randomDay(rand, fromYear);
    const leaves = rand() < 0.07;
    const toYear = Math.max(fromYear, 2016 + Math.floor(rand() * 10));
    let activeTo = leaves ? randomDay(rand, toYear) : '';
    if (activeTo && activeFrom && activeTo < activeFrom) activeTo = `${fromYear}-12-31`;
    staffOut.row([id, unit.id, category, position, leader ? 'true' : 'false', birth, hnqtEnglish, tags.join(';'), activeFrom, activeTo]);

    const first = activeFrom ? fromYear : 2016;
    const last = leaves ? toYear : 2025;
    const emit = (topic, year, abroad = false) => {
      if (trainOut.rows >= limit) return;
      trainOut.row([id, topic, randomDay(rand, year), abroad ? 'true' : 'false', abroad ? 40 + Math.floor(rand() * 120) : 4 + Math.floor(rand() * 36)]);
    };
    for (let y = Math.max(2016, first); y <= Math.min(2025, last); y++) {
      const plan = y >= 2022;
      // Abroad: integration staff and central leaders far more often.
      if (chance(hnqt ? 0.12 : kind === 'central' && leader ? 0.05 : 0.0025)) emit(pick(['hoi-nhap-quoc-te', 'ngoai-ngu', 'quan-ly-nha-nuoc']), y, true);
      if (y < 2021) continue;
      if (category === 'cong-chuc') {
        if (chance(plan ? 0.9 : 0.6)) emit('phap-luat', y);
        if (chance(plan ? 0.92 : 0.5)) emit('dao-duc-cong-vu', y);
        if (chance(plan ? 0.66 : 0.4)) emit('ky-nang-cong-vu', y);
      } else if (category === 'vien-chuc') {
        if (chance(0.35)) emit('chuc-danh-nghe-nghiep', y);
        if (chance(plan ? 0.84 : 0.5)) emit('dao-duc-nghe-nghiep', y);
        if (chance(plan ? 0.8 : 0.5)) emit('ky-nang-nghe-nghiep', y);
        if (chance(0.3)) emit('phap-luat', y);
      }
      if (top && kind === 'province' && inDtts && chance(0.42)) emit('kien-thuc-dan-toc', y);
      if (tags.includes('cong-tac-dan-toc') && chance(0.28)) emit('kien-thuc-dan-toc', y);
      if (tags.includes('tiep-xuc-dtts') && chance(0.4)) emit('tieng-dtts', y);
      if (chance(y === 2025 ? 0.93 : 0.45)) emit('ky-nang-so', y);
      if (chance(0.6)) emit(pick(TOPICS_BACKGROUND), y);
    }
  }
  // Top up to exactly --trainings rows: extra background courses of random staff.
  while (trainOut.rows < limit && limit !== Infinity) {
    const id = `NV${pad(1 + Math.floor(rand() * total), 7)}`;
    trainOut.row([id, pick(TOPICS_BACKGROUND), randomDay(rand, 2021 + Math.floor(rand() * 5)), 'false', 4 + Math.floor(rand() * 36)]);
  }
  await staffOut.close();
  await trainOut.close();

  // Coverage by province, 2015–2025: national shares rise along a curve, each province off by its own factor.
  const cov = csvWriter(join(out, 'coverage.csv'), ['province', 'year', 'labour_force', 'bhxh_participants', 'bhtn_participants', 'population', 'bhyt_participants', 'near_poor_students', 'near_poor_students_bhyt']);
  const share = {
    bhxh: [0.219, 0.232, 0.251, 0.272, 0.298, 0.321, 0.338, 0.352, 0.369, 0.388, 0.409],
    bhtn: [0.183, 0.193, 0.206, 0.221, 0.248, 0.276, 0.289, 0.305, 0.318, 0.334, 0.3562],
    bhyt: [0.765, 0.816, 0.862, 0.873, 0.891, 0.9085, 0.9121, 0.922, 0.9305, 0.9362, 0.9418],
    np: [0.84, 0.86, 0.88, 0.89, 0.9, 0.915, 0.92, 0.93, 0.94, 0.952, 0.961],
  };
  const covRand = prng(`${seed}/coverage`);
  for (const p of provinces) {
    const size = 0.25 + covRand() * (['bhxh-ha-noi', 'bhxh-ho-chi-minh'].includes(p.id) ? 8 : 2);
    const tilt = 0.85 + covRand() * 0.3;
    for (let i = 0; i < 11; i++) {
      const year = 2015 + i;
      const labour = Math.round(size * 1_000_000 * (1 + 0.008 * i));
      const pop = Math.round(labour * 1.85);
      const np = Math.round(pop * 0.09);
      const part = (s) => Math.min(1, s * tilt * (0.99 + covRand() * 0.02));
      cov.row([p.id, year, labour, Math.round(labour * part(share.bhxh[i])), Math.round(labour * part(share.bhtn[i])), pop, Math.round(pop * Math.min(1, share.bhyt[i] * (0.98 + covRand() * 0.04))), np, Math.round(np * Math.min(1, share.np[i] * (0.98 + covRand() * 0.04)))]);
    }
  }
  await cov.close();

  // Budget lines of the whole sector (VND), 2016–2025: external affairs near its 2% cap, training abroad near its 20%.
  const bud = csvWriter(join(out, 'budget.csv'), ['unit', 'year', 'management_total', 'external_affairs', 'training_total', 'training_abroad']);
  const external = [0.0171, 0.0183, 0.0192, 0.0205, 0.0121, 0.0098, 0.0154, 0.0176, 0.0213, 0.0189];
  const abroad = [0.16, 0.17, 0.19, 0.21, 0.08, 0.05, 0.12, 0.18, 0.226, 0.195];
  for (let i = 0; i < 10; i++) {
    const total = 14_200_000_000_000n + BigInt(i) * 650_000_000_000n;
    const training = 180_000_000_000n + BigInt(i) * 9_000_000_000n;
    const ext = (total * BigInt(Math.round(external[i] * 1e6))) / 1_000_000n;
    const abr = (training * BigInt(Math.round(abroad[i] * 1e6))) / 1_000_000n;
    bud.row(['bhxh-vn', 2016 + i, total, ext, training, abr]);
  }
  await bud.close();
  return { staff: staffOut.rows, trainings: trainOut.rows, out };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--staff') opts.staff = Number(v);
    else if (a === '--trainings') opts.trainings = Number(v);
    else if (a === '--seed') opts.seed = v;
    else if (a === '--out') opts.out = resolve(v);
    else if (a === '--plans') opts.plans = resolve(v);
    else throw new Error(`unknown option ${a} (use --staff N --trainings N --seed S --out DIR --plans DIR)`);
    i++; // every option takes a value
  }
  for (const k of ['staff', 'trainings']) if (opts[k] !== undefined && !(Number.isInteger(opts[k]) && opts[k] > 0)) throw new Error(`--${k} takes a positive whole number`);
  return opts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await generate(parseArgs(process.argv.slice(2)));
  console.error(`wrote ${r.staff} staff and ${r.trainings} trainings, coverage and budget to ${r.out}`);
}
