import type {
  OptInBody,
  PauseBody,
  ProfileEditBody,
  ProfileResponse,
} from '../../../src/contracts/profiles';
import type { VersionBody } from '../../../src/contracts/common';
import { api, apiRequest } from './client';

const myProfilePath = (programmeId: string) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/profile/me`;

/** `GET /api/programmes/:id/profile/me`: the person's profile in that programme. */
export function getMyProfile(programmeId: string, signal?: AbortSignal): Promise<ProfileResponse> {
  return api.get(myProfilePath(programmeId), signal ? { signal } : {});
}

/** `PUT .../profile/me` with the profile's ETag (`version_conflict` when someone saved in between). */
export async function editMyProfile(
  programmeId: string,
  body: ProfileEditBody,
  version: string | null,
): Promise<ProfileResponse> {
  const response = await apiRequest<ProfileResponse>(myProfilePath(programmeId), {
    method: 'PUT',
    body,
    ...(version ? { ifMatch: version } : {}),
  });
  return response.data;
}

/** The participation moves and their bodies. */
export type ParticipationMove =
  | { move: 'opt-in'; body: OptInBody }
  | { move: 'pause'; body: PauseBody }
  | { move: 'resume' | 'leave'; body: VersionBody | Record<string, never> };

/** `POST .../profile/me/<move>`: join, pause, resume or leave the programme. */
export function moveParticipation(
  programmeId: string,
  { move, body }: ParticipationMove,
): Promise<ProfileResponse> {
  return api.post(`${myProfilePath(programmeId)}/${move}`, body);
}
