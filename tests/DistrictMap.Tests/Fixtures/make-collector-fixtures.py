#!/usr/bin/env python3
"""Writes the SYNTHETIC fixtures of the collector tests, in each source's own format:
an ONS Postcode Directory extract (made-up ZZ postcodes), OS Open Names rows (invented names), an Overpass API answer
(invented elements), Natural England layers as ArcGIS GeoJSON, and OS Open Greenspace as a zipped GeoPackage (needs ogr2ogr).
Nothing here is real: every name is invented, the codes are the synthetic district's (E07999999, wards E059999nn)."""
import csv, json, os, subprocess, tempfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))

def square(lon, lat, size):
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]

# ONS Postcode Directory: the columns the ONS publishes that the importer reads, and a few it ignores.
postcodes = [
    # pcd, pcds, doterm, oslaua, osward, lsoa11, lsoa21, lat, long
    ("ZZ1 1AA", "", "E07999999", "E05999901", "E01999901", "E01999901", 51.0500, 0.0500),
    ("ZZ1 1AB", "", "E07999999", "E05999901", "E01999901", "E01999901", 51.0520, 0.0550),
    ("ZZ1 1BA", "", "E07999999", "E05999901", "E01999902", "E01999902", 51.0800, 0.0800),
    ("ZZ1 2AA", "", "E07999999", "E05999902", "E01999903", "E01999903", 51.0500, 0.1500),
    ("ZZ2 1AA", "", "E07999999", "E05999903", "E01999905", "E01999905", 51.0800, 0.2500),
    ("ZZ1 9ZZ", "202001", "E07999999", "E05999901", "E01999901", "E01999901", 51.0600, 0.0600),
    ("ZZ1 9ZY", "", "E07999999", "", "", "", 99.999999, 0.0),
    ("ZZ9 1AA", "", "E07999998", "E05999801", "E01999801", "E01999801", 51.5000, 0.5000),
]
with open(os.path.join(here, "onspd-synthetic.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "oslaua", "osward", "usertype", "oseast1m", "osnrth1m", "lsoa11", "lsoa21", "lat", "long"])
    for pcds, doterm, lad, ward, l11, l21, lat, lon in postcodes:
        w.writerow([pcds.replace(" ", ""), pcds, pcds, "198001", doterm, "E99999999", lad, ward, "0", "", "", l11, l21, lat, lon])

# OS Open Names: its 34 columns; coordinates in British National Grid.
names_header = ["ID", "NAMES_URI", "NAME1", "NAME1_LANG", "NAME2", "NAME2_LANG", "TYPE", "LOCAL_TYPE", "GEOMETRY_X", "GEOMETRY_Y",
                "MOST_DETAIL_VIEW_RES", "LEAST_DETAIL_VIEW_RES", "MBR_XMIN", "MBR_YMIN", "MBR_XMAX", "MBR_YMAX", "POSTCODE_DISTRICT",
                "POSTCODE_DISTRICT_URI", "POPULATED_PLACE", "POPULATED_PLACE_URI", "POPULATED_PLACE_TYPE", "DISTRICT_BOROUGH",
                "DISTRICT_BOROUGH_URI", "DISTRICT_BOROUGH_TYPE", "COUNTY_UNITARY", "COUNTY_UNITARY_URI", "COUNTY_UNITARY_TYPE",
                "REGION", "REGION_URI", "COUNTRY", "COUNTRY_URI", "RELATED_SPATIAL_OBJECT", "SAME_AS_DBPEDIA", "SAME_AS_GEONAMES"]
names = [
    # id, name, type, local type, easting, northing (0.05 51.05 is E 543785 N 129850; 0.15 51.05 is E 550794 N 130049)
    ("osgb4000000000000001", "Oakhollow", "populatedPlace", "Town", 543785, 129850),
    ("osgb4000000000000002", "Little Oakhollow", "populatedPlace", "Village", 550794, 130049),
    ("osgb4000000000000003", "Brindle Green", "populatedPlace", "Hamlet", 557700, 133594),
    ("osgb4000000000000004", "Oakhollow High Street", "transportNetwork", "Named Road", 544455, 130981),
    ("osgb4000000000000005", "Mill Lane", "transportNetwork", "Named Road", 548755, 127765),
    ("osgb4000000000000006", "Mill Lane", "transportNetwork", "Section Of Named Road", 548760, 127770),
    ("osgb4000000000000007", "Farhaven", "populatedPlace", "Town", 573619, 180858),
]
def name_rows():
    for id, name, type, local, x, y in names:
        row = dict.fromkeys(names_header, "")
        row.update(ID=id, NAMES_URI=f"http://example.invalid/id/{id}", NAME1=name, NAME1_LANG="", TYPE=type, LOCAL_TYPE=local,
                   GEOMETRY_X=x, GEOMETRY_Y=y, POSTCODE_DISTRICT="ZZ1", DISTRICT_BOROUGH="Synthetic District", COUNTRY="England")
        yield [row[h] for h in names_header]
with open(os.path.join(here, "open-names-synthetic.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(names_header)
    w.writerows(name_rows())
# The product's zip: a header file and data files without a header row, one per 100 km square.
with zipfile.ZipFile(os.path.join(here, "open-names-synthetic.zip"), "w") as z:
    z.writestr("Doc/OS_Open_Names_Header.csv", ",".join(names_header) + "\r\n")
    rows = list(name_rows())
    for square_name, part in (("TQ", rows[:6]), ("TL", rows[6:])):
        text = "".join(",".join(str(v) for v in r) + "\r\n" for r in part)
        z.writestr(f"Data/{square_name}00.csv", text)

# An Overpass API answer ([out:json]; out geom;): invented elements, one park outside the district's boundary but in its box.
def way(id, tags, coords):
    return {"type": "way", "id": id, "bounds": {}, "nodes": list(range(id * 10, id * 10 + len(coords))),
            "geometry": [{"lat": lat, "lon": lon} for lon, lat in coords], "tags": tags}
def ring(lon, lat, size):
    return square(lon, lat, size)[0]
overpass = {
    "version": 0.6, "generator": "Overpass API (synthetic fixture)",
    "osm3s": {"timestamp_osm_base": "2026-11-01T00:00:00Z", "copyright": "SYNTHETIC: invented elements, not OpenStreetMap data"},
    "elements": [
        {"type": "node", "id": 1, "lat": 51.03, "lon": 0.04, "tags": {"amenity": "recycling", "recycling_type": "container", "recycling:glass_bottles": "yes", "recycling:cans": "yes"}},
        way(20, {"leisure": "park", "name": "Synthetic Overpass Park"}, ring(0.05, 51.05, 0.01)),
        way(21, {"leisure": "playground", "name": "Synthetic Playground"}, ring(0.12, 51.04, 0.002)),
        way(22, {"landuse": "village_green", "name": "Synthetic Village Green"}, ring(0.22, 51.06, 0.004)),
        way(23, {"landuse": "allotments", "name": "Synthetic Allotments"}, ring(0.24, 51.02, 0.003)),
        way(24, {"highway": "footway", "name": "Synthetic Footpath"}, [(0.02, 51.03), (0.04, 51.035)]),
        # Beyond the district's boundary: it stands for what a bounding-box query brings in around a district that is not a box.
        way(25, {"leisure": "park", "name": "Synthetic Park Beyond The Boundary"}, ring(0.40, 51.05, 0.01)),
        {"type": "relation", "id": 200, "bounds": {}, "tags": {"type": "route", "route": "bicycle", "network": "rcn", "name": "Synthetic Cycle Loop"},
         "members": [{"type": "way", "ref": 30, "role": "", "geometry": [{"lat": 51.02, "lon": 0.13}, {"lat": 51.03, "lon": 0.18}]}]},
    ],
}
with open(os.path.join(here, "overpass-synthetic.json"), "w") as f:
    json.dump(overpass, f, indent=1)

# Natural England layers as an ArcGIS feature service answers f=geojson (attributes as properties).
def collection(features):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": i + 1, "geometry": g, "properties": p} for i, (g, p) in enumerate(features)]}
ne = {
    "ne-local-nature-reserves": [
        ({"type": "Polygon", "coordinates": square(0.02, 51.07, 0.01)}, {"OBJECTID": 1, "LNR_NAME": "Synthetic Marsh Local Nature Reserve", "REF_CODE": "1001"}),
        ({"type": "Polygon", "coordinates": square(0.26, 51.07, 0.01)}, {"OBJECTID": 2, "LNR_NAME": "Synthetic Meadow Local Nature Reserve", "REF_CODE": "1002"}),
        ({"type": "Polygon", "coordinates": square(0.60, 51.07, 0.01)}, {"OBJECTID": 3, "LNR_NAME": "Synthetic Reserve Elsewhere", "REF_CODE": "1003"}),
    ],
    "ne-country-parks": [
        ({"type": "Polygon", "coordinates": square(0.16, 51.08, 0.015)}, {"OBJECTID": 1, "NAME": "Synthetic Hills Country Park"}),
    ],
    "ne-national-trails": [
        ({"type": "LineString", "coordinates": [[-0.05, 51.09], [0.15, 51.095], [0.35, 51.09]]}, {"OBJECTID": 1, "Name": "Synthetic Downs Way"}),
    ],
    "ne-crow-access-land": [
        ({"type": "Polygon", "coordinates": square(0.28, 51.00, 0.01)}, {"OBJECTID": 1, "DESCRIPTIO": "Registered common land", "CA_REF": "SYN1"}),
    ],
}
for name, features in ne.items():
    with open(os.path.join(here, f"{name}.geojson"), "w") as f:
        json.dump(collection(features), f, indent=1)

# OS Open Greenspace: layer greenspace_site (id, function, distinctive_name_1) in British National Grid, zipped.
greenspace = collection([
    # Nearly the same square as the Overpass park: the same park from another source.
    ({"type": "Polygon", "coordinates": square(0.0501, 51.0501, 0.0098)}, {"id": "SYNTHETIC-GS-1", "function": "Public Park Or Garden", "distinctive_name_1": "Synthetic Overpass Park"}),
    ({"type": "Polygon", "coordinates": square(0.15, 51.02, 0.003)}, {"id": "SYNTHETIC-GS-2", "function": "Play Space", "distinctive_name_1": None}),
    ({"type": "Polygon", "coordinates": square(0.18, 51.03, 0.01)}, {"id": "SYNTHETIC-GS-3", "function": "Golf Course", "distinctive_name_1": "Synthetic Golf Club"}),
    ({"type": "Polygon", "coordinates": square(0.70, 51.30, 0.01)}, {"id": "SYNTHETIC-GS-4", "function": "Public Park Or Garden", "distinctive_name_1": "Synthetic Park Far Away"}),
])
with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, "greenspace.geojson")
    with open(source, "w") as f:
        json.dump(greenspace, f)
    gpkg = os.path.join(tmp, "opgrsp_gb.gpkg")
    subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, source, "-nln", "greenspace_site", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:27700"], check=True)
    with zipfile.ZipFile(os.path.join(here, "os-open-greenspace-synthetic.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(gpkg, "OS Open Greenspace (GPKG) GB/data/opgrsp_gb.gpkg")
