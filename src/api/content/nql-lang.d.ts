/** The part of @tryghost/nql-lang (CommonJS, untyped) that Masthead uses. Its output is checked, so it is `unknown` here. */
declare module '@tryghost/nql-lang' {
  const nql: {
    parse(input: string, options?: { preserveRelativeDates?: boolean }): unknown
  }
  export default nql
}
