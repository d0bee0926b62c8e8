#!/usr/bin/env python3
"""The baseline of `npm run bench`: the staff targets of the bundled plans computed with nothing
but Python 3's csv module, for the same files and day as `plan attainment --as-of 2025-12-31
--by unit`. The measures are written out by hand below (what plans/*.yaml say, as Python); the
benchmark checks that both give the same numerator and denominator for every target and unit.

  python3 bench/attainment.py STAFF.csv TRAININGS.csv UNITS.json > out.json
(UNITS.json is `plan units --format json`: kinds, parents and tags of the units.)
"""
import csv
import json
import sys


def day(s):
    # ISO days compare as strings; empty means open.
    return s or None


def main(staff_path, trainings_path, units_path):
    units = {u["id"]: u for u in json.load(open(units_path, encoding="utf-8"))["units"]}

    def lineage(uid):
        out = []
        while uid in units and uid not in [x["id"] for x in out]:
            out.append(units[uid])
            uid = units[uid]["parent"]
        return out

    def level(uid):
        k = units[uid]["kind"] if uid in units else None
        return "central" if k in ("central", "agency") else k if k in ("province", "district") else "other"

    def tagged(uid, tag):
        return any(tag in (u["tags"] or []) for u in lineage(uid))

    # Evaluation windows as of 2025-12-31 (see src/report/attainment/window.ts).
    y2020 = ("2020-01-01", "2020-12-31")
    y2025 = ("2025-01-01", "2025-12-31")
    term456 = ("2022-01-01", "2025-12-31")
    term146_2020 = ("2016-01-01", "2020-12-31")

    # Training filters: (topics or None, from, to, abroad or None) → bit.
    filters = [
        (("phap-luat",), *y2025, None),
        (("dao-duc-cong-vu",), *y2025, None),
        (("ky-nang-cong-vu",), *y2025, None),
        (("kien-thuc-dan-toc",), *term456, None),
        (("chuc-danh-nghe-nghiep",), *term456, None),
        (("dao-duc-nghe-nghiep",), *y2025, None),
        (("ky-nang-nghe-nghiep",), *y2025, None),
        (("tieng-dtts",), *term456, None),
        (("ky-nang-so",), *y2025, None),
        (None, *term146_2020, True),
    ]
    bit = {f: 1 << i for i, f in enumerate(filters)}

    levels = {uid: level(uid) for uid in units}
    dtts = {uid: tagged(uid, "dong-dtts") for uid in units}
    people = {}
    with open(staff_path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        h = {name: i for i, name in enumerate(next(r))}
        iid, iu, ic, ip, im, ib, ie, it, iaf, iat = (h[k] for k in ("id", "unit", "category", "position", "manager", "birth_year", "english_level", "tags", "active_from", "active_to"))
        for row in r:
            if row[iid] in people:
                continue
            af, at = day(row[iaf]), day(row[iat])
            if af is not None and at is not None and af > at:
                continue
            u = row[iu]
            # [unit, category, position, manager, english, tags, from, to, trained bits, level, dong-dtts]
            people[row[iid]] = [u, row[ic], row[ip], row[im] == "true", int(row[ie]), set(filter(None, row[it].split(";"))), af, at, 0, levels[u], dtts[u]]

    cache = {}
    with open(trainings_path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        h = {name: i for i, name in enumerate(next(r))}
        isid, itop, idate, iab = h["staff_id"], h["topic"], h["date"], h["abroad"]
        for row in r:
            p = people.get(row[isid])
            if p is None:
                continue
            key = (row[itop], row[idate], row[iab])
            m = cache.get(key)
            if m is None:
                topic, d, abroad = key[0], key[1], key[2] == "true"
                m = 0
                for fl in filters:
                    topics, a, b, ab = fl
                    if (topics is None or topic in topics) and a <= d <= b and (ab is None or ab == abroad):
                        m |= bit[fl]
                cache[key] = m
            p[8] |= m

    def trained(p, fl):
        return bool(p[8] & bit[fl])

    central = lambda p: p[9] == "central"
    province = lambda p: p[9] == "province"
    # target id → (window, population, achieved); mirrors the measures in plans/qd-*.yaml.
    targets = {
        "tieng-anh-tw-giao-tiep-80-2020": (y2020, lambda p: p[3] and central(p), lambda p: p[4] >= 4),
        "tieng-anh-tw-dam-phan-30-2020": (y2020, lambda p: p[3] and central(p), lambda p: p[4] >= 5),
        "tieng-anh-tinh-50-2020": (y2020, lambda p: p[3] and province(p), lambda p: p[4] >= 3),
        "dao-tao-nuoc-ngoai-2": (y2020, lambda p: True, lambda p: trained(p, filters[9])),
        "tieng-anh-tw-giao-tiep-100-2030": (y2025, central, lambda p: p[4] >= 4),
        "tieng-anh-tw-dam-phan-50-2030": (y2025, central, lambda p: p[4] >= 5),
        "tieng-anh-tinh-80-2030": (y2025, lambda p: p[3] and province(p), lambda p: p[4] >= 3),
        "cc-phap-luat-dao-duc": (y2025, lambda p: p[1] == "cong-chuc", lambda p: trained(p, filters[0]) and trained(p, filters[1])),
        "cc-ky-nang-cong-vu": (y2025, lambda p: p[1] == "cong-chuc", lambda p: trained(p, filters[2])),
        "gd-dtts-kien-thuc-dan-toc": (y2025, lambda p: p[2] in ("giam-doc", "pho-giam-doc") and province(p) and p[10], lambda p: trained(p, filters[3])),
        "tt-tw-ngoai-ngu-bac-4": (y2025, lambda p: p[2] in ("thu-truong", "pho-thu-truong") and central(p), lambda p: p[4] >= 4),
        "gd-tinh-ngoai-ngu-bac-4": (y2025, lambda p: p[2] in ("giam-doc", "pho-giam-doc") and province(p), lambda p: p[4] >= 4),
        "vc-chuc-danh-nghe-nghiep": (y2025, lambda p: p[1] == "vien-chuc", lambda p: trained(p, filters[4])),
        "vc-dao-duc-ky-nang-nghe-nghiep": (y2025, lambda p: p[1] == "vien-chuc", lambda p: trained(p, filters[5]) and trained(p, filters[6])),
        "vc-cong-tac-dan-toc-kien-thuc": (y2025, lambda p: p[1] == "vien-chuc" and "cong-tac-dan-toc" in p[5], lambda p: trained(p, filters[3])),
        "vc-huyen-tieng-dtts": (y2025, lambda p: p[1] == "vien-chuc" and p[9] == "district" and "tiep-xuc-dtts" in p[5], lambda p: trained(p, filters[7])),
        "vc-ngoai-ngu-bac-4": (y2025, lambda p: p[1] == "vien-chuc", lambda p: p[4] >= 4),
        "vc-quan-ly-ngoai-ngu-bac-4": (y2025, lambda p: p[1] == "vien-chuc" and p[3], lambda p: p[4] >= 4),
        "vc-hnqt-tieng-anh": (y2025, lambda p: p[1] == "vien-chuc" and "hoi-nhap-quoc-te" in p[5], lambda p: p[4] >= 5),
        "boi-duong-ky-nang-so": (y2025, lambda p: p[1] in ("cong-chuc", "vien-chuc"), lambda p: trained(p, filters[8])),
    }
    out = {tid: {"numerator": 0, "denominator": 0, "by": {}} for tid in targets}
    plan = [(out[tid], w, pop, ach) for tid, (w, pop, ach) in targets.items()]
    for p in people.values():
        for o, w, pop, ach in plan:
            if (p[6] is not None and p[6] > w[1]) or (p[7] is not None and p[7] < w[0]) or not pop(p):
                continue
            hit = ach(p)
            o["denominator"] += 1
            o["numerator"] += hit
            g = o["by"].get(p[0])
            if g is None:
                g = o["by"][p[0]] = [0, 0]
            g[0] += hit
            g[1] += 1
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:4])
