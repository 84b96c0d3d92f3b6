"""The interactive HTML map (folium): ``render.map_html``, the place card, sharing helpers."""

from routes.publish.web.share import alt_text, embed_snippet

__all__ = ["alt_text", "embed_snippet"]
