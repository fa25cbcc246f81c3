#!/usr/bin/python3
"""Reads a running Timeslice server with QGIS, headless, as a GIS user does.

    /usr/bin/python3 scripts/qgis_check.py http://localhost:8080 [LAYER] [DATETIME]

Needs QGIS's Python bindings (Debian: apt-get install python3-qgis; run with
Debian's /usr/bin/python3, which has them). Two checks, each printed:

- OGC API - Features: the layer through QGIS's OAPIF provider (the data
  source manager's "WFS / OGC API - Features"), every keyframe read.
- Vector tiles: the layer's OGC API - Tiles template
  /collections/LAYER/tiles/WebMercatorQuad/{z}/{y}/{x}?datetime=... (row
  before column) as a QGIS vector tile layer, rendered over the layer's
  extent, and the GeoJSON slice at the same instant rendered alike: the
  two must cover the same pixels, give or take a fifth (the tiles are
  simplified; a polygon read inside out covers far fewer).

Exits 1 when a check fails. GDAL prints "ERROR 6: Update from remote service
not supported" when QGIS first asks to open the GeoJSON URL for writing; QGIS
then opens it read-only, and the check goes on.
"""
import json
import os
import sys
import urllib.parse
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,  # noqa: E402
                       QgsFillSymbol, QgsLineSymbol, QgsMapRendererSequentialJob, QgsMapSettings,
                       QgsMarkerSymbol, QgsPointXY, QgsProject, QgsRectangle, QgsVectorLayer,
                       QgsVectorTileBasicRenderer, QgsVectorTileBasicRendererStyle, QgsVectorTileLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

base = sys.argv[1].rstrip("/")
layer = sys.argv[2] if len(sys.argv) > 2 else "advances"
at = sys.argv[3] if len(sys.argv) > 3 else "1979-01-05T17:00:00Z"

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
failed = False

# OGC API - Features: every keyframe of the layer.
with urllib.request.urlopen(f"{base}/collections/{layer}/items?limit=10000") as r:
    want = json.load(r)["numberMatched"]
vl = QgsVectorLayer(f"url='{base}' typename='{layer}'", layer, "OAPIF")
got = len(list(vl.getFeatures())) if vl.isValid() else 0
print(f"OAPIF {layer}: valid {vl.isValid()}, {got} of {want} keyframes, CRS {vl.crs().authid()}")
failed |= not vl.isValid() or got != want

# Vector tiles at one instant, rendered over the layer's extent.
with urllib.request.urlopen(f"{base}/collections/{layer}") as r:
    bbox = json.load(r)["extent"]["spatial"]["bbox"][0]
vt = QgsVectorTileLayer(f"type=xyz&url={base}/collections/{layer}/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}"
                        f"?datetime%3D{at}&zmin=0&zmax=16", layer)
red = {"color": "255,0,0,255"}
styles = []
for kind, geom, sym in [("polygons", QgsWkbTypes.PolygonGeometry, QgsFillSymbol.createSimple({**red, "outline_style": "no"})),
                        ("lines", QgsWkbTypes.LineGeometry, QgsLineSymbol.createSimple({**red, "width": "2"})),
                        ("points", QgsWkbTypes.PointGeometry, QgsMarkerSymbol.createSimple({**red, "size": "4", "outline_style": "no"}))]:
    st = QgsVectorTileBasicRendererStyle(kind, layer, geom)
    st.setSymbol(sym)
    styles.append(st)
renderer = QgsVectorTileBasicRenderer()
renderer.setStyles(styles)
vt.setRenderer(renderer)
merc = QgsCoordinateReferenceSystem("EPSG:3857")
tr = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), merc, QgsProject.instance())
ms = QgsMapSettings()
ms.setDestinationCrs(merc)
ms.setExtent(QgsRectangle(tr.transform(QgsPointXY(bbox[0], bbox[1])), tr.transform(QgsPointXY(bbox[2], bbox[3]))))
ms.setOutputSize(QSize(512, 512))
ms.setBackgroundColor(QColor(255, 255, 255))


def render(layer):
    ms.setLayers([layer])
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    drawn = sum(1 for x in range(0, 512, 2) for y in range(0, 512, 2)
                if QColor(img.pixel(x, y)).red() > 200 and QColor(img.pixel(x, y)).green() < 80)
    return img, drawn, [e.message for e in job.errors()]


img, drawn, errors = render(vt)
gj = QgsVectorLayer(f"{base}/collections/{layer}/items?limit=10000&datetime={urllib.parse.quote(at)}", layer, "ogr")
for g, sym in [(QgsWkbTypes.PolygonGeometry, styles[0]), (QgsWkbTypes.LineGeometry, styles[1]), (QgsWkbTypes.PointGeometry, styles[2])]:
    if gj.geometryType() == g:
        gj.renderer().setSymbol(sym.symbol().clone())
_, want, gj_errors = render(gj)
print(f"vector tiles {layer} at {at}: valid {vt.isValid()}, {drawn} of 65,536 sampled pixels drawn; "
      f"the GeoJSON slice: {want} ({gj.featureCount()} features); errors {errors + gj_errors}")
failed |= not vt.isValid() or drawn == 0 or bool(errors + gj_errors) or not 0.8 <= drawn / max(want, 1) <= 1.25
del vl, vt, gj
app.exitQgis()
sys.exit(1 if failed else 0)
