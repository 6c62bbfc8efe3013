/**
 * The whole public stylesheet: small enough to inline, so the first paint needs no second request.
 * System font stacks only; colours meet WCAG AA in light and dark mode.
 */
export const siteCss = `
:root{--bg:#fdfcf9;--fg:#16161a;--muted:#55565c;--rule:#dedbd3;--accent:#a4161a;--link:#16161a;--card:#f4f1ea;--focus:#1d4ed8;
--serif:"Iowan Old Style","Palatino Linotype",Palatino,Georgia,"Noto Serif",serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--fg:#ecebe7;--muted:#b0b0b6;--rule:#34353a;--accent:#ff8f87;--link:#ecebe7;--card:#1c1d21;--focus:#93b4ff}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.6 var(--serif)}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:.18em}
a:hover{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
img{max-width:100%;height:auto;display:block}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:var(--bg);padding:.75rem 1rem;z-index:1}
.skip:focus{left:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.masthead{border-bottom:1px solid var(--rule);padding:1.25rem 0 0}
.masthead .wrap{display:flex;flex-direction:column;align-items:center;gap:.5rem}
.site-title{font:700 clamp(1.75rem,6vw,2.75rem)/1.1 var(--serif);letter-spacing:-.01em;text-decoration:none;color:var(--fg);text-align:center}
.site-title img{max-height:4rem;width:auto}
.site-tagline{margin:0;font:.875rem/1.4 var(--sans);color:var(--muted);text-align:center}
.sections .search-link{color:var(--accent)}
.sections{width:100%;border-top:1px solid var(--rule);margin-top:.75rem}
.sections ul{display:flex;flex-wrap:wrap;justify-content:center;gap:0 .25rem;list-style:none;margin:0;padding:0}
.sections a{display:inline-block;padding:.7rem .75rem;min-height:44px;font:600 .8125rem/1.6 var(--sans);text-transform:uppercase;letter-spacing:.06em;text-decoration:none}
main.wrap{padding-top:1.75rem;padding-bottom:3rem}
.kicker{display:inline-block;font:700 .8125rem/1.4 var(--sans);text-transform:uppercase;letter-spacing:.08em;color:var(--accent);text-decoration:none;padding:.6rem 0;min-height:44px}
.meta{font:.875rem/1.5 var(--sans);color:var(--muted);margin:.5rem 0 0}
.meta a{color:var(--muted);font-weight:600}
.meta a:hover{color:var(--accent)}
.article{max-width:44rem;margin:0 auto}
.article h1{font:700 clamp(1.875rem,5.5vw,3rem)/1.12 var(--serif);letter-spacing:-.015em;margin:.25rem 0 .75rem}
.dek{font-size:1.3rem;line-height:1.45;color:var(--muted);margin:0 0 1rem}
.byline{display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:baseline;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:.65rem 0;font:.875rem/1.5 var(--sans);color:var(--muted)}
.byline a{color:var(--fg);font-weight:600}
.hero{margin:1.5rem 0}
.hero img{width:100%}
figcaption{font:.875rem/1.5 var(--sans);color:var(--muted);margin-top:.5rem}
.credit{margin-left:.35rem;font-size:.8125rem}
.body{font-size:1.1875rem;line-height:1.65}
.body p{margin:0 0 1.15em}
.body h2{font:700 1.5rem/1.25 var(--serif);margin:2rem 0 .75rem}
.body h3{font:700 1.25rem/1.3 var(--serif);margin:1.75rem 0 .5rem}
.body blockquote{margin:1.5rem 0;padding:.25rem 0 .25rem 1.25rem;border-left:4px solid var(--accent);font-style:italic}
.body ul,.body ol{padding-left:1.4rem;margin:0 0 1.15em}
.body li{margin:.3em 0}
.body figure{margin:1.75rem 0}
.body pre{overflow:auto;font-size:.9rem;background:var(--card);padding:1rem}
.body table{border-collapse:collapse;width:100%;font:.9375rem/1.5 var(--sans)}
.body th,.body td{border-bottom:1px solid var(--rule);padding:.4rem;text-align:left}
.body iframe{max-width:100%;border:0}
.embed iframe{display:block;width:100%;background:var(--card)}
.embed-video iframe{aspect-ratio:16/9;height:auto}
.embed-map iframe{aspect-ratio:4/3;height:auto}
.embed-document iframe{aspect-ratio:3/4;height:auto;max-height:90vh}
.embed-post iframe{max-width:34rem;margin:0 auto}
.notes{margin:2rem 0 0;padding:1rem 1.25rem;background:var(--card);border-left:4px solid var(--accent);font:.9375rem/1.55 var(--sans)}
.notes h2{font:700 .8125rem/1.4 var(--sans);text-transform:uppercase;letter-spacing:.08em;margin:0 0 .5rem}
.notes ul{list-style:none;margin:0;padding:0}
.notes li+li{margin-top:.75rem}
.notes p{margin:0;white-space:pre-line}
.note-meta{color:var(--muted)}
.note-meta strong{color:var(--fg)}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:1.25rem 0 0;margin:2rem 0 0;border-top:1px solid var(--rule)}
.tags a{display:inline-block;font:600 .8125rem/1 var(--sans);padding:.85rem .9rem;min-height:44px;border:1px solid var(--rule);border-radius:999px;text-decoration:none}
.lead{display:grid;gap:1.25rem;padding-bottom:2rem;border-bottom:1px solid var(--rule);margin-bottom:1.5rem}
.lead h2{font:700 clamp(1.75rem,4.5vw,2.625rem)/1.12 var(--serif);letter-spacing:-.01em;margin:0 0 .5rem}
.lead .dek{font-size:1.2rem}
@media (min-width:56rem){.lead{grid-template-columns:3fr 2fr;align-items:center}}
.list-title{font:700 .875rem/1.4 var(--sans);text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 1rem}
.cards{display:grid;gap:1.75rem 2rem;list-style:none;margin:0;padding:0}
@media (min-width:40rem){.cards{grid-template-columns:repeat(2,1fr)}}
@media (min-width:64rem){.cards{grid-template-columns:repeat(3,1fr)}}
.card{display:flex;flex-direction:column;gap:.6rem}
.card h2,.card h3{font:700 1.3rem/1.25 var(--serif);margin:0}
.card h2 a,.card h3 a,.lead h2 a{text-decoration:none}
.card h2 a:hover,.card h3 a:hover,.lead h2 a:hover{text-decoration:underline}
.card p{margin:0;font-size:1rem;line-height:1.5;color:var(--muted)}
.card img,.lead img{width:100%;aspect-ratio:16/9;object-fit:cover;background:var(--card)}
.listing-head{max-width:44rem;margin:0 0 2rem}
.listing-head h1{font:700 clamp(1.75rem,5vw,2.5rem)/1.15 var(--serif);margin:.25rem 0 .5rem}
.listing-head p{color:var(--muted);margin:0}
.pagination{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--rule);font:.9375rem/1.5 var(--sans)}
.pagination a{display:inline-block;padding:.6rem .25rem;min-height:44px;font-weight:600}
.pagination span{color:var(--muted)}
.not-found{max-width:40rem;margin:2rem auto;text-align:center}
.not-found h1{font:700 2.25rem/1.2 var(--serif)}
.footer{border-top:1px solid var(--rule);padding:1.5rem 0 2.5rem;font:.875rem/1.5 var(--sans);color:var(--muted)}
.footer p{margin:0}
.social{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;margin:0 0 .75rem;padding:0}
.social a{display:inline-block;padding:.6rem 0;min-height:44px;color:var(--muted)}
@media print{.masthead .sections,.skip,.footer,.pagination,.tags{display:none}body{background:#fff;color:#000}a{color:#000}}
`.replace(/\n/g, '')
