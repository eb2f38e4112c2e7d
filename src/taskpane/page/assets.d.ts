/** Pictures of the guide, inlined by webpack.page.js as data: URLs. */
declare module "*.jpg" {
  const url: string;
  export default url;
}
