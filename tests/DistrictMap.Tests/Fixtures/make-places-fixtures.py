#!/usr/bin/env python3
"""Writes the SYNTHETIC places fixtures of this folder (places-*.geojson, osm-*.json, osm-*.osm).

Every feature is invented and lies in the synthetic district of make-fixtures.py (wards A, B and C are
0.1 degrees wide: longitudes 0.00-0.10, 0.10-0.20 and 0.20-0.30, latitudes 51.00-51.10). No feature
describes a real place; the OpenStreetMap fixtures are made-up elements in OSM's formats, not OSM data.
Run from this folder: python3 make-places-fixtures.py (ogr2ogr from gdal-bin writes the GeoPackage and
Shapefile copies).
"""
import json, os, subprocess

NOTE = "SYNTHETIC test fixture: invented places in the synthetic district"


def collection(features, crs=None):
    fc = {"type": "FeatureCollection", "name": NOTE, "features": features}
    if crs:
        fc["crs"] = {"type": "name", "properties": {"name": crs}}
    return fc


def feature(props, kind, coords):
    return {"type": "Feature", "properties": props, "geometry": {"type": kind, "coordinates": coords}}


def box(w, s, e, n):
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]


def write(name, data):
    with open(name, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


# Routes. Ward A: a walking line along the meridian 0.03 from 51.01 to 51.03, twice (the copy must count once);
# a cycling line along the parallel 51.04 from 0.09 to 0.12, crossing into ward B at 0.10.
write("places-routes.geojson", collection([
    feature({"id": "walk-1", "name": "Synthetic Meridian Walk", "kind": "walking", "surface": "gravel",
             "accessibility": "step-free"}, "LineString", [[0.03, 51.01], [0.03, 51.03]]),
    feature({"id": "walk-2", "name": "Synthetic Meridian Walk (copy)", "kind": "Walking"}, "LineString", [[0.03, 51.01], [0.03, 51.03]]),
    feature({"id": "cycle-1", "name": "Synthetic Parallel Cycleway", "kind": "bike", "network": "Synthetic route 99"},
            "MultiLineString", [[[0.09, 51.04], [0.12, 51.04]]]),
]))

# Green spaces. Ward A: a public park over the interior point of LSOA E01999901 (0.05, 51.025).
# Ward B: a public park whose south edge (51.030) is 0.005 degrees (about 556 m) north of LSOA E01999903's point
# (0.15, 51.025); a play area inside that park (its overlap counts once); restricted allotments over LSOA
# E01999904's point (0.135, 51.075), which must not count as public access.
write("places-green-spaces.geojson", collection([
    feature({"id": "park-a", "name": "Synthetic Park A", "type": "park", "access": "public"}, "Polygon", box(0.04, 51.02, 0.06, 51.03)),
    feature({"id": "park-b", "name": "Synthetic Park B", "type": "Park", "access": "yes"}, "Polygon", box(0.14, 51.03, 0.16, 51.035)),
    feature({"id": "play-b", "name": "Synthetic Play Area B", "type": "play area", "access": "public"}, "Polygon", box(0.145, 51.031, 0.146, 51.032)),
    feature({"id": "allot-b", "name": "Synthetic Allotments B", "type": "allotments", "access": "private"}, "MultiPolygon",
            [box(0.13, 51.07, 0.14, 51.08)]),
]))

# Town-centre projects in ward C: a point and an area.
write("places-projects.geojson", collection([
    feature({"id": "p1", "town": "Synthetic Town", "title": "Synthetic Market Project", "description": "Invented for tests.",
             "status": "in-progress", "lead_partner": "Synthetic Partner", "start": "2025-04-01", "end": "2026-03-31",
             "link": "https://example.org/synthetic"}, "Point", [0.25, 51.02]),
    feature({"id": "p2", "town": "Synthetic Town", "title": "Synthetic Square Project", "status": "planned"},
            "Polygon", box(0.26, 51.03, 0.27, 51.04)),
]))

# Recycling sites in ward A: materials as a list, and as text separated by semicolons.
write("places-recycling-sites.geojson", collection([
    feature({"id": "r1", "name": "Synthetic Recycling Point", "materials": ["Glass", "paper", "glass"], "opening": "24/7"}, "Point", [0.07, 51.06]),
    feature({"id": "r2", "name": "Synthetic Bring Bank", "materials": "cans; textiles"}, "Point", [0.08, 51.07]),
]))

# Activities in ward B.
write("places-activities.geojson", collection([
    feature({"id": "a1", "title": "Synthetic Litter Pick", "type": "volunteering", "when": "Saturdays 10:00-12:00",
             "hours_needed": 2, "contact": "https://example.org/litter"}, "Point", [0.15, 51.06]),
    feature({"id": "a2", "title": "Synthetic Coffee Morning", "when": "Fridays", "hours_needed": "1.5"}, "Point", [0.16, 51.07]),
]))

# A council's own layout: other field names, kinds as words of its own, for --*-field options (and as GeoPackage
# and Shapefile copies).
write("places-council-routes.geojson", collection([
    feature({"ROUTE_ID": "C-1", "ROUTE_NAME": "Synthetic Council Path", "MODE": "Shared use", "NCN": "Synthetic 1"},
            "LineString", [[0.21, 51.01], [0.22, 51.01]]),
    feature({"ROUTE_ID": "C-2", "ROUTE_NAME": "Synthetic Council Ride", "MODE": "Cycle"}, "LineString", [[0.21, 51.02], [0.22, 51.02]]),
]))

# A 100 m square in British National Grid (the crs member), around OS grid reference TR 143 599 (E 614300, N 159900):
# its area on the ellipsoid is 10,000 m² divided by the square of the grid's scale factor there (about 1.000165).
e, n = 614300, 159900
write("places-bng-square.geojson", collection(
    [feature({"id": "bng-1", "name": "Synthetic Grid Square", "type": "common"}, "Polygon", box(e - 50, n - 50, e + 50, n + 50))],
    crs="urn:ogc:def:crs:EPSG::27700"))

# Broken files: a point where a route's line belongs, and a kind that is not one.
write("places-broken-point-route.geojson", collection([
    feature({"id": "ok", "name": "Synthetic Good", "kind": "walking"}, "LineString", [[0.01, 51.01], [0.02, 51.01]]),
    feature({"id": "bad", "name": "Synthetic Point", "kind": "walking"}, "Point", [0.02, 51.02]),
]))
write("places-broken-kind.geojson", collection([
    feature({"id": "ok", "name": "Synthetic Good", "kind": "walking"}, "LineString", [[0.01, 51.01], [0.02, 51.01]]),
    feature({"id": "horse", "name": "Synthetic Gallop", "kind": "equestrian"}, "LineString", [[0.01, 51.02], [0.02, 51.02]]),
]))

for target, args in [
    ("places-council-routes.gpkg", ["-f", "GPKG", "places-council-routes.gpkg", "places-council-routes.geojson", "-nln", "routes"]),
    ("places-council-routes-shp", ["-f", "ESRI Shapefile", "places-council-routes-shp/routes.shp", "places-council-routes.geojson"]),
]:
    subprocess.run(["rm", "-rf", target], check=True)
    if target.endswith("-shp"):
        os.makedirs(target)
    subprocess.run(["ogr2ogr"] + args, check=True)


# OpenStreetMap as an Overpass JSON result with positions inline (out geom).
def pos(points):
    return [{"lat": lat, "lon": lon} for lon, lat in points]


def way(id, tags, points, nodes=None):
    return {"type": "way", "id": id, "nodes": nodes or list(range(id * 100, id * 100 + len(points))), "geometry": pos(points), "tags": tags}


def member(ref, role, points):
    return {"type": "way", "ref": ref, "role": role, "geometry": pos(points)}


# The multipolygon's outer ring is two ways that meet end to end (the second reversed), with a hole.
outer_1 = [(0.21, 51.05), (0.25, 51.05), (0.25, 51.09)]
outer_2 = [(0.21, 51.05), (0.21, 51.09), (0.25, 51.09)]
inner = [(0.22, 51.06), (0.23, 51.06), (0.23, 51.07), (0.22, 51.07), (0.22, 51.06)]
overpass = {
    "version": 0.6,
    "generator": "SYNTHETIC test fixture (Overpass API layout)",
    "osm3s": {"timestamp_osm_base": "2025-06-01T00:00:00Z", "copyright": "SYNTHETIC: invented elements, not OpenStreetMap data"},
    "elements": [
        {"type": "node", "id": 1, "lat": 51.015, "lon": 0.015,
         "tags": {"amenity": "recycling", "recycling_type": "container", "recycling:glass_bottles": "yes", "recycling:paper": "yes",
                  "recycling:clothes": "no", "opening_hours": "24/7"}},
        {"type": "node", "id": 2, "lat": 51.016, "lon": 0.016, "tags": {"amenity": "recycling"}},
        way(10, {"highway": "cycleway", "name": "Synthetic Shared Cycleway", "foot": "designated", "surface": "asphalt"},
            [(0.11, 51.01), (0.12, 51.01)]),
        way(11, {"highway": "path", "surface": "dirt"}, [(0.11, 51.02), (0.12, 51.02)]),
        way(12, {"leisure": "park", "name": "Synthetic OSM Park"}, [(0.05, 51.05), (0.06, 51.05), (0.06, 51.06), (0.05, 51.06), (0.05, 51.05)]),
        way(13, {"leisure": "garden", "name": "Synthetic Private Garden"}, [(0.07, 51.05), (0.071, 51.05), (0.071, 51.051), (0.07, 51.05)]),
        way(14, {"boundary": "protected_area", "protect_class": "5", "name": "Synthetic Landscape"},
            [(0.0, 51.0), (0.3, 51.0), (0.3, 51.1), (0.0, 51.0)]),
        way(15, {"amenity": "recycling", "recycling_type": "centre", "recycling:cans": "yes"},
            [(0.28, 51.01), (0.29, 51.01), (0.29, 51.02), (0.28, 51.02), (0.28, 51.01)]),
        {"type": "relation", "id": 100, "members": [member(20, "", [(0.02, 51.08), (0.03, 51.08)]), member(21, "", [(0.03, 51.08), (0.04, 51.08)]),
                                                    {"type": "node", "ref": 1, "role": "guidepost", "lat": 51.015, "lon": 0.015}],
         "tags": {"type": "route", "route": "hiking", "network": "nwn", "name": "Synthetic Long Distance Path", "ref": "SLDP"}},
        {"type": "relation", "id": 101, "members": [member(22, "forward", [(0.12, 51.09), (0.18, 51.09)])],
         "tags": {"type": "route", "route": "bicycle", "network": "ncn", "ref": "99"}},
        {"type": "relation", "id": 102, "members": [member(23, "outer", outer_1), member(24, "outer", outer_2), member(25, "inner", inner)],
         "tags": {"type": "multipolygon", "leisure": "nature_reserve", "name": "Synthetic Country Park", "access": "permissive"}},
    ],
}
write("osm-synthetic.json", overpass)

# The same kind of content as OSM XML with nodes (as osmium writes an extract): a named footway crossing two stiles,
# with wheelchair and incline tags; allotments; a walking route relation over two ways given by their nodes.
OSM_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC test fixture: invented elements, not OpenStreetMap data -->\n<osm version="0.6" generator="synthetic">\n'
xml = OSM_HEAD + """ <meta osm_base="2025-05-01T12:00:00Z"/>
 <node id="1" lat="51.010" lon="0.150"/>
 <node id="2" lat="51.010" lon="0.155"><tag k="barrier" v="stile"/></node>
 <node id="3" lat="51.010" lon="0.160"><tag k="barrier" v="stile"/></node>
 <node id="4" lat="51.010" lon="0.165"/>
 <node id="5" lat="51.060" lon="0.120"/>
 <node id="6" lat="51.060" lon="0.130"/>
 <node id="7" lat="51.065" lon="0.130"/>
 <node id="8" lat="51.065" lon="0.120"/>
 <node id="9" lat="51.080" lon="0.210"/>
 <node id="10" lat="51.080" lon="0.220"/>
 <node id="11" lat="51.080" lon="0.230"/>
 <node id="12" lat="51.030" lon="0.180"><tag k="amenity" v="recycling"/><tag k="recycling:batteries" v="yes"/><tag k="name" v="Synthetic Battery Bin"/></node>
 <way id="30">
  <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/>
  <tag k="highway" v="footway"/><tag k="name" v="Synthetic Stile Path"/><tag k="wheelchair" v="no"/><tag k="incline" v="12%"/>
 </way>
 <way id="31">
  <nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/>
  <tag k="landuse" v="allotments"/><tag k="name" v="Synthetic Allotments"/>
 </way>
 <way id="32"><nd ref="9"/><nd ref="10"/><tag k="highway" v="track"/></way>
 <way id="33"><nd ref="10"/><nd ref="11"/><tag k="highway" v="track"/></way>
 <relation id="200">
  <member type="way" ref="32" role=""/><member type="way" ref="33" role=""/><member type="way" ref="999" role=""/>
  <tag k="type" v="route"/><tag k="route" v="foot"/><tag k="name" v="Synthetic Village Walk"/>
 </relation>
</osm>
"""
with open("osm-synthetic.osm", "w") as f:
    f.write(xml)

# Broken: a named footway referencing a node the file does not hold.
with open("osm-broken-missing-node.osm", "w") as f:
    f.write(OSM_HEAD + """ <node id="1" lat="51.010" lon="0.150"/>
 <node id="2" lat="51.010" lon="0.160"/>
 <way id="40"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="name" v="Synthetic Broken Path"/></way>
</osm>
""")

# Broken: a park whose way does not close.
write("osm-broken-unclosed-area.json", {
    "version": 0.6, "generator": "SYNTHETIC test fixture", "elements": [
        way(12, {"leisure": "park", "name": "Synthetic OSM Park"}, [(0.05, 51.05), (0.06, 51.05), (0.06, 51.06), (0.05, 51.05)]),
        way(50, {"leisure": "park", "name": "Synthetic Open Park"}, [(0.05, 51.07), (0.06, 51.07), (0.06, 51.08), (0.05, 51.08)]),
    ]})

# Broken: a multipolygon whose outer ring cannot be closed from its member ways.
write("osm-broken-unclosed-multipolygon.json", {
    "version": 0.6, "generator": "SYNTHETIC test fixture", "elements": [
        {"type": "relation", "id": 60, "members": [member(61, "outer", outer_1), member(62, "outer", [(0.21, 51.05), (0.21, 51.09)])],
         "tags": {"type": "multipolygon", "leisure": "common", "name": "Synthetic Broken Common"}},
    ]})

# Broken: not well-formed XML, and JSON that stops part way.
with open("osm-broken.osm", "w") as f:
    f.write(OSM_HEAD + ' <node id="1" lat="51.01" lon="0.15">\n <way id="2"></node>\n</osm>\n')
with open("osm-broken.json", "w") as f:
    f.write('{"version": 0.6, "elements": [{"type": "node", "id": 1, "lat": 51.01,\n')
