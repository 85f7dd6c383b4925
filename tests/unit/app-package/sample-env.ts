/** Environment values a real deployment would provide, for building the package in tests. */
export function aPackageEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    TEAMS_APP_ID: '0f3c2a8e-5b1d-4c6e-9a7f-2d8b4e6c1a90',
    BOT_ID: '7d2e9b41-3c5a-4f8e-b6d0-1a9c8e7f2b35',
    AAD_APP_CLIENT_ID: 'c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
    TAB_DOMAIN: 'mentoring-prod.azurewebsites.net',
    ...overrides,
  };
}
