"""Parts of the dashboard's page drawn with Streamlit (``app.py`` puts them together).

The rest of ``routes.dashboard`` is the view-model and imports no Streamlit; the modules
here draw one part each: the run status and messages, the journey timeline tab, the
Share tab and the batch archive.
"""
