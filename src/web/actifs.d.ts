/** Files imported for their URL (`?url`): the bundler copies them and gives their address. */
declare module "*?url" {
  const url: string;
  export default url;
}
