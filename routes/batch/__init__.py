"""Archives: stream reports from files and folders, parse them on every core, write GeoParquet."""
