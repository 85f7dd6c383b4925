/** The routes (src/contracts/route.ts): declared as the handlers move to declaredRoutes. */
export const platformApi = {};
