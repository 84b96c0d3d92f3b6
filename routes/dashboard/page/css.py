"""The dashboard's own CSS: the selected place's card, and the page's spacing."""

#: The card of the selected place beside the map (the shared card template's classes).
CARD_CSS = """<style>
.rr-card .rr-name {margin: 0 0 .2rem 0; font-size: 1.25rem; font-weight: 600;}
.rr-card blockquote {margin: .5rem 0 .1rem 0; padding: .3rem .7rem;
  border-left: 4px solid #882255; background: rgba(136,34,85,.05); line-height: 1.45;}
.rr-card mark {background: #ffe08a; padding: 0 .15em; border-radius: .2em;}
.rr-card .rr-meta {margin: 0 0 .4rem .8rem; color: #666; font-size: .85rem;}
.rr-card .rr-facts {margin: 0; color: #333;}
</style>"""
#: Less empty space above the title, so the map sits in the first screen.
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.2rem; padding-bottom: 2rem;}
[data-testid="stSidebarUserContent"] {padding-top: 1.2rem;}
h1#reported-routes {padding-top: 0;}
</style>"""
