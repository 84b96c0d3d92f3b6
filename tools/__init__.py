"""Build-time scripts: they make the shipped data in geodata/; the package never imports them."""
