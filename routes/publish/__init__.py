"""The outputs of a journey: the HTML map, the static map, GeoJSON, KML, GPX, CSV, project."""
