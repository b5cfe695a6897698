"""The HTML report's stylesheet: readable on a laptop and on a phone, printable, no web fonts."""

from __future__ import annotations

__all__ = ["CSS"]

CSS = """
:root { --ink: #1d1d1f; --muted: #5b5b66; --line: #d9d9e0; --bg: #fbfbfd; --accent: #b2182b; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, nav { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: var(--muted); margin: 0; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: .2em 0 .4em; }
h2 { font-size: 1.3rem; margin: 0 0 .6em; padding-top: .4em; border-top: 3px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1em 0 .4em; }
.headline { font-size: 1.15rem; font-weight: 600; max-width: 60em; }
.desc { max-width: 60em; }
.who, figcaption, .note { color: var(--muted); font-size: .9rem; }
.legend { font-size: .85rem; color: var(--muted); }
.sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin: 0 .3em 0 .6em;
  vertical-align: -.05em; }
nav { position: sticky; top: 0; z-index: 5; background: var(--bg); border-bottom: 1px solid var(--line);
  display: flex; gap: 4px 14px; flex-wrap: wrap; padding-top: 8px; padding-bottom: 8px; font-size: .9rem; }
nav a { color: var(--ink); text-decoration: none; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
section { margin: 28px 0 36px; scroll-margin-top: 56px; }
a { color: #1f4e9c; }
.chart { margin: 0 0 20px; }
.chart h3 { margin-bottom: 0; }
.plot { width: 100%; min-height: 360px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px 6px 0; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { min-width: 6em; }
td { overflow-wrap: break-word; }
bdi, td, th, li, a { unicode-bidi: isolate; }  /* no cell, item or link takes direction from its neighbours */
td:first-child { min-width: 11em; }
code { font-size: .88em; background: #efeff4; padding: 0 .25em; border-radius: 3px; }
.badge { background: #fdf0d5; color: #7a4b00; padding: 0 .4em; border-radius: 3px; font-size: .85em;
  white-space: nowrap; }
.inert { color: var(--muted); overflow-wrap: anywhere; }
.claim { border-left: 3px solid var(--line); padding: 2px 0 2px 14px; margin: 0 0 18px; scroll-margin-top: 56px; }
.claim:target { border-left-color: var(--accent); background: #fff5f5; }
.claim h3 { margin: 0 0 .2em; font-size: 1rem; }
.claim p { margin: .2em 0; }
blockquote { margin: .4em 0; padding: 0 0 0 12px; border-left: 2px solid #c9c9d3; font-style: italic;
  overflow-wrap: anywhere; }
.status { font-size: .78rem; font-weight: 600; text-transform: uppercase; padding: 0 .4em; border-radius: 3px;
  background: #eee; }
.s-accepted { background: #e3f1e3; color: #1b5e20; }
.s-rejected { background: #fbe3e3; color: #8e1b1b; }
.s-pending { background: #fdf0d5; color: #7a4b00; }
.contra li { margin-bottom: 14px; }
.contra p { margin: .2em 0; }
dl { display: grid; grid-template-columns: minmax(8em, 14em) 1fr; gap: 6px 16px; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--muted); }
@media (max-width: 640px) {
  body { font-size: 15px; }
  header, main, nav { padding: 0 12px; }
  h1 { font-size: 1.35rem; }
  .headline { font-size: 1.02rem; }
  .plot { min-height: 320px; }
  dl { grid-template-columns: 1fr; gap: 2px; }
  dd { margin-bottom: 8px; }
  th, td { padding-right: 8px; }
}
@media print {
  nav { display: none; }
  section { break-inside: avoid-page; }
}
"""
