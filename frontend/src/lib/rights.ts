/** Adaptation rights of a work (GET/PUT /works/{id}/rights), shared by works and the IP catalogue. */
export const MEDIA = [
  'film_tv',
  'animation',
  'games',
  'comics',
  'audio_drama',
  'stage',
  'translation',
  'merchandise',
] as const;
export const RIGHT_STATUSES = ['available', 'under_option', 'licensed', 'not_available'] as const;
export const CONTACTS = ['platform', 'email', 'agent'] as const;
export const MAX_TERMS = 2000;

export type Medium = (typeof MEDIA)[number];
export type RightStatus = (typeof RIGHT_STATUSES)[number];
export type Contact = (typeof CONTACTS)[number];

export interface Right {
  medium: Medium;
  status: RightStatus;
  terms?: string | null;
  /** Translation rights only. */
  language?: string | null;
  contact?: Contact | null;
  updatedAt?: string | null;
}
