/**
 * Styles only the search page needs, inlined in its head like the site stylesheet.
 * Marks keep WCAG AA contrast in light and dark mode.
 */
export const searchCss = `
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.search-head h1{font:700 clamp(1.75rem,5vw,2.5rem)/1.15 var(--serif);margin:0 0 1rem}
.search-form{max-width:44rem;margin:0 0 2rem;font:1rem/1.4 var(--sans)}
.search-box{position:relative;display:flex;flex-wrap:wrap;gap:.5rem}
.search-box label{flex-basis:100%;font-weight:600}
.search-box input{flex:1;min-width:0;min-height:44px;font:1.125rem/1.4 var(--sans);padding:.55rem .75rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
.search-box button{min-height:44px;font:600 1rem/1 var(--sans);padding:.7rem 1.1rem;border:0;border-radius:4px;background:var(--fg);color:var(--bg);cursor:pointer}
.search-filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;border:0;padding:0;margin:1rem 0 0}
.search-filters legend{font-weight:600;padding:0;margin-bottom:.5rem}
.search-filters label{display:flex;flex-direction:column;gap:.25rem;font-size:.9375rem;color:var(--muted)}
.search-filters select,.search-filters input{min-height:44px;font:1rem/1.4 var(--sans);padding:.4rem .5rem;border:1px solid var(--rule);border-radius:4px;background:var(--bg);color:var(--fg)}
.suggestions{position:absolute;left:0;right:0;top:100%;z-index:2;list-style:none;margin:.25rem 0 0;padding:0;background:var(--bg);border:1px solid var(--rule);box-shadow:0 6px 18px rgb(0 0 0/.18)}
.suggestions a{display:block;padding:.6rem .75rem;text-decoration:none}
.suggestions [aria-selected=true] a{background:var(--card);outline:2px solid var(--focus);outline-offset:-2px}
.suggestion-headline{display:block;font-weight:600}
.suggestion-snippet{display:block;color:var(--muted);font-size:.875rem}
.search-notice{max-width:44rem;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--card);font:.9375rem/1.5 var(--sans)}
.search-count{font:.9375rem/1.5 var(--sans);color:var(--muted);margin:0 0 .5rem}
.search-results{list-style:none;margin:0;padding:0;max-width:44rem}
.search-result{padding:1.1rem 0;border-bottom:1px solid var(--rule)}
.search-result h2{font:700 1.3rem/1.25 var(--serif);margin:0}
.search-result h2 a{text-decoration:none}
.search-result h2 a:hover{text-decoration:underline}
.snippet{margin:.4rem 0 0;font-size:1rem;line-height:1.55}
mark{background:#fde68a;color:#16161a;padding:0 .08em;border-radius:2px}
@media (prefers-color-scheme:dark){mark{background:#facc15;color:#121316}}
`.replace(/\n/g, '')
