"""The annotated set: team-written reports with the places each one must yield."""
