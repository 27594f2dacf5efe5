// The session cookie's attributes, in one place: a browser only deletes a cookie sent back with the same ones.
import type { FastifyRequest } from 'fastify';

export function sessionCookieAttributes(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  } as const;
}
