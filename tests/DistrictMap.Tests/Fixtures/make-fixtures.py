#!/usr/bin/env python3
"""Writes the synthetic test fixtures of this folder.

Every fixture is SYNTHETIC: invented squares and numbers with made-up GSS codes
(district E07999999, wards E059999nn, LSOAs E019999nn) that describe no real place.
Run from this folder: python3 make-fixtures.py (ogr2ogr from gdal-bin writes the
Shapefile and GeoPackage copies).
"""
import csv, json, subprocess, os

DISTRICT = ("E07999999", "Synthetic District")
WARDS = [  # code, name, west, east (south 51.00, north 51.10)
    ("E05999901", "Synthetic Ward A", 0.00, 0.10),
    ("E05999902", "Synthetic Ward B", 0.10, 0.20),
    ("E05999903", "Synthetic Ward C", 0.20, 0.30),
]
# code, name, west, south, east, north. E01999906 straddles wards B (23%) and C (77%).
LSOAS = [
    ("E01999901", "Synthetic 001A", 0.00, 51.00, 0.10, 51.05),
    ("E01999902", "Synthetic 001B", 0.00, 51.05, 0.10, 51.10),
    ("E01999903", "Synthetic 002A", 0.10, 51.00, 0.20, 51.05),
    ("E01999904", "Synthetic 002B", 0.10, 51.05, 0.17, 51.10),
    ("E01999905", "Synthetic 003A", 0.20, 51.00, 0.30, 51.05),
    ("E01999906", "Synthetic 003B", 0.17, 51.05, 0.30, 51.10),
]
# lsoa: (IMD score, IMD rank, IMD decile, population). Weighted ward scores: A 17.5, B 20, C 18.
IOD = {
    "E01999901": (40.0, 2000, 1, 1000),
    "E01999902": (10.0, 21000, 7, 3000),
    "E01999903": (20.0, 12000, 4, 1500),
    "E01999904": (20.0, 12500, 4, 1500),
    "E01999905": (30.0, 5000, 2, 1000),
    "E01999906": (12.0, 18000, 6, 2000),
}


def box(w, s, e, n):
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]


def collection(features, crs=None, note="SYNTHETIC test fixture: invented places and codes"):
    fc = {"type": "FeatureCollection", "name": note, "features": features}
    if crs:
        fc["crs"] = {"type": "name", "properties": {"name": crs}}
    return fc


def feature(props, coords, kind="Polygon"):
    return {"type": "Feature", "properties": props, "geometry": {"type": kind, "coordinates": coords}}


def write(name, data):
    with open(name, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


def ward_props(code, name):
    return {"WD23CD": code, "WD23NM": name, "LAD23CD": DISTRICT[0], "LAD23NM": DISTRICT[1]}


wards = [feature(ward_props(c, n), box(w, 51.0, e, 51.1)) for c, n, w, e in WARDS]
write("synthetic-wards.geojson", collection(wards))
write("synthetic-district.geojson", collection([
    feature({"LAD24CD": DISTRICT[0], "LAD24NM": DISTRICT[1]}, box(-0.01, 50.99, 0.31, 51.11)),
    feature({"LAD24CD": "E07999998", "LAD24NM": "Synthetic Neighbour"}, box(0.31, 50.99, 0.50, 51.11)),
]))
write("synthetic-lsoas.geojson", collection([
    feature({"LSOA11CD": c, "LSOA11NM": n}, box(w, s, e, nn)) for c, n, w, s, e, nn in LSOAS]))

# Wards without a LAD field, one of them outside the district: for the spatial district filter.
write("synthetic-wards-no-district.geojson", collection(
    [feature({"WD23CD": c, "WD23NM": n}, box(w, 51.0, e, 51.1)) for c, n, w, e in WARDS]
    + [feature({"WD23CD": "E05999904", "WD23NM": "Synthetic Ward Outside"}, box(0.35, 51.0, 0.45, 51.1))]))

# One broken feature (the second) in otherwise good files.
good1 = feature(ward_props(*WARDS[0][:2]), box(0.0, 51.0, 0.1, 51.1))
good3 = feature(ward_props(*WARDS[2][:2]), box(0.2, 51.0, 0.3, 51.1))
unclosed = feature(ward_props(*WARDS[1][:2]), [[[0.1, 51.0], [0.2, 51.0], [0.2, 51.1], [0.1, 51.1]]])
write("broken-unclosed-ring.geojson", collection([good1, unclosed, good3]))
with open("broken-non-numeric.geojson", "w") as f:
    text = json.dumps(collection([good1, feature(ward_props(*WARDS[1][:2]), box(0.1, 51.0, 0.2, 51.1)), good3]), indent=1)
    # Replace the first coordinate of the second feature by a string.
    second = text.index('"Synthetic Ward B"')
    at = text.index("0.1", text.index('"coordinates"', second))
    f.write(text[:at] + '"east"' + text[at + 3:] + "\n")
missing = feature({"WD23CD": "", "WD23NM": "Synthetic Ward B", "LAD23CD": DISTRICT[0]}, box(0.1, 51.0, 0.2, 51.1))
write("broken-missing-code.geojson", collection([good1, missing, good3]))
write("broken-point-geometry.geojson", collection([good1, feature(ward_props(*WARDS[1][:2]), [0.15, 51.05], "Point"), good3]))
write("broken-out-of-range.geojson", collection([good1, feature(ward_props(*WARDS[1][:2]), box(100000, 51.0, 100100, 51.1)), good3]))

# A bow-tie ring crosses itself: invalid, repaired by ST_MakeValid into two triangles.
write("self-intersecting.geojson", collection([
    good1,
    feature(ward_props(*WARDS[1][:2]), [[[0.1, 51.0], [0.2, 51.1], [0.2, 51.0], [0.1, 51.1], [0.1, 51.0]]]),
]))

# A square of 100 m around OS grid reference TR 143 599 (E 614300, N 159900), in British National Grid,
# with the 2008 GeoJSON crs member. OS publishes that point as ETRS89 51.297880 N, 1.072628 E.
e, n = 614300, 159900
write("bng-legacy-crs.geojson", collection(
    [feature(ward_props("E05999909", "Synthetic Grid Ward"), box(e - 50, n - 50, e + 50, n + 50))],
    crs="urn:ogc:def:crs:EPSG::27700"))

# LSOA-to-ward best-fit lookup, ONS layout; E01999906 is left out to be placed by area overlap.
with open("synthetic-lookup.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["LSOA11CD", "LSOA11NM", "WD19CD", "WD19NM", "LAD19CD", "LAD19NM"])
    ward_of = {"E01999901": 0, "E01999902": 0, "E01999903": 1, "E01999904": 1, "E01999905": 2}
    for code, name, *_ in LSOAS:
        if code in ward_of:
            wc, wn, *_ = WARDS[ward_of[code]]
            w.writerow([code, name, wc, wn, DISTRICT[0], DISTRICT[1]])
    w.writerow(["E01999999", "Synthetic Elsewhere 001A", "E05999990", "Synthetic Elsewhere Ward", "E07999998", "Synthetic Neighbour"])

# The same lookup with the column names of another vintage.
with open("synthetic-lookup-2021.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["FID", "LSOA21CD", "LSOA21NM", "WD24CD", "WD24NM", "LAD24CD", "LAD24NM"])
    w.writerow([1, "E01999901", "Synthetic 001A", "E05999901", "Synthetic Ward A", DISTRICT[0], DISTRICT[1]])

DOMAINS = [
    ("Index of Multiple Deprivation (IMD)", "IMD"),
    ("Income", "Income"),
    ("Employment", "Employment"),
    ("Education, Skills and Training", "Education"),
    ("Health Deprivation and Disability", "Health"),
    ("Crime", "Crime"),
    ("Barriers to Housing and Services", "Barriers"),
    ("Living Environment", "LivingEnv"),
    ("Income Deprivation Affecting Children Index (IDACI)", "IDACI"),
    ("Income Deprivation Affecting Older People (IDAOPI)", "IDAOPI"),
]
RATE = {"Income", "Employment", "Income Deprivation Affecting Children Index (IDACI)", "Income Deprivation Affecting Older People (IDAOPI)"}


def file7_header():
    h = ["LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)"]
    for official, _ in DOMAINS:
        h += [official + (" Score (rate)" if official in RATE else " Score"),
              official + " Rank (where 1 is most deprived)",
              official + " Decile (where 1 is most deprived 10% of LSOAs)"]
    h += ["Children and Young People Sub-domain Score", "Adult Skills Sub-domain Score",
          "Total population: mid 2015 (excluding prisoners)",
          "Dependent Children aged 0-15: mid 2015 (excluding prisoners)",
          "Population aged 16-59: mid 2015 (excluding prisoners)",
          "Older population aged 60 and over: mid 2015 (excluding prisoners)",
          "Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)"]
    return h


def file7_row(code, name, lad):
    score, rank, decile, pop = IOD[code]
    row = [code, name, lad[0], lad[1]]
    for i, _ in enumerate(DOMAINS):
        # Domains get values derived from the IMD ones, so that they differ but stay valid.
        row += [round(score / (i + 1), 3), rank + i, decile]
    row += [0.5, 0.25, pop, pop // 5, pop // 2, pop - pop // 5 - pop // 2, pop // 2]
    return row


with open("synthetic-iod-file7.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(file7_header())
    for code, name, *_ in LSOAS:
        w.writerow(file7_row(code, name, DISTRICT))
    # A row of another district, for the district filter.
    w.writerow(["E01999998", "Synthetic Neighbour 001A", "E07999998", "Synthetic Neighbour"]
               + [1, 1, 1] * len(DOMAINS) + [0, 0, 10, 2, 5, 3, 5])

with open("iod-missing-imd-rank.csv", "w", newline="") as f:
    w = csv.writer(f)
    header = file7_header()
    drop = header.index("Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)")
    w.writerow(header[:drop] + header[drop + 1:])
    for code, name, *_ in LSOAS:
        row = file7_row(code, name, DISTRICT)
        w.writerow(row[:drop] + row[drop + 1:])

with open("iod-bad-decile.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(file7_header())
    for i, (code, name, *_) in enumerate(LSOAS):
        row = file7_row(code, name, DISTRICT)
        if i == 2:
            row[6] = 11  # IMD decile
        w.writerow(row)

# The reduced layout (LSOA11CD, IMD_Score_reconstructed, *_Rank, *_Decile, *_ExpTransformedScore, Pop_*).
with open("synthetic-iod-reduced.csv", "w", newline="") as f:
    w = csv.writer(f)
    header = ["LSOA11CD", "LSOA11NM", "LAD19CD", "LAD19NM", "IMD_Score_reconstructed", "IMD_Rank", "IMD_Decile"]
    for _, key in DOMAINS[1:]:
        header += [key + "_Rank", key + "_Decile"]
    header += [key + "_ExpTransformedScore" for _, key in DOMAINS[1:8]]
    header += ["Pop_Total_mid2015", "Pop_Children0_15_mid2015", "Pop_16_59_mid2015", "Pop_60plus_mid2015", "Pop_WorkingAge_18_59_64_mid2015"]
    w.writerow(header)
    for code, name, *_ in LSOAS:
        score, rank, decile, pop = IOD[code]
        row = [code, name, DISTRICT[0], DISTRICT[1], score, rank, decile]
        for i in range(1, len(DOMAINS)):
            row += [rank + i, decile]
        row += [round(score * (i + 1) / 4, 3) for i in range(7)]
        row += [pop, pop // 5, pop // 2, pop - pop // 5 - pop // 2, pop // 2]
        w.writerow(row)

# Shapefile (zipped, and as a folder) and GeoPackage copies of the wards, and a BNG shapefile.
for target, args in [
    ("synthetic-wards.gpkg", ["-f", "GPKG", "synthetic-wards.gpkg", "synthetic-wards.geojson", "-nln", "wards"]),
    ("synthetic-wards-shp", ["-f", "ESRI Shapefile", "synthetic-wards-shp/wards.shp", "synthetic-wards.geojson"]),
    ("bng-wards-shp", ["-f", "ESRI Shapefile", "bng-wards-shp/wards.shp", "bng-legacy-crs.geojson", "-a_srs", "EPSG:27700"]),
]:
    subprocess.run(["rm", "-rf", target], check=True)
    if target.endswith("-shp"):
        os.makedirs(target)
    subprocess.run(["ogr2ogr"] + args, check=True)
subprocess.run(["rm", "-f", "synthetic-wards-shp.zip"], check=True)
subprocess.run(["zip", "-qj", "synthetic-wards-shp.zip"] + [f"synthetic-wards-shp/{f}" for f in sorted(os.listdir("synthetic-wards-shp"))], check=True)

# The reduced layout without its LAD columns: it cannot be restricted to a district.
with open("synthetic-iod-reduced.csv") as source, open("iod-no-district.csv", "w", newline="") as f:
    w = csv.writer(f)
    for row in csv.reader(source):
        w.writerow(row[:2] + row[4:])
