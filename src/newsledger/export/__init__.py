"""Exports for other tools, built on :mod:`newsledger.query`: GeoJSON (QGIS) and GEXF (Gephi)."""
