// Hand-written from the REST contract for now; a later step generates this file from /openapi.
// The server leaves out null fields and empty lists (Micronaut Serde's default), so every
// nullable field is also optional here: test with `== null` semantics (`?? null`), never `=== null`.

export type Locale = 'zh-CN' | 'en';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: number;
  handle: string;
  displayName: string;
  email?: string | null;
  emailVerified: boolean;
  locale: Locale;
  role: 'member' | 'moderator' | 'admin';
  status: string;
  statusUntil?: string | null;
  statusReason?: string | null;
  trustLevel: number;
  createdAt: string;
}

export interface Board {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  position: number;
  parentId?: number | null;
  color: string;
  topicCount: number;
  postCount: number;
  lastActivityAt?: string | null;
}

export interface PersonalToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
}

export interface CreatedPersonalToken extends Omit<PersonalToken, 'lastUsedAt'> {
  /** The secret, returned only once. */
  token: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A problem+json body with absent fields filled in (see ApiError). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string | null;
  errors: FieldError[];
  retryAfterSeconds: number | null;
}
