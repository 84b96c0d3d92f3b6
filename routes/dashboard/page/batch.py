"""The batch archive: open a batch's GeoParquet files and look at one of its journeys."""

from __future__ import annotations

import streamlit as st

from routes.dashboard.exports import batch_journey_places, batch_journeys
from routes.dashboard.page.status import guard

#: The two files of a batch (``python -m routes batch``) the archive needs.
BATCH_FILES = ("mentions.parquet", "reports.parquet")


def batch_archive() -> None:
    """An expander that opens a batch's mentions and reports Parquet files, lists its journeys."""
    with st.expander("Open an archive of many reports (GeoParquet)"):
        files = st.file_uploader(
            "mentions.parquet and reports.parquet", type=["parquet"], accept_multiple_files=True
        )
        named = {f.name: f.getvalue() for f in files or ()}
        if not set(BATCH_FILES) <= set(named):
            st.caption("Upload both mentions.parquet and reports.parquet of one batch.")
            return
        with guard("the batch"):
            mentions, reports = (named[name] for name in BATCH_FILES)
            journeys = batch_journeys(mentions, reports)
            st.dataframe(journeys, hide_index=True)
            if journeys.empty:
                return
            chosen = st.selectbox("Journey", journeys["journey"].tolist())
            places = batch_journey_places(mentions, reports, chosen)
            st.map(places, latitude="lat", longitude="lon")
            st.dataframe(places, hide_index=True)
