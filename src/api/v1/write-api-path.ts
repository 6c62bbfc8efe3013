/** Where the write API is mounted, below the site URL (apart, so the site can route to it without loading it). */
export const WRITE_API_PATH = '/api/v1'
