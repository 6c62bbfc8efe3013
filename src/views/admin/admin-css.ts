/**
 * The admin's stylesheet, served as a fingerprinted file (the admin's CSP allows no inline
 * style blocks). System fonts, AA contrast in light and dark, 44 px targets.
 */
export const adminCss = `
:root{--bg:#f7f7f5;--panel:#fff;--fg:#1b1c1f;--muted:#5a5c63;--rule:#d9d8d3;--accent:#a4161a;--ok:#17663a;--warn:#8a4b00;--bad:#a4161a;--focus:#1d4ed8;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#141518;--panel:#1d1e22;--fg:#ecebe7;--muted:#b3b4ba;--rule:#393a40;--accent:#ff8f87;--ok:#6fd39a;--warn:#f1b76a;--bad:#ff8f87;--focus:#93b4ff}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 var(--sans)}
a{color:inherit;text-underline-offset:.18em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:var(--bg);padding:.75rem 1rem}
.skip:focus{left:.5rem}
.admin-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1.25rem;background:var(--panel);border-bottom:1px solid var(--rule)}
.admin-bar .brand{font-weight:700;text-decoration:none;margin-right:auto;padding:.6rem 0}
.admin-nav ul{display:flex;flex-wrap:wrap;list-style:none;margin:0;padding:0;gap:.25rem}
.admin-nav a{display:inline-block;padding:.6rem .7rem;min-height:44px;text-decoration:none;border-radius:.375rem}
.admin-nav a[aria-current=page]{background:var(--bg);font-weight:600;text-decoration:underline}
.admin-main{max-width:72rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
.narrow{max-width:28rem}
h1{font-size:1.6rem;line-height:1.2;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem}
.panel{background:var(--panel);border:1px solid var(--rule);border-radius:.5rem;padding:1.25rem;margin:0 0 1.25rem}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.875rem;margin:.2rem 0 0}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=search],input[type=datetime-local],input:not([type]),select,textarea{
width:100%;font:inherit;color:inherit;background:var(--panel);border:1px solid var(--muted);border-radius:.375rem;padding:.55rem .65rem;min-height:44px}
textarea{min-height:6rem;resize:vertical}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:var(--bad);border-width:2px}
.field-error{color:var(--bad);font-size:.9rem;margin:.3rem 0 0}
button,.button{display:inline-flex;align-items:center;gap:.4rem;font:600 1rem/1.2 var(--sans);color:var(--fg);background:var(--panel);border:1px solid var(--muted);border-radius:.375rem;padding:.6rem 1rem;min-height:44px;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:var(--fg);color:var(--bg);border-color:var(--fg)}
button.danger,.button.danger{color:var(--bad);border-color:var(--bad)}
button.link{background:none;border:0;padding:.6rem .25rem;text-decoration:underline;font-weight:400}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1.25rem 0 0;align-items:center}
.inline{display:inline}
.notice{border-left:4px solid var(--ok);background:var(--panel);padding:.75rem 1rem;margin:0 0 1rem}
.notice.error{border-color:var(--bad)}
.notice.warning{border-color:var(--warn)}
table{width:100%;border-collapse:collapse;background:var(--panel)}
th,td{text-align:left;padding:.6rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.status{display:inline-block;font-size:.8rem;font-weight:600;padding:.1rem .45rem;border-radius:1rem;border:1px solid currentColor}
.status.published{color:var(--ok)}.status.scheduled,.status.submitted{color:var(--warn)}.status.returned,.status.trash{color:var(--bad)}
.tabs{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0;margin:0 0 1rem}
.tabs a{display:inline-block;padding:.55rem .8rem;min-height:44px;border:1px solid var(--rule);border-radius:.375rem;text-decoration:none;background:var(--panel)}
.tabs a[aria-current=page]{border-color:var(--fg);font-weight:600}
.muted{color:var(--muted)}
code,.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
fieldset.panel{min-width:0}
legend{font-weight:700;font-size:1.1rem;padding:0 .25rem}
.logo-preview img{max-height:4rem;width:auto;background:#fff;border:1px solid var(--rule);padding:.25rem}
.manage .actions{margin:0 0 .4rem}
.manage select{width:auto}
.qr{display:block;margin:1rem 0;max-width:100%;height:auto}
details.panel>summary{cursor:pointer;font-weight:600;min-height:44px;display:list-item;padding:.6rem 0}
.order{margin:0;flex-wrap:nowrap}
button:disabled{opacity:.45;cursor:default}
.editor-grid{display:grid;gap:1.25rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:60rem){.editor-grid{grid-template-columns:minmax(0,1fr) 22rem}}
.editor fieldset{border:0;margin:0;padding:0;min-width:0}
.editor fieldset.panel{border:1px solid var(--rule);padding:1.25rem}
.editor-main textarea#bodySource{min-height:24rem;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.95rem}
.editor-head h1{margin-right:auto}
.status-panel h2{margin-top:0}
.status-panel .actions{margin-top:.75rem}
.review-note p{margin:.25rem 0;white-space:pre-wrap}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:600;min-height:44px}
label.check input{width:1.25rem;height:1.25rem}
.hero-preview{display:block;max-width:100%;height:auto;border-radius:.375rem;margin:.5rem 0}
.autosave-status{min-height:1.5rem;margin:0 0 .5rem}
.autosave-status[data-kind=error]{color:var(--bad);font-weight:600}
.autosave-status[data-kind=warning]{color:var(--warn)}
.url{word-break:break-all}
select[multiple]{min-height:7rem}
.diff{white-space:pre-wrap;line-height:1.7}
ins{background:color-mix(in srgb,var(--ok) 18%,transparent);text-decoration:underline}
del{background:color-mix(in srgb,var(--bad) 18%,transparent);text-decoration:line-through}
.notes-list{list-style:none;padding:0;margin:0 0 1rem}
.notes-list li{border-bottom:1px solid var(--rule);padding:.5rem 0}
.notes-list p{margin:.25rem 0;white-space:pre-wrap}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel-heading{margin:0 0 .5rem}
ul.plain{list-style:none;margin:0;padding:0}
.drop-zone{border:2px dashed var(--rule);border-radius:.5rem;padding:.25rem 1rem 1rem}
.drop-zone.dragging{border-color:var(--focus);background:var(--bg)}
.drop-zone input[type=file]{font:inherit;max-width:100%;min-height:44px}
.upload-status:empty{display:none}
.upload-status{margin:1rem 0 0}
.upload-line{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.25rem 0;padding:.4rem .75rem;border-left:4px solid var(--rule)}
.upload-line.done{border-color:var(--ok)}.upload-line.failed{border-color:var(--bad);color:var(--bad)}
.upload-line progress{width:10rem}
.media-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem;list-style:none;margin:1rem 0;padding:0}
.media-card{background:var(--panel);border:1px solid var(--rule);border-radius:.5rem;overflow:hidden;display:flex;flex-direction:column}
.media-thumb{display:block;background:var(--bg)}
.media-thumb img{display:block;width:100%;height:9rem;object-fit:cover}
.media-alt{margin:.5rem .75rem 0;font-weight:600;overflow-wrap:anywhere}
.media-facts{margin:.25rem .75rem .75rem;color:var(--muted);font-size:.875rem}
.media-facts span{display:block;overflow-wrap:anywhere}
.media-card .button{margin:auto .75rem .75rem}
.media-detail{display:grid;gap:1.25rem;grid-template-columns:minmax(0,3fr) minmax(0,2fr);margin:0 0 1.25rem}
@media (max-width:50rem){.media-detail{grid-template-columns:1fr}}
.media-preview img{display:block;max-width:100%;height:auto;border:1px solid var(--rule)}
.media-facts-list{margin:0}
.media-facts-list dt{font-weight:600;margin:.5rem 0 0}
.media-facts-list dd{margin:0;overflow-wrap:anywhere}
`
