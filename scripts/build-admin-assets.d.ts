/** Types of build-admin-assets.js, for the tests that build the bundle before they use it. */
export declare const ADMIN_ASSETS_PREFIX: '/admin/assets/'
export declare function buildAdminAssets(options?: { outDir?: string }): Promise<Record<'editor.js' | 'editor.css', string>>
